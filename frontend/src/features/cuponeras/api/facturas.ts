import { useMutation, useQuery } from '@tanstack/react-query';
import { descargarArchivo, guardarArchivo, solicitar } from '@/lib/api-client';
import { comoLista, type PaginaDe } from '@/lib/pagina';
import type { Factura } from '../types';
import { CLAVE_CUPONERAS, claveContrato } from './contratos';

export const claveFactura = (numero: string) => [...CLAVE_CUPONERAS, 'factura', numero] as const;

export async function facturasContrato(numero: string, estado: string | null, signal?: AbortSignal): Promise<Factura[]> {
  const ruta = `/api/contratos/${encodeURIComponent(numero)}/facturas`;
  return comoLista(await solicitar<Factura[] | PaginaDe<Factura>>(ruta, { parametros: { estado }, signal }));
}

export function obtenerFactura(numero: string, signal?: AbortSignal): Promise<Factura> {
  return solicitar<Factura>(`/api/facturas/${encodeURIComponent(numero)}`, { signal });
}

export function enviarFactura(numero: string): Promise<{ correo_id: number }> {
  return solicitar<{ correo_id: number }>(`/api/facturas/${encodeURIComponent(numero)}/enviar`, { method: 'POST' });
}

export async function descargarFacturaPdf(numero: string): Promise<string> {
  const archivo = await descargarArchivo(`/api/facturas/${encodeURIComponent(numero)}/pdf`, {}, `factura_${numero}.pdf`);
  guardarArchivo(archivo);
  return archivo.nombre;
}

export function useFacturas(contrato: string, estado: string | null) {
  return useQuery({
    queryKey: [...claveContrato(contrato), 'facturas', estado ?? 'todas'],
    queryFn: ({ signal }) => facturasContrato(contrato, estado, signal),
  });
}

export function useFactura(numero: string) {
  return useQuery({ queryKey: claveFactura(numero), queryFn: ({ signal }) => obtenerFactura(numero, signal) });
}

export function useEnviarFactura() {
  return useMutation({ mutationFn: enviarFactura });
}

export function useDescargarFacturaPdf() {
  return useMutation({ mutationFn: descargarFacturaPdf });
}
