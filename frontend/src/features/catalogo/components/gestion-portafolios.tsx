import { Button, Card, Group, Modal, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { AlertaError } from '@/components/ui/alerta-error';
import { AnuncioVivo } from '@/components/ui/anuncio-vivo';
import { IndicadorCarga } from '@/components/ui/indicador-carga';
import { TablaDesplazable } from '@/components/ui/tabla-desplazable';
import { ConteoFilas } from '@/components/ui/conteo-filas';
import { mensajeDeError } from '@/lib/api-client';
import { formatoDia } from '@/lib/formato';
import { useCambiarPortafolio, usePortafolios } from '../api/portafolios';
import { nombreTipo, TIPOS_ESTABLECIMIENTO, type PortafolioResumen } from '../types';
import { ConstructorPortafolio } from './constructor-portafolio';
import { DetallePortafolio } from './detalle-portafolio';
import { EstadoPortafolio } from './estado-portafolio';

type Dialogo = { modo: 'ver'; portafolio: PortafolioResumen } | { modo: 'crear' } | null;

function numeroLineas(p: PortafolioResumen): string {
  if (typeof p.lineas === 'number') return String(p.lineas);
  if (Array.isArray(p.lineas)) return String(p.lineas.length);
  return '—';
}

/** Historial: por tipo y, dentro del tipo, del más reciente al más antiguo. */
function ordenar(lista: PortafolioResumen[]): PortafolioResumen[] {
  const orden = TIPOS_ESTABLECIMIENTO.map((t) => t.codigo as string);
  return [...lista].sort(
    (a, b) =>
      orden.indexOf(a.tipo_establecimiento) - orden.indexOf(b.tipo_establecimiento) ||
      b.vigente_desde.localeCompare(a.vigente_desde) ||
      b.id - a.id,
  );
}

interface GestionPortafoliosProps {
  puedeEditar: boolean;
}

/** El portafolio vigente de cada tipo, el historial, el detalle y (con permiso) crear y activar. */
export function GestionPortafolios({ puedeEditar }: GestionPortafoliosProps) {
  const [parametros, setParametros] = useSearchParams();
  const tipo = parametros.get('tipo') ?? '';
  const portafolios = usePortafolios(tipo || undefined);
  const cambiar = useCambiarPortafolio();
  const [dialogo, setDialogo] = useState<Dialogo>(null);
  const lista = ordenar(portafolios.data?.items ?? []);
  const tipos = TIPOS_ESTABLECIMIENTO.filter((t) => !tipo || t.codigo === tipo);

  const alternar = (p: PortafolioResumen) =>
    cambiar.mutate(
      { id: p.id, activo: !p.activo },
      {
        onSuccess: () => notifications.show({ color: 'teal', title: p.activo ? 'Portafolio desactivado' : 'Portafolio activado', message: p.nombre }),
        onError: (error) => notifications.show({ color: 'red', title: 'No se pudo cambiar el portafolio', message: mensajeDeError(error) }),
      },
    );

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <NativeSelect
          label="Tipo de establecimiento"
          value={tipo}
          data={[{ value: '', label: 'Todos los tipos' }, ...TIPOS_ESTABLECIMIENTO.map((t) => ({ value: t.codigo, label: t.nombre }))]}
          onChange={(e) => setParametros(e.currentTarget.value ? { tipo: e.currentTarget.value } : {})}
          w={{ base: '100%', sm: 240 }}
        />
        <Group gap="sm">
          <IndicadorCarga cargando={portafolios.isFetching} />
          {puedeEditar ? <Button onClick={() => setDialogo({ modo: 'crear' })}>Nuevo portafolio</Button> : null}
        </Group>
      </Group>
      <AnuncioVivo mensaje={portafolios.isFetching ? 'Cargando portafolios…' : portafolios.data ? `${lista.length} portafolios` : ''} />
      {portafolios.isError ? <AlertaError error={portafolios.error} titulo="No se pudieron cargar los portafolios" /> : null}

      {portafolios.data ? (
        <section aria-labelledby="titulo-vigentes">
          <Title order={2} size="h4" id="titulo-vigentes" mb="xs">
            Vigentes hoy
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {tipos.map((t) => {
              const vigente = lista.find((p) => p.tipo_establecimiento === t.codigo && p.vigente);
              return (
                <Card key={t.codigo} withBorder radius="md" padding="sm" component="article" aria-label={`Vigente para ${t.nombre}`}>
                  <Text fw={700}>{t.nombre}</Text>
                  {vigente ? (
                    <>
                      <Text size="sm">{vigente.nombre}</Text>
                      <Text size="xs" c="dimmed">
                        Desde {formatoDia(vigente.vigente_desde)} · {numeroLineas(vigente)} líneas
                      </Text>
                      <Button size="xs" variant="light" mt="xs" aria-label={`Ver ${vigente.nombre}`} onClick={() => setDialogo({ modo: 'ver', portafolio: vigente })}>
                        Ver líneas
                      </Button>
                    </>
                  ) : (
                    <Text size="sm" c="dimmed">
                      Sin portafolio vigente: los vendedores no verán productos para este tipo.
                    </Text>
                  )}
                </Card>
              );
            })}
          </SimpleGrid>
        </section>
      ) : null}

      {portafolios.data ? (
        <section aria-labelledby="titulo-historial">
          <Title order={2} size="h4" id="titulo-historial" mb="xs">
            Historial
          </Title>
          <ConteoFilas total={portafolios.data.total} mostradas={lista.length} unidad={['portafolio', 'portafolios']} />
          {lista.length === 0 ? (
            <Text c="dimmed">No hay portafolios{tipo ? ` para ${nombreTipo(tipo)}` : ''}.</Text>
          ) : (
            <TablaDesplazable etiqueta="Historial de portafolios (tabla desplazable)" anchoMinimo={760}>
              <Table striped highlightOnHover verticalSpacing="xs" aria-labelledby="titulo-historial">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Nombre</Table.Th>
                    <Table.Th scope="col">Tipo</Table.Th>
                    <Table.Th scope="col">Vigente desde</Table.Th>
                    <Table.Th scope="col">Estado</Table.Th>
                    <Table.Th scope="col" ta="right">
                      Líneas
                    </Table.Th>
                    <Table.Th scope="col">Acciones</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {lista.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>{p.nombre}</Table.Td>
                      <Table.Td>{nombreTipo(p.tipo_establecimiento)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatoDia(p.vigente_desde)}</Table.Td>
                      <Table.Td>
                        <EstadoPortafolio portafolio={p} />
                      </Table.Td>
                      <Table.Td ta="right">{numeroLineas(p)}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button size="xs" variant="default" aria-label={`Ver ${p.nombre}`} onClick={() => setDialogo({ modo: 'ver', portafolio: p })}>
                            Ver
                          </Button>
                          {puedeEditar ? (
                            <Button
                              size="xs"
                              variant={p.activo ? 'outline' : 'light'}
                              color={p.activo ? 'red' : 'rio'}
                              disabled={cambiar.isPending}
                              aria-label={`${p.activo ? 'Desactivar' : 'Activar'} ${p.nombre}`}
                              onClick={() => alternar(p)}
                            >
                              {p.activo ? 'Desactivar' : 'Activar'}
                            </Button>
                          ) : null}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TablaDesplazable>
          )}
        </section>
      ) : null}

      <Modal
        opened={dialogo !== null}
        onClose={() => setDialogo(null)}
        title={dialogo?.modo === 'ver' ? dialogo.portafolio.nombre : 'Nuevo portafolio'}
        size={dialogo?.modo === 'crear' ? 'xl' : 'lg'}
        centered
      >
        {dialogo?.modo === 'ver' ? <DetallePortafolio id={dialogo.portafolio.id} /> : null}
        {dialogo?.modo === 'crear' ? (
          <ConstructorPortafolio
            tipoInicial={tipo}
            alCancelar={() => setDialogo(null)}
            alGuardar={(p) => {
              setDialogo(null);
              notifications.show({
                color: 'teal',
                title: 'Portafolio creado',
                message: `${p.nombre} (${nombreTipo(p.tipo_establecimiento)}), vigente desde ${formatoDia(p.vigente_desde)}`,
              });
            }}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
