import { Anchor, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { AlertaError } from '@/components/ui/alerta-error';
import { AnuncioVivo } from '@/components/ui/anuncio-vivo';
import { ConteoFilas } from '@/components/ui/conteo-filas';
import { IndicadorCarga } from '@/components/ui/indicador-carga';
import { InsigniaEstado, type Tono } from '@/components/ui/insignia-estado';
import { Paginacion } from '@/components/ui/paginacion';
import { TablaDesplazable } from '@/components/ui/tabla-desplazable';
import { useFiltrosUrl } from '@/hooks/use-filtros-url';
import { formatoEntero } from '@/lib/formato';
import { useAdvertencias } from '../api/advertencias';
import { documento, esTipoAdvertencia, ETIQUETA_TIPO, EXPLICACION_TIPO, NOMBRE_TIPO, nombreCompleto, rutaConsulta } from '../lib/etiquetas';
import { TIPOS_ADVERTENCIA, type Advertencia, type ClienteInvolucrado } from '../types';
import { DialogoFusion } from './dialogo-fusion';

const UNIDAD = ['advertencia', 'advertencias'] as const;
const OPCIONES_TIPO = [{ value: '', label: 'Todas' }, ...TIPOS_ADVERTENCIA.map((t) => ({ value: t, label: ETIQUETA_TIPO[t] }))];
const TONO_TIPO: Record<string, Tono> = { duplicado: 'peligro', correo_compartido: 'aviso', telefono_invalido: 'info', correo_invalido: 'info' };

function Clientes({ clientes }: { clientes: ClienteInvolucrado[] }) {
  return (
    <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
      {clientes.map((c) => (
        <li key={c.id}>
          <Anchor component={Link} to={rutaConsulta(c)} size="sm" underline="always" style={{ whiteSpace: 'nowrap' }}>
            {documento(c)}
          </Anchor>{' '}
          <Text span size="sm">
            {nombreCompleto(c)}
          </Text>
        </li>
      ))}
    </Stack>
  );
}

function Fila({ advertencia, puedeFusionar, alFusionar }: { advertencia: Advertencia; puedeFusionar: boolean; alFusionar: () => void }) {
  const tipo = esTipoAdvertencia(advertencia.tipo) ? advertencia.tipo : null;
  const fusionable = puedeFusionar && advertencia.clientes.length >= 2;
  return (
    <Table.Tr data-advertencia={advertencia.tipo}>
      <Table.Td>
        <Stack gap={2}>
          <div>
            <InsigniaEstado etiqueta={tipo ? NOMBRE_TIPO[tipo] : advertencia.tipo} tono={TONO_TIPO[advertencia.tipo] ?? 'neutro'} valor={advertencia.tipo} />
          </div>
          {tipo ? (
            <Text size="xs" c="dimmed">
              {EXPLICACION_TIPO[tipo]}
            </Text>
          ) : null}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Clientes clientes={advertencia.clientes} />
      </Table.Td>
      {puedeFusionar ? (
        <Table.Td>
          {fusionable ? (
            <Button size="xs" variant="default" onClick={alFusionar} aria-label={`Fusionar ${advertencia.clientes.map(documento).join(' y ')}`}>
              Fusionar
            </Button>
          ) : null}
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}

/** Advertencias de calidad de datos con los clientes involucrados; el administrador puede fusionar duplicados. */
export function AdvertenciasCalidad({ puedeFusionar }: { puedeFusionar: boolean }) {
  const { parametros, cambiar, pagina } = useFiltrosUrl();
  const textoTipo = parametros.get('tipo');
  const tipo = esTipoAdvertencia(textoTipo) ? textoTipo : undefined;
  const advertencias = useAdvertencias({ tipo, pagina });
  const [aFusionar, setAFusionar] = useState<ClienteInvolucrado[] | null>(null);

  const datos = advertencias.data;
  const anuncio = advertencias.isFetching
    ? 'Cargando advertencias…'
    : datos
      ? `${formatoEntero(datos.total)} ${datos.total === 1 ? UNIDAD[0] : UNIDAD[1]}`
      : '';

  return (
    <Stack gap="md">
      <NativeSelect
        label="Tipo de advertencia"
        name="tipo"
        data={OPCIONES_TIPO}
        value={tipo ?? ''}
        w={{ base: '100%', sm: 280 }}
        onChange={(e) => cambiar({ tipo: e.currentTarget.value, pagina: '' })}
      />
      <AnuncioVivo mensaje={anuncio} />
      <IndicadorCarga cargando={advertencias.isFetching} texto="Cargando advertencias…" />
      {advertencias.isError ? <AlertaError error={advertencias.error} titulo="No se pudieron cargar las advertencias" /> : null}
      {datos ? (
        <>
          <ConteoFilas total={datos.total} mostradas={datos.items.length} unidad={UNIDAD} />
          {datos.items.length === 0 ? (
            <Group gap="sm">
              <Text c="dimmed">{datos.total > 0 ? 'No hay advertencias en esta página.' : tipo ? `Sin advertencias de ${ETIQUETA_TIPO[tipo].toLowerCase()}.` : 'Sin advertencias: los datos están limpios.'}</Text>
              {datos.total > 0 ? (
                <Button variant="subtle" size="xs" onClick={() => cambiar({ pagina: '' })}>
                  Ir a la primera página
                </Button>
              ) : null}
            </Group>
          ) : (
            <TablaDesplazable etiqueta="Advertencias de calidad de datos (tabla desplazable)" anchoMinimo={720}>
              <Table striped verticalSpacing="sm" aria-label="Advertencias de calidad de datos">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" w="40%">
                      Advertencia
                    </Table.Th>
                    <Table.Th scope="col">Clientes involucrados</Table.Th>
                    {puedeFusionar ? <Table.Th scope="col">Acción</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody style={{ opacity: advertencias.isPlaceholderData ? 0.5 : 1 }} aria-busy={advertencias.isPlaceholderData}>
                  {datos.items.map((advertencia) => (
                    <Fila
                      key={`${advertencia.tipo}-${advertencia.clientes.map((c) => c.id).join('-')}`}
                      advertencia={advertencia}
                      puedeFusionar={puedeFusionar}
                      alFusionar={() => setAFusionar(advertencia.clientes)}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </TablaDesplazable>
          )}
          <Paginacion pagina={datos.pagina} paginas={datos.paginas} alCambiar={(p) => cambiar({ pagina: p > 1 ? String(p) : '' })} />
        </>
      ) : null}
      {puedeFusionar ? <DialogoFusion clientes={aFusionar} alCerrar={() => setAFusionar(null)} /> : null}
    </Stack>
  );
}
