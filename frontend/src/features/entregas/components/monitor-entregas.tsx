import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useMemo, useRef, type ReactNode } from 'react';
import { AlertaError } from '@/components/ui/alerta-error';
import { IndicadorCarga } from '@/components/ui/indicador-carga';
import { formatoDecimal, formatoEntero, formatoHora } from '@/lib/formato';
import { useEventosEntregas } from '../api/eventos';
import { CLAVE_METRICAS, MINUTOS_RECIENTES, useMetricasEntregas, useMetricasRecientes } from '../api/metricas';
import { CLAVE_RECIENTES, useRecientesEntregas } from '../api/recientes';
import { agregarEvento } from '../lib/feed';
import type { EventoEntrega, RecientesEntregas } from '../types';
import { EstadoConexionEnVivo } from './estado-conexion';
import { FeedPedidos } from './feed-pedidos';
import { TablaProductos, TablaRepartidores } from './tablas-metricas';

const CLAVE_METRICAS_HORA = [...CLAVE_METRICAS, 'hora'] as const;
/** Varios pedidos seguidos se releen juntos: a lo sumo una relectura por este intervalo. */
const AGRUPAR_RELECTURA_MS = 750;

function Cifra({ etiqueta, valor, detalle }: { etiqueta: string; valor: ReactNode; detalle?: ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder radius="md" p="md" role="group" aria-labelledby={id}>
      <Text id={id} size="sm" c="dimmed">
        {etiqueta}
      </Text>
      <Text fz={28} fw={700} lh={1.2}>
        {valor}
      </Text>
      {detalle ? (
        <Text size="xs" c="dimmed">
          {detalle}
        </Text>
      ) : null}
    </Paper>
  );
}

function ms(valor: number | null): string {
  return valor === null ? '—' : `${formatoEntero(valor)} ms`;
}

/** Agrupa llamadas: la primera programa `accion` tras `ms`; las que llegan mientras tanto no suman. */
function useAgrupado(accion: () => void, espera: number): () => void {
  const temporizador = useRef<number | undefined>(undefined);
  const ultima = useRef(accion);
  useEffect(() => {
    ultima.current = accion;
  });
  useEffect(() => () => window.clearTimeout(temporizador.current), []);
  return useCallback(() => {
    if (temporizador.current !== undefined) return;
    temporizador.current = window.setTimeout(() => {
      temporizador.current = undefined;
      ultima.current();
    }, espera);
  }, [espera]);
}

export interface MonitorEntregasProps {
  /** Para pruebas: primera espera del retroceso de reconexión y gracia antes de marcar la caída. */
  esperaBaseMs?: number;
  graciaMs?: number;
}

/**
 * Monitor de entregas (M8): seis métricas de la última hora y de los últimos 10 minutos, feed de
 * pedidos y marca de la conexión en vivo. Cada evento pone el pedido arriba del feed al instante y
 * relee métricas y feed del servidor (los montos siempre los calcula el servidor, exactos).
 */
export function MonitorEntregas({ esperaBaseMs, graciaMs }: MonitorEntregasProps) {
  const queryClient = useQueryClient();
  const metricas = useMetricasEntregas();
  const ultimos = useMetricasRecientes(metricas.data?.hasta);
  const recientes = useRecientesEntregas();

  const nombres = useMemo(
    () => new Map((metricas.data?.por_repartidor ?? []).map((r) => [r.id_repartidor, r.nombre] as const)),
    [metricas.data],
  );

  const releer = useAgrupado(() => {
    void queryClient.invalidateQueries({ queryKey: CLAVE_METRICAS_HORA });
    void queryClient.invalidateQueries({ queryKey: CLAVE_RECIENTES });
  }, AGRUPAR_RELECTURA_MS);

  const alEvento = (evento: EventoEntrega) => {
    queryClient.setQueryData<RecientesEntregas>(CLAVE_RECIENTES, (previo) => {
      const entregas = agregarEvento(previo?.entregas ?? [], evento, nombres);
      // Un pedido nuevo (no uno que ya estaba en el feed) suma al total hasta la próxima relectura.
      const nuevo = !(previo?.entregas ?? []).some((e) => e.pedido_id === evento.pedido_id);
      const total = Math.max((previo?.total ?? 0) + (nuevo ? 1 : 0), entregas.length);
      return { entregas, total, truncado: total > entregas.length };
    });
    releer();
  };

  const alVolver = () =>
    Promise.all([
      queryClient.refetchQueries({ queryKey: CLAVE_METRICAS_HORA }, { throwOnError: true }),
      queryClient.refetchQueries({ queryKey: CLAVE_RECIENTES }, { throwOnError: true }),
    ]);

  const enVivo = useEventosEntregas({ alEvento, alVolver, esperaBaseMs, graciaMs });

  const datos = metricas.data;
  return (
    <Stack gap="lg">
      <EstadoConexionEnVivo enVivo={enVivo} />
      <IndicadorCarga cargando={metricas.isPending || recientes.isPending} texto="Cargando el monitor…" />
      {metricas.isError && !datos ? <AlertaError error={metricas.error} titulo="No se pudieron cargar las métricas" /> : null}
      {datos ? (
        <>
          <Text size="sm" c="dimmed">
            Última hora de entregas, de {formatoHora(datos.desde)} a {formatoHora(datos.hasta)} (calculado a las {formatoHora(datos.generado_en)}). Los
            montos están en la moneda del catálogo de Cargo Express, no en pesos colombianos.
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
            <Cifra
              etiqueta={`Pedidos en los últimos ${MINUTOS_RECIENTES} minutos`}
              valor={ultimos.data ? formatoEntero(ultimos.data.totales.entregas) : '—'}
              detalle={ultimos.data ? `${formatoEntero(ultimos.data.totales.unidades)} unidades` : undefined}
            />
            <Cifra
              etiqueta="Pedidos en la última hora"
              valor={formatoEntero(datos.totales.entregas)}
              detalle={`${formatoEntero(datos.totales.unidades)} unidades · ingresos ${formatoDecimal(datos.totales.ingresos)}`}
            />
            <Cifra
              etiqueta="Promedio de unidades por pedido"
              valor={formatoDecimal(datos.totales.unidades_por_entrega)}
              detalle={`Ticket promedio ${formatoDecimal(datos.totales.ticket_promedio)}`}
            />
            <Cifra
              etiqueta="Retraso de registro (mediana)"
              valor={ms(datos.latencia_registro_ms.p50)}
              detalle={`p95 ${ms(datos.latencia_registro_ms.p95)} · máximo ${ms(datos.latencia_registro_ms.max)} (de la entrega al registro)`}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
            <TablaRepartidores repartidores={datos.por_repartidor} />
            <TablaProductos productos={datos.por_producto} />
          </SimpleGrid>
        </>
      ) : null}
      {recientes.isError && !recientes.data ? <AlertaError error={recientes.error} titulo="No se pudieron cargar los últimos pedidos" /> : null}
      {recientes.data ? <FeedPedidos entregas={recientes.data.entregas} total={recientes.data.total} /> : null}
    </Stack>
  );
}
