import { Group, Loader, Stack, Text } from '@mantine/core';
import { AlertaError } from '@/components/ui/alerta-error';
import { formatoDia } from '@/lib/formato';
import { usePortafolio } from '../api/portafolios';
import { nombreTipo } from '../types';
import { EstadoPortafolio } from './estado-portafolio';
import { TablaLineas } from './tabla-lineas';

/** Un portafolio con sus líneas (`GET /api/portafolios/{id}`). */
export function DetallePortafolio({ id }: { id: number }) {
  const portafolio = usePortafolio(id);
  if (portafolio.isPending) return <Loader size="sm" aria-label="Cargando el portafolio" />;
  if (portafolio.isError) return <AlertaError error={portafolio.error} titulo="No se pudo cargar el portafolio" />;
  const p = portafolio.data;
  const obligatorias = p.lineas.filter((l) => l.obligatorio).length;
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <EstadoPortafolio portafolio={p} />
        <Text size="sm">
          {nombreTipo(p.tipo_establecimiento)} · vigente desde {formatoDia(p.vigente_desde)} · {p.lineas.length}{' '}
          {p.lineas.length === 1 ? 'línea' : 'líneas'}, {obligatorias} {obligatorias === 1 ? 'obligatoria' : 'obligatorias'}
        </Text>
      </Group>
      <TablaLineas lineas={p.lineas} etiqueta={`Líneas de ${p.nombre}`} />
    </Stack>
  );
}
