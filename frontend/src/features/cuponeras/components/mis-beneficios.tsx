import { Stack, Table, Text } from '@mantine/core';
import { AlertaError } from '@/components/ui/alerta-error';
import { IndicadorCarga } from '@/components/ui/indicador-carga';
import { TablaDesplazable } from '@/components/ui/tabla-desplazable';
import { ConteoFilas } from '@/components/ui/conteo-filas';
import { formatoCop, formatoDia, formatoFecha } from '@/lib/formato';
import { useMisBeneficios } from '../api/beneficios';
import { nombreRegla } from '../lib/etiquetas';
import { Estado } from './estado';

/** Portal: los beneficios del cliente con su estado y vencimiento. */
export function MisBeneficios() {
  const beneficios = useMisBeneficios();
  if (beneficios.isPending) return <IndicadorCarga cargando texto="Cargando sus beneficios…" retrasoMs={0} />;
  if (beneficios.isError) return <AlertaError error={beneficios.error} titulo="No se pudieron cargar sus beneficios" />;
  if (beneficios.data.length === 0) {
    return (
      <Text c="dimmed">
        Aún no tiene beneficios. Los gana al pagar a tiempo o al ser uno de nuestros mejores clientes.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <ConteoFilas total={beneficios.data.length} unidad={['beneficio', 'beneficios']} />
      <TablaDesplazable etiqueta="Mis beneficios" anchoMinimo={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Beneficio</Table.Th>
              <Table.Th scope="col">Descuento</Table.Th>
              <Table.Th scope="col">Otorgado</Table.Th>
              <Table.Th scope="col">Vence</Table.Th>
              <Table.Th scope="col">Estado</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {beneficios.data.map((b) => (
              <Table.Tr key={b.codigo} data-beneficio={b.codigo}>
                <Table.Td>{nombreRegla(b.regla)}</Table.Td>
                <Table.Td>
                  {b.porcentaje} % (hasta {formatoCop(b.tope)})
                </Table.Td>
                <Table.Td>{formatoFecha(b.otorgado_en)}</Table.Td>
                <Table.Td>{formatoDia(b.vence_en)}</Table.Td>
                <Table.Td>
                  <Estado estado={b.estado} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TablaDesplazable>
    </Stack>
  );
}
