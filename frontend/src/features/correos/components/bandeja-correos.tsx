import { Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { AlertaError } from '@/components/ui/alerta-error';
import { AnuncioVivo } from '@/components/ui/anuncio-vivo';
import { InsigniaEstado, type Tono } from '@/components/ui/insignia-estado';
import { IndicadorCarga } from '@/components/ui/indicador-carga';
import { Paginacion } from '@/components/ui/paginacion';
import { TablaDesplazable } from '@/components/ui/tabla-desplazable';
import { ConteoFilas } from '@/components/ui/conteo-filas';
import { useFiltrosUrl } from '@/hooks/use-filtros-url';
import { formatoFechaHora } from '@/lib/formato';
import { useCorreos } from '../api/correos';
import { ESTADOS_CORREO, type Correo } from '../types';

const NOMBRE_ESTADO: Record<string, { etiqueta: string; tono: Tono }> = {
  pendiente: { etiqueta: 'Pendiente', tono: 'aviso' },
  enviado: { etiqueta: 'Enviado', tono: 'exito' },
  fallido: { etiqueta: 'Fallido', tono: 'peligro' },
};

const OPCIONES_ESTADO = [{ value: '', label: 'Todos' }, ...ESTADOS_CORREO.map((e) => ({ value: e, label: NOMBRE_ESTADO[e]?.etiqueta ?? e }))];

function Fila({ correo }: { correo: Correo }) {
  const estado = NOMBRE_ESTADO[correo.estado] ?? { etiqueta: correo.estado, tono: 'neutro' };
  return (
    <Table.Tr data-correo={correo.id}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatoFechaHora(correo.creado_en)}</Table.Td>
      <Table.Td>{correo.destinatario}</Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Text size="sm">{correo.asunto}</Text>
          {correo.adjuntos.length > 0 ? (
            <Text size="xs" c="dimmed">
              Adjuntos: {correo.adjuntos.map((a) => a.nombre).join(', ')}
            </Text>
          ) : null}
          {correo.cuerpo !== null ? (
            <details>
              <summary>Ver el cuerpo</summary>
              <Text component="pre" size="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {correo.cuerpo}
              </Text>
            </details>
          ) : null}
        </Stack>
      </Table.Td>
      <Table.Td>
        <InsigniaEstado etiqueta={estado.etiqueta} tono={estado.tono} valor={correo.estado} />
        {correo.ultimo_error ? (
          <Text size="xs" c="red.8">
            {correo.ultimo_error}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td ta="right">{correo.intentos}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{correo.enviado_en ? formatoFechaHora(correo.enviado_en) : '—'}</Table.Td>
    </Table.Tr>
  );
}

/** Administración: la bandeja de salida, el más reciente primero, con filtros en la URL. */
export function BandejaCorreos() {
  const { parametros, cambiar, pagina } = useFiltrosUrl();
  const destinatario = parametros.get('destinatario') ?? '';
  const estado = parametros.get('estado') ?? '';
  const correos = useCorreos({ destinatario: destinatario || undefined, estado: estado || undefined, pagina });
  const [texto, setTexto] = useState(destinatario);

  const filtrar = (evento: FormEvent<HTMLFormElement>) => {
    evento.preventDefault();
    cambiar({ destinatario: texto.trim(), pagina: '' });
  };

  const datos = correos.data;
  const anuncio = correos.isFetching ? 'Cargando correos…' : datos ? `${datos.total} ${datos.total === 1 ? 'correo' : 'correos'}` : '';

  return (
    <Stack gap="md">
      <form onSubmit={filtrar} noValidate role="search" aria-label="Filtrar la bandeja de salida">
        <Group align="flex-end" gap="sm">
          <TextInput
            label="Destinatario"
            name="destinatario"
            type="search"
            autoComplete="off"
            value={texto}
            w={{ base: '100%', sm: 300 }}
            onChange={(e) => setTexto(e.currentTarget.value)}
          />
          <NativeSelect
            label="Estado"
            name="estado"
            data={OPCIONES_ESTADO}
            value={estado}
            w={{ base: '100%', sm: 180 }}
            onChange={(e) => cambiar({ estado: e.currentTarget.value, pagina: '' })}
          />
          <Button type="submit">Filtrar</Button>
        </Group>
      </form>
      <AnuncioVivo mensaje={anuncio} />
      <IndicadorCarga cargando={correos.isFetching} texto="Cargando correos…" />
      {correos.isError ? <AlertaError error={correos.error} titulo="No se pudo cargar la bandeja de salida" /> : null}
      {datos && datos.items.length === 0 ? <Text c="dimmed">No hay correos con esos filtros.</Text> : null}
      {datos && datos.items.length > 0 ? (
        <>
          <ConteoFilas total={datos.total} mostradas={datos.items.length} unidad={['correo', 'correos']} />
          <TablaDesplazable etiqueta="Bandeja de salida" anchoMinimo={900}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Creado</Table.Th>
                  <Table.Th scope="col">Destinatario</Table.Th>
                  <Table.Th scope="col">Asunto</Table.Th>
                  <Table.Th scope="col">Estado</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Intentos
                  </Table.Th>
                  <Table.Th scope="col">Enviado</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {datos.items.map((correo) => (
                  <Fila key={correo.id} correo={correo} />
                ))}
              </Table.Tbody>
            </Table>
          </TablaDesplazable>
          <Paginacion pagina={datos.pagina} paginas={datos.paginas} alCambiar={(p) => cambiar({ pagina: String(p) })} />
        </>
      ) : null}
    </Stack>
  );
}
