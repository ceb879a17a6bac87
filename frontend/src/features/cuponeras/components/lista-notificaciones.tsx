import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { AlertaError } from '@/components/ui/alerta-error';
import { AnuncioVivo } from '@/components/ui/anuncio-vivo';
import { IndicadorCarga } from '@/components/ui/indicador-carga';
import { ConteoFilas } from '@/components/ui/conteo-filas';
import { mensajeDeError } from '@/lib/api-client';
import { formatoFechaHora } from '@/lib/formato';
import { useMarcarLeida, useMarcarTodas, useNotificaciones } from '../api/notificaciones';
import { enlaceDeReferencia } from '../lib/etiquetas';

function EnlaceReferencia({ referencia }: { referencia: string | null }) {
  const enlace = enlaceDeReferencia(referencia, 'portal');
  if (!enlace) return null;
  return (
    <Anchor component={Link} to={enlace.ruta} size="sm">
      {enlace.texto}
    </Anchor>
  );
}

/** Todas las notificaciones propias (sin paginación), la más reciente primero; se marcan leídas de
 * a una o todas. */
export function ListaNotificaciones() {
  const lista = useNotificaciones();
  const marcar = useMarcarLeida();
  const todas = useMarcarTodas();
  const [anuncio, setAnuncio] = useState('');

  if (lista.isPending) return <IndicadorCarga cargando texto="Cargando sus notificaciones…" retrasoMs={0} />;
  if (lista.isError) return <AlertaError error={lista.error} titulo="No se pudieron cargar sus notificaciones" />;
  const items = lista.data;
  const noLeidas = items.filter((n) => !n.leida_en).length;
  const error = marcar.error ?? todas.error;

  return (
    <Stack gap="md">
      <AnuncioVivo mensaje={anuncio} />
      <Group justify="space-between">
        <Text size="sm">{noLeidas === 0 ? 'No tiene notificaciones sin leer.' : `${noLeidas} sin leer.`}</Text>
        <Button
          variant="default"
          size="xs"
          disabled={noLeidas === 0}
          loading={todas.isPending}
          onClick={() => todas.mutate(undefined, { onSuccess: () => setAnuncio('Todas las notificaciones quedaron leídas.') })}
        >
          Marcar todas como leídas
        </Button>
      </Group>
      {error ? (
        <Alert color="red" variant="light" role="alert" title="No se pudo marcar como leída">
          {mensajeDeError(error)}
        </Alert>
      ) : null}
      {items.length === 0 ? <Text c="dimmed">No tiene notificaciones.</Text> : <ConteoFilas total={items.length} unidad={['notificación', 'notificaciones']} />}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((n) => (
          <Paper component="li" key={n.id} withBorder radius="md" p="sm" data-leida={Boolean(n.leida_en)} bg={n.leida_en ? undefined : 'rio.0'}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={2}>
                <Group gap="xs">
                  {n.leida_en ? null : (
                    <Badge size="sm" color="rio" variant="filled" tt="none">
                      Nueva
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed">
                    {formatoFechaHora(n.creada_en)}
                  </Text>
                </Group>
                <Text size="sm" fw={n.leida_en ? 400 : 600}>
                  {n.mensaje}
                </Text>
                <EnlaceReferencia referencia={n.referencia} />
              </Stack>
              {n.leida_en ? null : (
                <Button
                  variant="subtle"
                  size="xs"
                  loading={marcar.isPending && marcar.variables === n.id}
                  aria-label={`Marcar como leída: ${n.mensaje}`}
                  onClick={() => marcar.mutate(n.id, { onSuccess: () => setAnuncio('Notificación marcada como leída.') })}
                >
                  Marcar como leída
                </Button>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
