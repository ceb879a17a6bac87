import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { AlertaError } from '@/components/ui/alerta-error';
import { IndicadorCarga } from '@/components/ui/indicador-carga';
import { TablaDesplazable } from '@/components/ui/tabla-desplazable';
import { ConteoFilas } from '@/components/ui/conteo-filas';
import { formatoCop, formatoFechaHora } from '@/lib/formato';
import { useHistorial } from '../api/contratos';
import { enlaceDeReferencia, nombreEvento } from '../lib/etiquetas';
import type { Modo } from '../types';

/** Todo lo que le pasó al contrato, lo más reciente primero. */
function Referencia({ referencia, modo }: { referencia: string | null; modo: Modo }) {
  const enlace = enlaceDeReferencia(referencia, modo);
  if (enlace) {
    return (
      <Anchor component={Link} to={enlace.ruta} size="xs" ml={6}>
        {enlace.texto}
      </Anchor>
    );
  }
  if (!referencia) return null;
  return (
    <Text component="span" size="xs" c="dimmed" ml={6}>
      ({referencia})
    </Text>
  );
}

export function HistorialContrato({ contrato, modo }: { contrato: string; modo: Modo }) {
  const historial = useHistorial(contrato);
  if (historial.isPending) return <IndicadorCarga cargando texto="Cargando el historial…" />;
  if (historial.isError) return <AlertaError error={historial.error} titulo="No se pudo cargar el historial" />;
  if (historial.data.length === 0) return <Text c="dimmed">El contrato aún no tiene movimientos.</Text>;
  return (
    <Stack gap="xs">
      <ConteoFilas total={historial.data.length} unidad={['movimiento', 'movimientos']} />
      <TablaDesplazable etiqueta={`Historial del contrato ${contrato}`} anchoMinimo={640}>
        <Table striped>
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>Historial del contrato {contrato}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Fecha</Table.Th>
              <Table.Th scope="col">Evento</Table.Th>
              <Table.Th scope="col">Detalle</Table.Th>
              <Table.Th scope="col" ta="right">
                Valor
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {historial.data.map((evento, indice) => (
              <Table.Tr key={`${evento.tipo}-${evento.fecha}-${evento.referencia ?? ''}-${indice}`} data-evento={evento.tipo}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatoFechaHora(evento.fecha)}</Table.Td>
                <Table.Td>{nombreEvento(evento.tipo)}</Table.Td>
                <Table.Td>
                  {evento.descripcion}
                  <Referencia referencia={evento.referencia} modo={modo} />
                </Table.Td>
                <Table.Td ta="right">{evento.valor === null || evento.valor === undefined ? '—' : formatoCop(evento.valor)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TablaDesplazable>
    </Stack>
  );
}
