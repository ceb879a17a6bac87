import { Alert, Anchor, Button, Code, Group, Image, Paper, SimpleGrid, Skeleton, Stack, Table, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import { AlertaError } from '@/components/ui/alerta-error';
import { IndicadorCarga } from '@/components/ui/indicador-carga';
import { mensajeDeError } from '@/lib/api-client';
import { formatoCop, formatoDia, nombreMes } from '@/lib/formato';
import { useCodigoBarras, useCupon, useDescargarCuponPdf } from '../api/cupones';
import { rutas } from '../lib/etiquetas';
import type { Cupon, Modo } from '../types';
import { Estado } from './estado';
import { PagarCupon } from './pagar-cupon';
import { Dato } from '@/components/ui/dato';
import { ConteoFilas } from '@/components/ui/conteo-filas';

/** La imagen Code 128 del servidor, con la cadena legible como texto alternativo. */
function CodigoBarras({ cupon }: { cupon: Cupon }) {
  const imagen = useCodigoBarras(cupon.numero);
  return (
    <Stack gap={4} align="center">
      {imagen.isPending ? <Skeleton h={90} w="100%" maw={520} aria-label="Cargando el código de barras" /> : null}
      {imagen.isError ? (
        <Alert color="red" variant="light" role="alert" title="No se pudo cargar el código de barras">
          {mensajeDeError(imagen.error)} Puede pagar con el número del cupón o descargar el PDF.
        </Alert>
      ) : null}
      {imagen.data ? (
        <Image src={imagen.data} alt={`Código de barras del cupón ${cupon.numero}`} maw={520} w="100%" fit="contain" data-testid="codigo-barras" />
      ) : null}
      <Code fz="sm" data-testid="cadena-codigo-barras" style={{ wordBreak: 'break-all' }}>
        {cupon.codigo_barras}
      </Code>
    </Stack>
  );
}

/** El cupón: número, valor, descuento, fecha límite, facturas que cubre, código de barras; imprimir, PDF y (portal) pagar. */
export function DetalleCupon({ numero, modo }: { numero: string; modo: Modo }) {
  const cupon = useCupon(numero);
  const pdf = useDescargarCuponPdf();

  if (cupon.isPending) return <IndicadorCarga cargando texto="Cargando el cupón…" retrasoMs={0} />;
  if (cupon.isError) return <AlertaError error={cupon.error} titulo="No se pudo cargar el cupón" />;
  const datos = cupon.data;
  const contrato = datos.numero_contrato ?? datos.contrato;

  const descargar = () =>
    pdf.mutate(datos.numero, {
      onSuccess: (nombre) => notifications.show({ color: 'teal', title: 'Cupón descargado', message: nombre }),
      onError: (error) => notifications.show({ color: 'red', title: 'No se pudo descargar el cupón', message: mensajeDeError(error) }),
    });

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="article" aria-labelledby="titulo-cupon" className="cupon-imprimible">
        <Stack gap="md">
          <Group gap="sm">
            <Title order={2} size="h3" id="titulo-cupon">
              Cupón {datos.numero}
            </Title>
            <Estado estado={datos.estado} />
          </Group>
          <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 5 }} spacing="sm" verticalSpacing="xs" m={0}>
            <Dato etiqueta="Valor a pagar">{formatoCop(datos.valor)}</Dato>
            {datos.subtotal !== undefined && datos.descuento > 0 ? <Dato etiqueta="Subtotal">{formatoCop(datos.subtotal)}</Dato> : null}
            <Dato etiqueta="Descuento">{datos.descuento > 0 ? formatoCop(datos.descuento) : 'Sin descuento'}</Dato>
            <Dato etiqueta="Pague hasta">{formatoDia(datos.fecha_limite)}</Dato>
            {contrato ? <Dato etiqueta="Contrato">{contrato}</Dato> : null}
          </SimpleGrid>
          <CodigoBarras cupon={datos} />
          <ConteoFilas total={datos.facturas.length} unidad={['factura que cubre', 'facturas que cubre']} />
          <Table>
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>Facturas que cubre</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Factura</Table.Th>
                <Table.Th scope="col">Periodo</Table.Th>
                <Table.Th scope="col" ta="right">
                  Saldo
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {datos.facturas.map((f) => (
                <Table.Tr key={f.numero_factura}>
                  <Table.Td>
                    <Anchor component={Link} to={rutas(modo).factura(f.numero_factura)}>
                      {f.numero_factura}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{nombreMes(f.periodo)}</Table.Td>
                  <Table.Td ta="right">{formatoCop(f.saldo)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Paper>
      <Group gap="sm" className="no-imprimir">
        <Button variant="default" onClick={() => window.print()}>
          Imprimir
        </Button>
        <Button variant="default" loading={pdf.isPending} onClick={descargar}>
          Descargar PDF
        </Button>
        {contrato ? (
          <Anchor component={Link} to={rutas(modo).contrato(contrato)}>
            Volver al contrato
          </Anchor>
        ) : null}
      </Group>
      {modo === 'portal' ? (
        <div className="no-imprimir">
          <PagarCupon cupon={datos} />
        </div>
      ) : null}
    </Stack>
  );
}
