import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { TablaDesplazable } from '@/components/ui/tabla-desplazable';
import { formatoDecimal, formatoEntero, formatoHora } from '@/lib/formato';
import { resumenLineas } from '../lib/feed';
import type { EntregaReciente } from '../types';

const NUMERO = { textAlign: 'right' } as const;

/** Los últimos pedidos registrados, el más reciente arriba (los nuevos llegan por el flujo en vivo). */
export function FeedPedidos({ entregas }: { entregas: EntregaReciente[] }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Últimos pedidos
        </Title>
        {entregas.length === 0 ? (
          <Text c="dimmed">Aún no hay pedidos registrados.</Text>
        ) : (
          <TablaDesplazable etiqueta="Tabla de últimos pedidos (desplazable)" anchoMinimo={720}>
            <Table striped aria-label="Últimos pedidos">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Registrado</Table.Th>
                  <Table.Th scope="col">Entregado</Table.Th>
                  <Table.Th scope="col">Repartidor</Table.Th>
                  <Table.Th scope="col">Productos</Table.Th>
                  <Table.Th scope="col" style={NUMERO}>
                    Unidades
                  </Table.Th>
                  <Table.Th scope="col" style={NUMERO}>
                    Total
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entregas.map((entrega) => (
                  <Table.Tr key={entrega.pedido_id} data-pedido={entrega.pedido_id}>
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
                    <Table.Td style={NUMERO}>{formatoEntero(entrega.unidades)}</Table.Td>
                    <Table.Td style={NUMERO}>{formatoDecimal(entrega.total)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TablaDesplazable>
        )}
      </Stack>
    </Paper>
  );
}
