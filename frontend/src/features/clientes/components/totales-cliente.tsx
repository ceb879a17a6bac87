import { Paper, SimpleGrid, Text } from '@mantine/core';
import { formatoCop, formatoEntero, nombreMes } from '@/lib/formato';
import type { TotalMes } from '../types';

function Total({ titulo, total }: { titulo: string; total: TotalMes }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed">
        {titulo} · {nombreMes(total.mes)}
      </Text>
      <Text fz={26} fw={700} data-testid={`total-${total.mes}`}>
        {formatoCop(total.total)}
      </Text>
      <Text size="sm" c="dimmed">
        {formatoEntero(total.compras)} {total.compras === 1 ? 'compra pagada' : 'compras pagadas'}
      </Text>
    </Paper>
  );
}

export function TotalesCliente({ mesActual, mesAnterior }: { mesActual: TotalMes; mesAnterior: TotalMes }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <Total titulo="Este mes" total={mesActual} />
      <Total titulo="Mes anterior" total={mesAnterior} />
    </SimpleGrid>
  );
}
