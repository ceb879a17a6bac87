import { Stack, Table } from '@mantine/core';
import { ConteoFilas } from '@/components/ui/conteo-filas';
import { TablaDesplazable } from '@/components/ui/tabla-desplazable';
import { formatoCop, formatoEntero, formatoFecha } from '@/lib/formato';
import type { FilaFidelizacion } from '../types';

export function TablaFidelizacion({ filas, titulo }: { filas: FilaFidelizacion[]; titulo: string }) {
  return (
    <Stack gap="xs">
      <ConteoFilas total={filas.length} unidad={['cliente califica', 'clientes califican']} />
      <TablaDesplazable etiqueta={`${titulo} (tabla desplazable)`} anchoMinimo={820}>
        <Table striped highlightOnHover verticalSpacing="xs" aria-label={titulo}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Documento</Table.Th>
              <Table.Th scope="col">Nombre</Table.Th>
              <Table.Th scope="col">Correo</Table.Th>
              <Table.Th scope="col">Teléfono</Table.Th>
              <Table.Th scope="col" ta="right">
                Compras
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Monto del mes
              </Table.Th>
              <Table.Th scope="col">Última compra</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {filas.map((fila) => (
              <Table.Tr key={`${fila.tipo_documento}-${fila.numero_documento}`}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {fila.tipo_documento} {fila.numero_documento}
                </Table.Td>
                <Table.Td>{[fila.nombre, fila.apellido].filter(Boolean).join(' ')}</Table.Td>
                <Table.Td>{fila.correo ?? '—'}</Table.Td>
                <Table.Td>{fila.telefono ?? '—'}</Table.Td>
                <Table.Td ta="right">{formatoEntero(fila.numero_compras)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatoCop(fila.monto_total)}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatoFecha(fila.fecha_ultima_compra)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TablaDesplazable>
    </Stack>
  );
}
