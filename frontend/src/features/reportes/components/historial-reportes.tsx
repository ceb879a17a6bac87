import { ActionIcon, Button, CopyButton, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { AlertaError } from '@/components/ui/alerta-error';
import { AnuncioVivo } from '@/components/ui/anuncio-vivo';
import { ConteoFilas } from '@/components/ui/conteo-filas';
import { IndicadorCarga } from '@/components/ui/indicador-carga';
import { Paginacion } from '@/components/ui/paginacion';
import { TablaDesplazable } from '@/components/ui/tabla-desplazable';
import { useFiltrosUrl } from '@/hooks/use-filtros-url';
import { mensajeDeError } from '@/lib/api-client';
import { formatoCop, formatoEntero, formatoFechaHora, nombreMes } from '@/lib/formato';
import { useDescargarDelHistorial, useHistorialReportes } from '../api/historial';
import { etiquetaOrigen, shaAbreviado } from '../lib/origenes';
import type { ItemHistorialReporte } from '../types';

const UNIDAD = ['reporte generado', 'reportes generados'] as const;

/** Dos hojas (copiar) o una marca (copiado); decorativo: el nombre va en el botón. */
function IconoCopiar({ copiado }: { copiado: boolean }) {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true" focusable="false">
      {copiado ? (
        <path d="M5 12l5 5L20 7" />
      ) : (
        <>
          <rect x="8" y="8" width="12" height="12" rx="2" />
          <path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" />
        </>
      )}
    </svg>
  );
}

/** El SHA-256 abreviado a la vista, completo en el `title` y en el botón de copiar. */
function Huella({ sha256 }: { sha256: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Text component="code" ff="monospace" size="xs" title={sha256} data-sha256={sha256}>
        {shaAbreviado(sha256)}
      </Text>
      <CopyButton value={sha256} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copiado' : 'Copiar el SHA-256 completo'} withArrow>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              size="sm"
              onClick={copy}
              aria-label={copied ? 'SHA-256 copiado' : 'Copiar el SHA-256 completo'}
            >
              <IconoCopiar copiado={copied} />
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

function Fila({ item, descargando, alDescargar }: { item: ItemHistorialReporte; descargando: boolean; alDescargar: () => void }) {
  const mes = nombreMes(item.mes);
  return (
    <Table.Tr data-historial={item.id}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{mes}</Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {formatoCop(item.umbral)}
      </Table.Td>
      <Table.Td ta="right">{formatoEntero(item.filas)}</Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {formatoCop(item.total)}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{item.generado_por}</Text>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {formatoFechaHora(item.generado_en)}
        </Text>
      </Table.Td>
      <Table.Td>{etiquetaOrigen(item.origen)}</Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <Button
            size="xs"
            variant="default"
            style={{ whiteSpace: 'nowrap' }}
            loading={descargando}
            onClick={alDescargar}
            aria-label={`Descargar de nuevo el reporte de ${mes} generado el ${formatoFechaHora(item.generado_en)}`}
          >
            Descargar de nuevo
          </Button>
          <Huella sha256={item.sha256} />
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

/** Los reportes de fidelización generados como archivo, el más nuevo primero, y cada archivo exacto. */
export function HistorialReportes() {
  const { cambiar, pagina } = useFiltrosUrl();
  const historial = useHistorialReportes(pagina);
  const descarga = useDescargarDelHistorial();
  const irA = (nueva: number) => cambiar({ pagina: nueva > 1 ? String(nueva) : '' });

  const descargar = (item: ItemHistorialReporte) =>
    descarga.mutate(item, {
      onSuccess: (nombre) => notifications.show({ color: 'teal', title: 'Reporte descargado', message: nombre }),
      onError: (error) => notifications.show({ color: 'red', title: 'No se pudo descargar el reporte', message: mensajeDeError(error) }),
    });

  const datos = historial.data;
  const anuncio = historial.isFetching
    ? 'Cargando el historial…'
    : datos
      ? `${formatoEntero(datos.total)} ${datos.total === 1 ? UNIDAD[0] : UNIDAD[1]}`
      : '';

  return (
    <Stack gap="md">
      <AnuncioVivo mensaje={anuncio} />
      <IndicadorCarga cargando={historial.isFetching} texto="Cargando el historial…" />
      {historial.isError ? <AlertaError error={historial.error} titulo="No se pudo cargar el historial de reportes" /> : null}
      {datos ? (
        <>
          <ConteoFilas total={datos.total} mostradas={datos.items.length} unidad={UNIDAD} />
          {datos.items.length === 0 ? (
            <Text c="dimmed">Aún no se ha generado ningún reporte como archivo.</Text>
          ) : (
            <TablaDesplazable etiqueta="Historial de reportes (tabla desplazable)" anchoMinimo={860}>
              <Table striped highlightOnHover verticalSpacing="xs" aria-label="Historial de reportes">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Mes</Table.Th>
                    <Table.Th scope="col" ta="right">
                      Umbral
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      Filas
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      Total
                    </Table.Th>
                    <Table.Th scope="col">Generado por · cuándo (hora de Bogotá)</Table.Th>
                    <Table.Th scope="col">Origen</Table.Th>
                    <Table.Th scope="col">Archivo · SHA-256</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody style={{ opacity: historial.isPlaceholderData ? 0.5 : 1 }} aria-busy={historial.isPlaceholderData}>
                  {datos.items.map((item) => (
                    <Fila
                      key={item.id}
                      item={item}
                      descargando={descarga.isPending && descarga.variables?.id === item.id}
                      alDescargar={() => descargar(item)}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </TablaDesplazable>
          )}
          <Paginacion pagina={datos.pagina} paginas={datos.paginas} alCambiar={irA} />
        </>
      ) : null}
    </Stack>
  );
}
