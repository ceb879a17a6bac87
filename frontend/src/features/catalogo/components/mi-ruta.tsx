import { Anchor, Badge, Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { AlertaError } from '@/components/ui/alerta-error';
import { AnuncioVivo } from '@/components/ui/anuncio-vivo';
import { IndicadorCarga } from '@/components/ui/indicador-carga';
import { ConteoFilas } from '@/components/ui/conteo-filas';
import { useMiRuta } from '../api/ruta';
import { nombreTipo, type ParadaRuta } from '../types';

function Parada({ parada }: { parada: ParadaRuta }) {
  const { portafolio } = parada;
  return (
    <Card withBorder radius="md" padding="md" component="li" aria-labelledby={`parada-${parada.id}`}>
      <Stack gap={4}>
        <Text fw={700} id={`parada-${parada.id}`} component="h2" fz="md" m={0}>
          {parada.nombre}
        </Text>
        <Badge variant="light" color="rio" tt="none" style={{ minWidth: 'max-content' }}>
          {nombreTipo(parada.tipo)}
        </Badge>
        <Text size="sm">
          {parada.direccion} · {parada.ciudad}
        </Text>
        {portafolio ? (
          <Text size="sm" c="dimmed">
            {portafolio.nombre}: {portafolio.lineas} {portafolio.lineas === 1 ? 'producto' : 'productos'}, {portafolio.obligatorias}{' '}
            {portafolio.obligatorias === 1 ? 'obligatorio' : 'obligatorios'}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            Sin portafolio vigente para este tipo de establecimiento.
          </Text>
        )}
        <Anchor component={Link} to={`/mi-ruta/${parada.id}`} fw={600} mt={4} aria-label={`Abrir el portafolio de ${parada.nombre}`}>
          Abrir portafolio →
        </Anchor>
      </Stack>
    </Card>
  );
}

/** Los establecimientos del vendedor, cada uno con el resumen de su portafolio vigente. */
export function MiRuta() {
  const ruta = useMiRuta();
  const paradas = ruta.data?.establecimientos ?? [];
  return (
    <Stack gap="md">
      <AnuncioVivo mensaje={ruta.data ? `${paradas.length} establecimientos en su ruta` : ''} />
      <IndicadorCarga cargando={ruta.isFetching} texto="Cargando su ruta…" />
      {ruta.isError ? <AlertaError error={ruta.error} titulo="No se pudo cargar su ruta" /> : null}
      {ruta.data && paradas.length === 0 ? (
        <Text c="dimmed">Aún no tiene establecimientos asignados. Pídale al equipo de catálogo que le asigne su ruta.</Text>
      ) : null}
      {ruta.data ? <ConteoFilas total={paradas.length} unidad={['establecimiento en su ruta', 'establecimientos en su ruta']} /> : null}
      {paradas.length > 0 ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" aria-label="Establecimientos de su ruta" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {paradas.map((parada) => (
            <Parada key={parada.id} parada={parada} />
          ))}
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}
