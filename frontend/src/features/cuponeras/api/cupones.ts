import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { descargarArchivo, guardarArchivo, solicitar } from '@/lib/api-client';
import type { Cupon, NuevoPago, PagoAplicado } from '../types';
import { CLAVE_CUPONERAS, claveContrato } from './contratos';

export const claveCupon = (numero: string) => [...CLAVE_CUPONERAS, 'cupon', numero] as const;

const rutaCupon = (numero: string) => `/api/cupones/${encodeURIComponent(numero)}`;

export function generarCupon(contrato: string, beneficio: string | null): Promise<Cupon> {
  return solicitar<Cupon>(`/api/contratos/${encodeURIComponent(contrato)}/cupones`, {
    method: 'POST',
    cuerpo: beneficio ? { beneficio } : {},
  });
}

export function obtenerCupon(numero: string, signal?: AbortSignal): Promise<Cupon> {
  return solicitar<Cupon>(rutaCupon(numero), { signal });
}

/**
 * El código de barras como `data:` URL: se pide con la sesión (y su refresco ante un 401) como
 * cualquier descarga, y la política CSP (`img-src 'self' data:`) no admite `blob:`.
 */
export async function codigoBarras(numero: string): Promise<string> {
  const { blob } = await descargarArchivo(`${rutaCupon(numero)}/codigo-barras.svg`, {}, `cupon_${numero}.svg`);
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(await blob.text())}`;
}

export async function descargarCuponPdf(numero: string): Promise<string> {
  const archivo = await descargarArchivo(`${rutaCupon(numero)}/pdf`, {}, `cupon_${numero}.pdf`);
  guardarArchivo(archivo);
  return archivo.nombre;
}

export function pagar(pago: NuevoPago): Promise<PagoAplicado> {
  return solicitar<PagoAplicado>('/api/pagos', { method: 'POST', cuerpo: pago });
}

export function useCupon(numero: string) {
  return useQuery({ queryKey: claveCupon(numero), queryFn: ({ signal }) => obtenerCupon(numero, signal) });
}

export function useCodigoBarras(numero: string) {
  return useQuery({ queryKey: [...claveCupon(numero), 'codigo-barras'], queryFn: () => codigoBarras(numero), staleTime: Infinity });
}

export function useGenerarCupon(contrato: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (beneficio: string | null) => generarCupon(contrato, beneficio),
    onSuccess: (cupon) => {
      queryClient.setQueryData(claveCupon(cupon.numero), cupon);
      void queryClient.invalidateQueries({ queryKey: claveContrato(contrato) });
      void queryClient.invalidateQueries({ queryKey: [...CLAVE_CUPONERAS, 'beneficios'] });
    },
  });
}

export function useDescargarCuponPdf() {
  return useMutation({ mutationFn: descargarCuponPdf });
}

/** Tras pagar, todo lo de cuponeras puede haber cambiado (cupón, facturas, historial, beneficios, avisos). */
export function usePagar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: pagar,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CLAVE_CUPONERAS }),
  });
}
