import { Table, Text } from '@mantine/core';
import { ConteoFilas } from '@/components/ui/conteo-filas';
import { formatoDecimal, formatoEntero, formatoHora } from '@/lib/formato';
import { resumenLineas } from '../lib/feed';
import type { EntregaReciente } from '../types';
import { PanelTabla } from './panel-tabla';

/** Los últimos pedidos registrados, el más reciente arriba (los nuevos llegan por el flujo en vivo). */
export function FeedPedidos({ entregas, total }: { entregas: EntregaReciente[]; total: number }) {
  return (
    <PanelTabla
      titulo="Últimos pedidos"
      etiqueta="Últimos pedidos"
      anchoMinimo={720}
      controles={<ConteoFilas total={total} mostradas={entregas.length} unidad={['pedido registrado', 'pedidos registrados']} />}
      vacio={entregas.length === 0 ? <Text c="dimmed">Aún no hay pedidos registrados.</Text> : undefined}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Registrado</Table.Th>
          <Table.Th scope="col">Entregado</Table.Th>
          <Table.Th scope="col">Repartidor</Table.Th>
          <Table.Th scope="col">Productos</Table.Th>
          <Table.Th scope="col" ta="right">
            Unidades
          </Table.Th>
          <Table.Th scope="col" ta="right">
            Total
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entregas.map((entrega) => (
          <Table.Tr key={entrega.pedido_id}>
            <Table.Td>{formatoHora(entrega.registrado_en)}</Table.Td>
            <Table.Td>{formatoHora(entrega.entregado_en)}</Table.Td>
            <Table.Td>{entrega.repartidor.nombre}</Table.Td>
            <Table.Td>
              {resumenLineas(entrega) ?? (
                <Text span size="sm" c="dimmed">
                  Cargando detalle…
                </Text>
              )}
              <Text size="xs" c="dimmed" title="Identificador del pedido">
                {entrega.pedido_id}
              </Text>
            </Table.Td>
            <Table.Td ta="right">{formatoEntero(entrega.unidades)}</Table.Td>
            <Table.Td ta="right">{formatoDecimal(entrega.total)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </PanelTabla>
  );
}
