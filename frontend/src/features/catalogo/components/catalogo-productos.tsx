import { Button, Group, Modal, NativeSelect, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { AlertaError } from '@/components/ui/alerta-error';
import { AnuncioVivo } from '@/components/ui/anuncio-vivo';
import { IndicadorCarga } from '@/components/ui/indicador-carga';
import { Paginacion } from '@/components/ui/paginacion';
import { TablaDesplazable } from '@/components/ui/tabla-desplazable';
import { ConteoFilas } from '@/components/ui/conteo-filas';
import { mensajeDeError } from '@/lib/api-client';
import { formatoCop, formatoEntero } from '@/lib/formato';
import { useCambiarProducto, useProductos } from '../api/productos';
import { RETRASO_BUSQUEDA_MS, useFiltrosUrl } from '../lib/filtros-url';
import type { FiltrosProductos, Producto } from '../types';
import { EstadoActivo } from './estado-activo';
import { FormularioProducto } from './formulario-producto';

const CAMPOS_FILTRO = ['q', 'categoria', 'activo'] as const;

type Edicion = { modo: 'crear' } | { modo: 'editar'; producto: Producto } | null;

interface CatalogoProductosProps {
  /** Con `catalogo.editar`: crear, editar, desactivar y activar. */
  puedeEditar: boolean;
}

/** Productos: búsqueda mientras se escribe, filtros, páginas y (con permiso) alta y edición. */
export function CatalogoProductos({ puedeEditar }: CatalogoProductosProps) {
  const { filtros, filtrar, irAPagina } = useFiltrosUrl(CAMPOS_FILTRO);
  const [texto, setTexto] = useState(filtros.q ?? '');
  const [categoria, setCategoria] = useState(filtros.categoria ?? '');
  const [textoQuieto] = useDebouncedValue(texto, RETRASO_BUSQUEDA_MS);
  const [categoriaQuieta] = useDebouncedValue(categoria, RETRASO_BUSQUEDA_MS);
  const [edicion, setEdicion] = useState<Edicion>(null);
  const productos = useProductos(filtros as FiltrosProductos);
  const cambiar = useCambiarProducto();
  const datos = productos.data;
  const campoBusqueda = useRef<HTMLInputElement>(null);

  useEffect(() => {
    campoBusqueda.current?.focus();
  }, []);

  useEffect(() => {
    if (textoQuieto.trim() !== (filtros.q ?? '') || categoriaQuieta.trim() !== (filtros.categoria ?? '')) {
      filtrar({ q: textoQuieto, categoria: categoriaQuieta }, true);
    }
    // Solo cuando el texto ya se quedó quieto; los filtros de la URL se leen en ese momento.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [textoQuieto, categoriaQuieta]);

  const alternar = (producto: Producto) => {
    const activo = !producto.activo;
    cambiar.mutate(
      { codigo: producto.codigo, cambio: { activo } },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            title: activo ? 'Producto activado' : 'Producto desactivado',
            message: `${producto.codigo} · ${producto.nombre}`,
          }),
        onError: (error) => notifications.show({ color: 'red', title: 'No se pudo cambiar el producto', message: mensajeDeError(error) }),
      },
    );
  };

  const anuncio = productos.isFetching
    ? 'Buscando productos…'
    : datos
      ? `${formatoEntero(datos.total)} ${datos.total === 1 ? 'producto' : 'productos'}`
      : '';

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <form role="search" aria-label="Buscar productos" onSubmit={(e) => {
          e.preventDefault();
          filtrar({ q: texto, categoria });
        }}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label="Buscar"
              description="Inicio del código o parte del nombre"
              inputWrapperOrder={['label', 'input', 'description']}
              type="search"
              autoComplete="off"
              ref={campoBusqueda}
              value={texto}
              onChange={(e) => setTexto(e.currentTarget.value)}
              w={{ base: '100%', sm: 320 }}
            />
            <TextInput
              label="Categoría"
              inputWrapperOrder={['label', 'input', 'description']}
              description="Exacta, p. ej. Lácteos"
              value={categoria}
              onChange={(e) => setCategoria(e.currentTarget.value)}
              w={{ base: '100%', sm: 200 }}
            />
            <NativeSelect
              label="Estado"
              value={filtros.activo ?? ''}
              data={[
                { value: '', label: 'Todos' },
                { value: 'true', label: 'Activos' },
                { value: 'false', label: 'Inactivos' },
              ]}
              onChange={(e) => filtrar({ q: texto, categoria, activo: e.currentTarget.value })}
              w={{ base: '100%', sm: 140 }}
              mb={{ base: 0, sm: 22 }}
            />
            <Button type="submit" variant="light" mb={{ base: 0, sm: 22 }}>
              Buscar
            </Button>
          </Group>
        </form>
      </Paper>
      <AnuncioVivo mensaje={anuncio} />
      <Group justify="space-between">
        <Group gap="sm">
          <IndicadorCarga cargando={productos.isFetching} />
          {datos ? (
            <ConteoFilas total={datos.total} mostradas={datos.items.length} unidad={['producto', 'productos']} />
          ) : null}
        </Group>
        {puedeEditar ? <Button onClick={() => setEdicion({ modo: 'crear' })}>Nuevo producto</Button> : null}
      </Group>
      {productos.isError ? <AlertaError error={productos.error} titulo="No se pudieron cargar los productos" /> : null}
      {datos && datos.items.length === 0 ? <Text c="dimmed">No hay productos con estos filtros.</Text> : null}
      {datos && datos.items.length > 0 ? (
        <TablaDesplazable etiqueta="Productos (tabla desplazable)" anchoMinimo={1000}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-label="Productos del catálogo" style={{ opacity: productos.isPlaceholderData ? 0.55 : 1 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Código</Table.Th>
                <Table.Th scope="col">Nombre</Table.Th>
                <Table.Th scope="col">Categoría</Table.Th>
                <Table.Th scope="col">Marca</Table.Th>
                <Table.Th scope="col">Presentación</Table.Th>
                <Table.Th scope="col" ta="right">
                  Precio
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  IVA
                </Table.Th>
                <Table.Th scope="col">Estado</Table.Th>
                {puedeEditar ? <Table.Th scope="col">Acciones</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {datos.items.map((producto) => (
                <Table.Tr key={producto.codigo}>
                  <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {producto.codigo}
                  </Table.Td>
                  <Table.Td>{producto.nombre}</Table.Td>
                  <Table.Td>{producto.categoria}</Table.Td>
                  <Table.Td>{producto.marca ?? '—'}</Table.Td>
                  <Table.Td>{producto.presentacion ?? '—'}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatoCop(producto.precio)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {producto.iva} %
                  </Table.Td>
                  <Table.Td>
                    <EstadoActivo activo={producto.activo} />
                  </Table.Td>
                  {puedeEditar ? (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" variant="default" aria-label={`Editar ${producto.codigo}`} onClick={() => setEdicion({ modo: 'editar', producto })}>
                          Editar
                        </Button>
                        <Button
                          size="xs"
                          variant={producto.activo ? 'outline' : 'light'}
                          color={producto.activo ? 'red' : 'rio'}
                          disabled={cambiar.isPending}
                          aria-label={`${producto.activo ? 'Desactivar' : 'Activar'} ${producto.codigo}`}
                          onClick={() => alternar(producto)}
                        >
                          {producto.activo ? 'Desactivar' : 'Activar'}
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
      <Modal
        opened={edicion !== null}
        onClose={() => setEdicion(null)}
        title={edicion?.modo === 'editar' ? `Editar producto ${edicion.producto.codigo}` : 'Nuevo producto'}
        size="lg"
        centered
      >
        {edicion ? (
          <FormularioProducto
            key={edicion.modo === 'editar' ? edicion.producto.codigo : 'nuevo'}
            producto={edicion.modo === 'editar' ? edicion.producto : undefined}
            alCancelar={() => setEdicion(null)}
            alGuardar={(producto) => {
              setEdicion(null);
              notifications.show({
                color: 'teal',
                title: edicion.modo === 'crear' ? 'Producto creado' : 'Producto actualizado',
                message: `${producto.codigo} · ${producto.nombre}`,
              });
            }}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}

