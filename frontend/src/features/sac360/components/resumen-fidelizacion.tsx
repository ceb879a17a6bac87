import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { InsigniaEstado } from '@/components/ui/insignia-estado';
import { formatoEntero, nombreMes } from '@/lib/formato';
import { compararDinero, copDeTexto } from '../lib/resumen-dinero';
import type { FidelizacionResumen, TotalMesTexto } from '../resumen-types';
import { ResumenSparkline } from './resumen-sparkline';

function TotalDelMes({ titulo, total }: { titulo: string; total: TotalMesTexto }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" c="dimmed">
        {titulo} · {nombreMes(total.mes)}
      </Text>
      <Text fz={24} fw={700} data-testid={`vistazo-total-${total.mes}`}>
        {copDeTexto(total.total)}
      </Text>
      <Text size="sm" c="dimmed">
        {formatoEntero(total.compras)} {total.compras === 1 ? 'compra pagada' : 'compras pagadas'}
      </Text>
    </Paper>
  );
}

/** Qué le falta este mes: la regla es «más que el umbral», así que se dice «más de». */
function frasesMesActual(f: FidelizacionResumen): string {
  const mes = nombreMes(f.mes_actual.mes);
  const comparacion = compararDinero(f.mes_actual.total, f.umbral);
  if (comparacion > 0) return `En ${mes} ya superó el umbral: califica con lo pagado hasta hoy.`;
  if (comparacion === 0) {
    return `En ${mes} lleva exactamente el umbral (${copDeTexto(f.umbral)}): aún no califica, le basta cualquier compra pagada más.`;
  }
  return `En ${mes} le faltan más de ${copDeTexto(f.falta_mes_actual)} para calificar.`;
}

function fraseMesAnterior(f: FidelizacionResumen): string {
  const mes = nombreMes(f.mes_anterior.mes);
  const total = copDeTexto(f.mes_anterior.total);
  return f.califico_mes_anterior
    ? `En ${mes} calificó: sus compras pagadas (${total}) superaron el umbral.`
    : `En ${mes} no calificó: sus compras pagadas (${total}) no superaron el umbral.`;
}

/**
 * Fidelización que se explica sola: este mes y el anterior (total y compras pagadas), el umbral,
 * si calificó el mes anterior, cuánto le falta este mes y la tendencia de los últimos 6 meses.
 */
export function ResumenFidelizacion({ fidelizacion }: { fidelizacion: FidelizacionResumen }) {
  const f = fidelizacion;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TotalDelMes titulo="Este mes" total={f.mes_actual} />
        <TotalDelMes titulo="Mes anterior" total={f.mes_anterior} />
      </SimpleGrid>
      <Group gap="xs">
        <InsigniaEstado
          tono={f.califico_mes_anterior ? 'exito' : 'neutro'}
          etiqueta={f.califico_mes_anterior ? `Calificó en ${nombreMes(f.mes_anterior.mes)}` : `No calificó en ${nombreMes(f.mes_anterior.mes)}`}
        />
      </Group>
      <Stack gap={4} data-testid="explicacion-fidelizacion">
        <Text size="sm">
          Califica quien suma <strong>más de {copDeTexto(f.umbral)}</strong> en compras pagadas en un mes de Bogotá.
        </Text>
        <Text size="sm">{fraseMesAnterior(f)}</Text>
        <Text size="sm" fw={600}>
          {frasesMesActual(f)}
        </Text>
      </Stack>
      <div>
        <Text size="sm" c="dimmed" mb={4}>
          Últimos {f.ultimos_6_meses.length} meses (la línea punteada es el umbral)
        </Text>
        <ResumenSparkline meses={f.ultimos_6_meses} umbral={f.umbral} />
      </div>
    </Stack>
  );
}
