import { useMutation } from '@tanstack/react-query';
import { descargarArchivo, guardarArchivo } from '@/lib/api-client';
import type { ConsultaDocumento, FormatoExportacion } from '../types';

export async function exportarCliente(consulta: ConsultaDocumento, formato: FormatoExportacion): Promise<string> {
  const archivo = await descargarArchivo(
    '/api/clientes/exportar',
    { tipo_documento: consulta.tipo, numero_documento: consulta.numero, formato },
    `cliente_${consulta.tipo}_${consulta.numero}.${formato}`,
  );
  guardarArchivo(archivo);
  return archivo.nombre;
}

export function useExportarCliente(consulta: ConsultaDocumento) {
  return useMutation({ mutationFn: (formato: FormatoExportacion) => exportarCliente(consulta, formato) });
}
