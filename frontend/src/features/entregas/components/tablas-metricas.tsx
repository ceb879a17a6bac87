import { Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { TablaDesplazable } from '@/components/ui/tabla-desplazable';
import { formatoDecimal, formatoEntero } from '@/lib/formato';
import { compararDecimales } from '../lib/decimal';
import type { MetricaProducto, MetricaRepartidor } from '../types';

const NUMERO = { textAlign: 'right' } as const;

/** Entregas por hora, unidades e ingresos de cada repartidor (los diez, en el orden del servidor). */
export function TablaRepartidores({ repartidores }: { repartidores: MetricaRepartidor[] }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Repartidores
        </Title>
        <TablaDesplazable etiqueta="Tabla de repartidores (desplazable)" anchoMinimo={520}>
          <Table striped aria-label="Entregas e ingresos por repartidor">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Repartidor</Table.Th>
                <Table.Th scope="col" style={NUMERO}>
                  Entregas
                </Table.Th>
                <Table.Th scope="col" style={NUMERO}>
                  Entregas por hora
                </Table.Th>
                <Table.Th scope="col" style={NUMERO}>
                  Unidades
                </Table.Th>
                <Table.Th scope="col" style={NUMERO}>
                  Ingresos
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {repartidores.map((r) => (
                <Table.Tr key={r.id_repartidor}>
                  <Table.Th scope="row" fw={500}>
                    {r.nombre}
                  </Table.Th>
                  <Table.Td style={NUMERO}>{formatoEntero(r.entregas)}</Table.Td>
                  <Table.Td style={NUMERO}>{formatoDecimal(r.entregas_por_hora)}</Table.Td>
                  <Table.Td style={NUMERO}>{formatoEntero(r.unidades)}</Table.Td>
                  <Table.Td style={NUMERO}>{formatoDecimal(r.ingresos)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TablaDesplazable>
      </Stack>
    </Paper>
  );
}

type Orden = 'unidades' | 'ingresos';

/** Productos más vendidos, por unidades (orden del servidor) o por ingresos (comparados sin coma flotante). */
export function TablaProductos({ productos }: { productos: MetricaProducto[] }) {
  const [orden, setOrden] = useState<Orden>('unidades');
  const ordenados = useMemo(() => {
    if (orden === 'unidades') return productos;
    return [...productos].sort((a, b) => compararDecimales(b.ingresos, a.ingresos) || a.id_producto.localeCompare(b.id_producto));
  }, [productos, orden]);
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Productos más vendidos
        </Title>
        <SegmentedControl
          aria-label="Ordenar productos por"
          value={orden}
          onChange={(valor) => setOrden(valor as Orden)}
          data={[
            { value: 'unidades', label: 'Por unidades' },
            { value: 'ingresos', label: 'Por ingresos' },
          ]}
        />
        <TablaDesplazable etiqueta="Tabla de productos (desplazable)" anchoMinimo={380}>
          <Table striped aria-label={`Productos más vendidos ${orden === 'unidades' ? 'por unidades' : 'por ingresos'}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Producto</Table.Th>
                <Table.Th scope="col" style={NUMERO} aria-sort={orden === 'unidades' ? 'descending' : undefined}>
                  Unidades
                </Table.Th>
                <Table.Th scope="col" style={NUMERO} aria-sort={orden === 'ingresos' ? 'descending' : undefined}>
                  Ingresos
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ordenados.map((p) => (
                <Table.Tr key={p.id_producto}>
                  <Table.Th scope="row" fw={500}>
                    {p.producto}
                    <Text span size="xs" c="dimmed" ml={6}>
                      {p.id_producto}
                    </Text>
                  </Table.Th>
                  <Table.Td style={NUMERO}>{formatoEntero(p.unidades)}</Table.Td>
                  <Table.Td style={NUMERO}>{formatoDecimal(p.ingresos)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TablaDesplazable>
      </Stack>
    </Paper>
  );
}
