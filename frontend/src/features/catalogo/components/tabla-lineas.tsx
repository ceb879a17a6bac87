import { Badge, Stack, Table, Text } from '@mantine/core';
import { ConteoFilas } from '@/components/ui/conteo-filas';
import { TablaDesplazable } from '@/components/ui/tabla-desplazable';
import { formatoCop, formatoEntero } from '@/lib/formato';
import { ordenarLineas } from '../lib/lineas';
import type { LineaPortafolio } from '../types';

export function MarcaObligatorio() {
  return (
    <Badge color="#8a1c1c" variant="filled" tt="none" size="sm">
      Obligatorio
    </Badge>
  );
}

/** Tabla de solo lectura de las líneas de un portafolio. */
export function TablaLineas({ lineas, etiqueta }: { lineas: LineaPortafolio[]; etiqueta: string }) {
  if (lineas.length === 0) return <Text c="dimmed">El portafolio no tiene líneas.</Text>;
  return (
    <Stack gap="xs">
      <ConteoFilas total={lineas.length} unidad={['línea', 'líneas']} />
      <TablaDesplazable etiqueta={`${etiqueta} (tabla desplazable)`} anchoMinimo={720}>
        <Table striped verticalSpacing="xs" aria-label={etiqueta}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Código</Table.Th>
              <Table.Th scope="col">Producto</Table.Th>
              <Table.Th scope="col" ta="right">
                Cant. mínima
              </Table.Th>
              <Table.Th scope="col">Obligatorio</Table.Th>
              <Table.Th scope="col" ta="right">
                Precio sugerido
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Precio de lista
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ordenarLineas(lineas).map((linea) => (
              <Table.Tr key={linea.producto.codigo}>
                <Table.Td ff="monospace">{linea.producto.codigo}</Table.Td>
                <Table.Td>
                  {linea.producto.nombre}
                  {linea.producto.presentacion ? (
                    <Text size="xs" c="dimmed">
                      {linea.producto.presentacion}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td ta="right">{formatoEntero(linea.cantidad_minima)}</Table.Td>
                <Table.Td>{linea.obligatorio ? <MarcaObligatorio /> : 'No'}</Table.Td>
                <Table.Td ta="right">{linea.precio_sugerido === null ? '—' : formatoCop(linea.precio_sugerido)}</Table.Td>
                <Table.Td ta="right">{formatoCop(linea.producto.precio)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TablaDesplazable>
    </Stack>
  );
}
