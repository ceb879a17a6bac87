import { Anchor, Group, NativeSelect, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AlertaError } from '@/components/ui/alerta-error';
import { AnuncioVivo } from '@/components/ui/anuncio-vivo';
import { IndicadorCarga } from '@/components/ui/indicador-carga';
import { TablaDesplazable } from '@/components/ui/tabla-desplazable';
import { ConteoFilas } from '@/components/ui/conteo-filas';
import { formatoCop, formatoDia, nombreMes } from '@/lib/formato';
import { useFacturas } from '../api/facturas';
import { nombreEstado, rutas } from '../lib/etiquetas';
import { ESTADOS_FACTURA, type Modo } from '../types';
import { BotonEnviarFactura } from './enviar-factura';
import { Estado } from './estado';

const OPCIONES_ESTADO = [{ value: '', label: 'Todas' }, ...ESTADOS_FACTURA.map((e) => ({ value: e, label: nombreEstado(e) }))];

/** Facturas del contrato, la más reciente primero, con filtro por estado (queda en la URL). */
export function TablaFacturas({ contrato, modo }: { contrato: string; modo: Modo }) {
  const [parametros, setParametros] = useSearchParams();
  const estado = parametros.get('estado') || null;
  const facturas = useFacturas(contrato, estado);
  const [aviso, setAviso] = useState('');

  const filtrar = (valor: string) => {
    setParametros(
      (actual) => {
        const nuevos = new URLSearchParams(actual);
        if (valor) nuevos.set('estado', valor);
        else nuevos.delete('estado');
        return nuevos;
      },
      { replace: true },
    );
  };

  const cantidad = facturas.data?.length;
  const anuncio = facturas.isFetching
    ? 'Cargando facturas…'
    : cantidad === undefined
      ? ''
      : `${cantidad} ${cantidad === 1 ? 'factura' : 'facturas'}${estado ? ` en estado ${nombreEstado(estado).toLowerCase()}` : ''}`;

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm">
        <NativeSelect label="Estado" name="estado" data={OPCIONES_ESTADO} value={estado ?? ''} w={200} onChange={(e) => filtrar(e.currentTarget.value)} />
        <IndicadorCarga cargando={facturas.isFetching} texto="Cargando facturas…" />
      </Group>
      <AnuncioVivo mensaje={aviso || anuncio} />
      {facturas.isError ? <AlertaError error={facturas.error} titulo="No se pudieron cargar las facturas" /> : null}
      {facturas.data && facturas.data.length === 0 ? (
        <Text c="dimmed" size="sm">
          {estado ? `No hay facturas en estado ${nombreEstado(estado).toLowerCase()}.` : 'Este contrato no tiene facturas.'}
        </Text>
      ) : null}
      {facturas.data && facturas.data.length > 0 ? (
        <ConteoFilas total={facturas.data.length} unidad={['factura', 'facturas']} />
      ) : null}
      {facturas.data && facturas.data.length > 0 ? (
        <TablaDesplazable etiqueta={`Facturas del contrato ${contrato}`} anchoMinimo={760}>
          <Table striped highlightOnHover>
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>Facturas del contrato {contrato}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Factura</Table.Th>
                <Table.Th scope="col">Periodo</Table.Th>
                <Table.Th scope="col">Vence</Table.Th>
                <Table.Th scope="col" ta="right">
                  Valor
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Saldo
                </Table.Th>
                <Table.Th scope="col">Estado</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Acciones</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {facturas.data.map((factura) => (
                <Table.Tr key={factura.numero_factura} data-factura={factura.numero_factura}>
                  <Table.Td>
                    <Anchor component={Link} to={rutas(modo).factura(factura.numero_factura)}>
                      {factura.numero_factura}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{nombreMes(factura.periodo)}</Table.Td>
                  <Table.Td>{formatoDia(factura.fecha_vencimiento)}</Table.Td>
                  <Table.Td ta="right">{formatoCop(factura.valor)}</Table.Td>
                  <Table.Td ta="right">{formatoCop(factura.saldo)}</Table.Td>
                  <Table.Td>
                    <Estado estado={factura.estado} />
                  </Table.Td>
                  <Table.Td>
                    <BotonEnviarFactura numero={factura.numero_factura} alEnviar={setAviso} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TablaDesplazable>
      ) : null}
    </Stack>
  );
}
