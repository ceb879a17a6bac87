import { Group, Pagination, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useMemo, useState } from 'react';
import { ConteoFilas } from '@/components/ui/conteo-filas';
import { IndicadorCarga } from '@/components/ui/indicador-carga';
import { AlertaError } from '@/components/ui/alerta-error';
import { TablaDesplazable } from '@/components/ui/tabla-desplazable';
import { formatoCop, formatoFechaHora } from '@/lib/formato';
import { useComprasCliente } from '../api/compras-cliente';
import type { Compra } from '../types';
import { EstadoCompra } from './estado-compra';

type Columna = 'fecha' | 'total' | 'estado';
type Orden = { columna: Columna; direccion: 'asc' | 'desc' };

const ETIQUETAS: Record<Columna, string> = { fecha: 'Fecha', total: 'Total', estado: 'Estado' };

function comparar(a: Compra, b: Compra, columna: Columna): number {
  if (columna === 'total') return a.total - b.total;
  if (columna === 'estado') return a.estado.localeCompare(b.estado, 'es');
  return new Date(a.fecha).getTime() - new Date(b.fecha).getTime();
}

function Encabezado({ columna, orden, alOrdenar }: { columna: Columna; orden: Orden; alOrdenar: (c: Columna) => void }) {
  const activa = orden.columna === columna;
  const flecha = activa ? (orden.direccion === 'asc' ? '▲' : '▼') : '↕';
  return (
    <Table.Th aria-sort={activa ? (orden.direccion === 'asc' ? 'ascending' : 'descending') : 'none'} ta={columna === 'total' ? 'right' : undefined}>
      <UnstyledButton onClick={() => alOrdenar(columna)} fw={700} fz="sm">
        {ETIQUETAS[columna]} <span aria-hidden="true">{flecha}</span>
        {activa ? null : <VisuallyHidden component="span"> (ordenar)</VisuallyHidden>}
      </UnstyledButton>
    </Table.Th>
  );
}

interface TablaComprasProps {
  clienteId: number;
  recientes: Compra[];
}

/** Compras del cliente por páginas; se ordenan dentro de la página por fecha, total o estado. */
export function TablaCompras({ clienteId, recientes }: TablaComprasProps) {
  const [pagina, setPagina] = useState(1);
  const [orden, setOrden] = useState<Orden>({ columna: 'fecha', direccion: 'desc' });
  const consulta = useComprasCliente(clienteId, pagina, recientes);
  const datos = consulta.data;

  const filas = useMemo(() => {
    const items = [...(datos?.items ?? [])];
    items.sort((a, b) => comparar(a, b, orden.columna) * (orden.direccion === 'asc' ? 1 : -1));
    return items;
  }, [datos, orden]);

  const alOrdenar = (columna: Columna) =>
    setOrden((actual) =>
      actual.columna === columna
        ? { columna, direccion: actual.direccion === 'asc' ? 'desc' : 'asc' }
        : { columna, direccion: columna === 'estado' ? 'asc' : 'desc' },
    );

  if (consulta.isError && !datos) return <AlertaError error={consulta.error} titulo="No se pudieron cargar las compras" />;

  return (
    <section aria-labelledby="titulo-compras">
      <Group justify="space-between" mb="xs">
        <Text component="h2" id="titulo-compras" fw={700} fz="lg">
          Compras
        </Text>
        <Group gap="sm">
          <IndicadorCarga cargando={consulta.isFetching && consulta.isPlaceholderData && pagina > 1} />
          {datos && !consulta.isPlaceholderData ? (
            <ConteoFilas total={datos.total} mostradas={datos.items.length} unidad={['compra', 'compras']} />
          ) : null}
        </Group>
      </Group>
      {filas.length === 0 ? (
        <Text c="dimmed">El cliente no tiene compras registradas.</Text>
      ) : (
        <TablaDesplazable etiqueta="Compras (tabla desplazable)" anchoMinimo={640}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-labelledby="titulo-compras">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Factura</Table.Th>
                <Encabezado columna="fecha" orden={orden} alOrdenar={alOrdenar} />
                <Encabezado columna="total" orden={orden} alOrdenar={alOrdenar} />
                <Encabezado columna="estado" orden={orden} alOrdenar={alOrdenar} />
                <Table.Th scope="col">Canal</Table.Th>
                <Table.Th scope="col">Tienda</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody style={{ opacity: consulta.isPlaceholderData && pagina > 1 ? 0.55 : 1 }}>
              {filas.map((compra) => (
                <Table.Tr key={compra.id}>
                  <Table.Td ff="monospace">{compra.numero_factura}</Table.Td>
                  <Table.Td>{formatoFechaHora(compra.fecha)}</Table.Td>
                  <Table.Td ta="right">{formatoCop(compra.total)}</Table.Td>
                  <Table.Td>
                    <EstadoCompra estado={compra.estado} />
                  </Table.Td>
                  <Table.Td>{compra.canal ?? '—'}</Table.Td>
                  <Table.Td>{compra.tienda ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TablaDesplazable>
      )}
      {datos && datos.paginas > 1 ? (
        <Group justify="center" mt="sm">
          <Pagination
            total={datos.paginas}
            value={pagina}
            onChange={setPagina}
            getControlProps={(control) => ({ 'aria-label': control === 'next' ? 'Página siguiente' : 'Página anterior' })}
            getItemProps={(p) => ({ 'aria-label': `Página ${p}` })}
          />
        </Group>
      ) : null}
    </section>
  );
}
