import { Alert, Anchor, Button, Checkbox, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { AlertaError } from '@/components/ui/alerta-error';
import { AnuncioVivo } from '@/components/ui/anuncio-vivo';
import { IndicadorCarga } from '@/components/ui/indicador-carga';
import { esErrorApi } from '@/lib/api-client';
import { formatoCop, formatoDia, formatoEntero, hoyEnBogota } from '@/lib/formato';
import { useMiRuta, usePortafolioDeEstablecimiento } from '../api/ruta';
import { useChequeoLocal } from '../lib/chequeo-local';
import { ordenarLineas } from '../lib/lineas';
import { nombreTipo, type LineaPortafolio, type Portafolio } from '../types';
import { MarcaObligatorio } from './tabla-lineas';

function detalleLinea(linea: LineaPortafolio): string {
  const partes = [linea.producto.codigo];
  if (linea.producto.presentacion) partes.push(linea.producto.presentacion);
  partes.push(`mínimo ${formatoEntero(linea.cantidad_minima)}`);
  partes.push(linea.precio_sugerido === null ? 'sin precio sugerido' : `precio sugerido ${formatoCop(linea.precio_sugerido)}`);
  return partes.join(' · ');
}

function Grupo({ titulo, lineas, marcados, alternar }: { titulo: string; lineas: LineaPortafolio[]; marcados: Set<string>; alternar: (c: string, m: boolean) => void }) {
  if (lineas.length === 0) return null;
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend>
        <Title order={2} size="h4" mb="xs">
          {titulo} ({lineas.length})
        </Title>
      </legend>
      <Stack gap="sm">
        {lineas.map((linea) => (
          <Checkbox
            key={linea.producto.codigo}
            size="md"
            checked={marcados.has(linea.producto.codigo)}
            onChange={(e) => alternar(linea.producto.codigo, e.currentTarget.checked)}
            label={
              <Group gap="xs" component="span">
                <span>{linea.producto.nombre}</span>
                {linea.obligatorio ? <MarcaObligatorio /> : null}
              </Group>
            }
            // Mantine no enlaza la descripción con la casilla: se enlaza aquí para que el lector la lea.
            description={<span id={`detalle-${linea.producto.codigo}`}>{detalleLinea(linea)}</span>}
            aria-describedby={`detalle-${linea.producto.codigo}`}
          />
        ))}
      </Stack>
    </fieldset>
  );
}

function Chequeo({ establecimientoId, portafolio }: { establecimientoId: number; portafolio: Portafolio }) {
  const { marcados, alternar, limpiar } = useChequeoLocal(`sac.chequeo.${establecimientoId}.${portafolio.id}.${hoyEnBogota()}`);
  const lineas = ordenarLineas(portafolio.lineas);
  const obligatorias = lineas.filter((l) => l.obligatorio);
  const revisadas = lineas.filter((l) => marcados.has(l.producto.codigo)).length;
  const faltanObligatorias = obligatorias.filter((l) => !marcados.has(l.producto.codigo)).length;
  const resumen = `${revisadas} de ${lineas.length} revisados${
    obligatorias.length ? (faltanObligatorias ? ` · faltan ${faltanObligatorias} obligatorios` : ' · obligatorios completos') : ''
  }`;

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {portafolio.nombre} · vigente desde {formatoDia(portafolio.vigente_desde)}
      </Text>
      <Group justify="space-between" align="center">
        <Text fw={600} data-testid="resumen-chequeo">
          {resumen}
        </Text>
        <Button variant="default" size="xs" onClick={limpiar} disabled={revisadas === 0}>
          Desmarcar todo
        </Button>
      </Group>
      <Progress value={lineas.length ? (revisadas / lineas.length) * 100 : 0} aria-label="Avance de la lista de chequeo" color={faltanObligatorias ? 'rio' : 'teal'} />
      <AnuncioVivo mensaje={resumen} />
      <Grupo titulo="Obligatorios" lineas={obligatorias} marcados={marcados} alternar={alternar} />
      <Grupo titulo="Opcionales" lineas={lineas.filter((l) => !l.obligatorio)} marcados={marcados} alternar={alternar} />
    </Stack>
  );
}

/** El portafolio vigente de una tienda de la ruta, como lista de chequeo para la visita. */
export function ListaChequeo({ establecimientoId }: { establecimientoId: number }) {
  const ruta = useMiRuta();
  const portafolio = usePortafolioDeEstablecimiento(establecimientoId);
  const parada = ruta.data?.establecimientos.find((e) => e.id === establecimientoId);
  const error = esErrorApi(portafolio.error) ? portafolio.error : null;

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/mi-ruta">
        ← Volver a mi ruta
      </Anchor>
      {parada ? (
        <Text>
          <strong>{parada.nombre}</strong> · {nombreTipo(parada.tipo)} · {parada.direccion}, {parada.ciudad}
        </Text>
      ) : null}
      <IndicadorCarga cargando={portafolio.isFetching} texto="Cargando el portafolio…" />
      {error?.estado === 404 ? (
        <Alert color="yellow" variant="light" role="alert" title="Sin portafolio vigente">
          Hoy no hay un portafolio vigente para este tipo de establecimiento, así que no hay productos que revisar. Avísele al equipo de
          catálogo. <Text span size="xs" c="dimmed">({error.message})</Text>
        </Alert>
      ) : error?.estado === 403 ? (
        <Alert color="red" variant="light" role="alert" title="Este establecimiento no está en su ruta">
          Solo puede ver el portafolio de los establecimientos que tiene asignados.
        </Alert>
      ) : portafolio.isError ? (
        <AlertaError error={portafolio.error} titulo="No se pudo cargar el portafolio" />
      ) : null}
      {portafolio.data ? <Chequeo establecimientoId={establecimientoId} portafolio={portafolio.data} /> : null}
    </Stack>
  );
}
