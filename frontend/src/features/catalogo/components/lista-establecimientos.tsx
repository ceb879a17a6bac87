import { Button, Group, Modal, NativeSelect, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { AlertaError } from '@/components/ui/alerta-error';
import { AnuncioVivo } from '@/components/ui/anuncio-vivo';
import { IndicadorCarga } from '@/components/ui/indicador-carga';
import { Paginacion } from '@/components/ui/paginacion';
import { TablaDesplazable } from '@/components/ui/tabla-desplazable';
import { ConteoFilas } from '@/components/ui/conteo-filas';
import { formatoEntero } from '@/lib/formato';
import { useEstablecimientos } from '../api/establecimientos';
import { useFiltrosUrl } from '../lib/filtros-url';
import { nombreTipo, TIPOS_ESTABLECIMIENTO, type Establecimiento, type FiltrosEstablecimientos } from '../types';
import { AsignarVendedor } from './asignar-vendedor';
import { EstadoActivo } from './estado-activo';
import { FormularioEstablecimiento } from './formulario-establecimiento';

const CAMPOS_FILTRO = ['q', 'tipo', 'ciudad', 'vendedor'] as const;
type CampoFiltro = (typeof CAMPOS_FILTRO)[number];

type Dialogo = { modo: 'crear' } | { modo: 'editar' | 'vendedor'; establecimiento: Establecimiento } | null;

function FiltrosEstablecimientosForm({ inicial, alFiltrar }: { inicial: Partial<Record<CampoFiltro, string>>; alFiltrar: (f: Partial<Record<CampoFiltro, string>>) => void }) {
  const [valores, setValores] = useState(inicial);
  const cambiar = (campo: CampoFiltro) => (valor: string) => setValores((v) => ({ ...v, [campo]: valor }));
  const enviar = (evento: FormEvent<HTMLFormElement>) => {
    evento.preventDefault();
    alFiltrar(valores);
  };
  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={enviar} noValidate role="search" aria-label="Filtros de establecimientos">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput label="Nombre o NIT" value={valores.q ?? ''} onChange={(e) => cambiar('q')(e.currentTarget.value)} w={{ base: '100%', sm: 220 }} />
          <NativeSelect
            label="Tipo"
            value={valores.tipo ?? ''}
            data={[{ value: '', label: 'Todos' }, ...TIPOS_ESTABLECIMIENTO.map((t) => ({ value: t.codigo, label: t.nombre }))]}
            onChange={(e) => alFiltrar({ ...valores, tipo: e.currentTarget.value })}
            w={{ base: '100%', sm: 180 }}
          />
          <TextInput label="Ciudad" value={valores.ciudad ?? ''} onChange={(e) => cambiar('ciudad')(e.currentTarget.value)} w={{ base: '100%', sm: 160 }} />
          <TextInput
            label="Vendedor (usuario)"
            value={valores.vendedor ?? ''}
            autoComplete="off"
            onChange={(e) => cambiar('vendedor')(e.currentTarget.value)}
            w={{ base: '100%', sm: 160 }}
          />
          <Button type="submit">Filtrar</Button>
        </Group>
      </form>
    </Paper>
  );
}

interface ListaEstablecimientosProps {
  puedeEditar: boolean;
}

/** Establecimientos con filtros por tipo, ciudad, vendedor y texto; alta, edición y vendedor. */
export function ListaEstablecimientos({ puedeEditar }: ListaEstablecimientosProps) {
  const { filtros, sinPagina, filtrar, irAPagina, clave } = useFiltrosUrl(CAMPOS_FILTRO);
  const establecimientos = useEstablecimientos(filtros as FiltrosEstablecimientos);
  const [dialogo, setDialogo] = useState<Dialogo>(null);
  const datos = establecimientos.data;

  const cerrarConAviso = (titulo: string) => (e: Establecimiento) => {
    setDialogo(null);
    notifications.show({ color: 'teal', title: titulo, message: e.nombre });
  };

  const tituloDialogo =
    dialogo?.modo === 'crear'
      ? 'Nuevo establecimiento'
      : dialogo?.modo === 'editar'
        ? `Editar ${dialogo.establecimiento.nombre}`
        : dialogo
          ? `Vendedor de ${dialogo.establecimiento.nombre}`
          : '';

  return (
    <Stack gap="md">
      <FiltrosEstablecimientosForm key={clave} inicial={sinPagina} alFiltrar={(f) => filtrar(f)} />
      <AnuncioVivo
        mensaje={
          establecimientos.isFetching ? 'Cargando establecimientos…' : datos ? `${formatoEntero(datos.total)} establecimientos` : ''
        }
      />
      <Group justify="space-between">
        <Group gap="sm">
          <IndicadorCarga cargando={establecimientos.isFetching} />
          {datos ? (
            <ConteoFilas total={datos.total} mostradas={datos.items.length} unidad={['establecimiento', 'establecimientos']} />
          ) : null}
        </Group>
        {puedeEditar ? <Button onClick={() => setDialogo({ modo: 'crear' })}>Nuevo establecimiento</Button> : null}
      </Group>
      {establecimientos.isError ? <AlertaError error={establecimientos.error} titulo="No se pudieron cargar los establecimientos" /> : null}
      {datos && datos.items.length === 0 ? <Text c="dimmed">No hay establecimientos con estos filtros.</Text> : null}
      {datos && datos.items.length > 0 ? (
        <TablaDesplazable etiqueta="Establecimientos (tabla desplazable)" anchoMinimo={960}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-label="Establecimientos" style={{ opacity: establecimientos.isPlaceholderData ? 0.55 : 1 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Nombre</Table.Th>
                <Table.Th scope="col">Tipo</Table.Th>
                <Table.Th scope="col">Ciudad</Table.Th>
                <Table.Th scope="col">Dirección</Table.Th>
                <Table.Th scope="col">NIT</Table.Th>
                <Table.Th scope="col">Vendedor</Table.Th>
                <Table.Th scope="col">Estado</Table.Th>
                {puedeEditar ? <Table.Th scope="col">Acciones</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {datos.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.nombre}</Table.Td>
                  <Table.Td>{nombreTipo(e.tipo)}</Table.Td>
                  <Table.Td>
                    {e.ciudad}
                    <Text size="xs" c="dimmed">
                      {e.departamento}
                    </Text>
                  </Table.Td>
                  <Table.Td>{e.direccion}</Table.Td>
                  <Table.Td ff="monospace">{e.nit ?? '—'}</Table.Td>
                  <Table.Td>
                    {e.vendedor ? (
                      <>
                        {e.vendedor.nombre}
                        <Text size="xs" c="dimmed">
                          {e.vendedor.usuario}
                          {e.vendedor.zona ? ` · zona ${e.vendedor.zona}` : ''}
                        </Text>
                      </>
                    ) : (
                      <Text size="sm" c="dimmed">
                        Sin vendedor
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <EstadoActivo activo={e.activo} />
                  </Table.Td>
                  {puedeEditar ? (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" variant="default" aria-label={`Editar ${e.nombre}`} onClick={() => setDialogo({ modo: 'editar', establecimiento: e })}>
                          Editar
                        </Button>
                        <Button
                          size="xs"
                          variant="light"
                          aria-label={`Asignar vendedor a ${e.nombre}`}
                          onClick={() => setDialogo({ modo: 'vendedor', establecimiento: e })}
                        >
                          Vendedor
                        </Button>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TablaDesplazable>
      ) : null}
      {datos ? <Paginacion pagina={datos.pagina} paginas={datos.paginas} alCambiar={irAPagina} /> : null}
      <Modal opened={dialogo !== null} onClose={() => setDialogo(null)} title={tituloDialogo} size={dialogo?.modo === 'vendedor' ? 'md' : 'lg'} centered>
        {dialogo?.modo === 'vendedor' ? (
          <AsignarVendedor establecimiento={dialogo.establecimiento} alCancelar={() => setDialogo(null)} alGuardar={cerrarConAviso('Vendedor actualizado')} />
        ) : dialogo ? (
          <FormularioEstablecimiento
            establecimiento={dialogo.modo === 'editar' ? dialogo.establecimiento : undefined}
            alCancelar={() => setDialogo(null)}
            alGuardar={cerrarConAviso(dialogo.modo === 'crear' ? 'Establecimiento creado' : 'Establecimiento actualizado')}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
