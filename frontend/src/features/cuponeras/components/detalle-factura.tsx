import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { AlertaError } from '@/components/ui/alerta-error';
import { AnuncioVivo } from '@/components/ui/anuncio-vivo';
import { IndicadorCarga } from '@/components/ui/indicador-carga';
import { mensajeDeError } from '@/lib/api-client';
import { formatoCop, formatoDia, nombreMes } from '@/lib/formato';
import { useDescargarFacturaPdf, useFactura } from '../api/facturas';
import { rutas } from '../lib/etiquetas';
import type { Modo } from '../types';
import { BotonEnviarFactura } from './enviar-factura';
import { Estado } from './estado';
import { Dato } from '@/components/ui/dato';

/** Una factura con su estado y saldo; PDF y envío por correo (la página la titula: h1 «Factura …»). */
export function DetalleFactura({ numero, modo }: { numero: string; modo: Modo }) {
  const factura = useFactura(numero);
  const pdf = useDescargarFacturaPdf();
  const [aviso, setAviso] = useState('');

  if (factura.isPending) return <IndicadorCarga cargando texto="Cargando la factura…" retrasoMs={0} />;
  if (factura.isError) return <AlertaError error={factura.error} titulo="No se pudo cargar la factura" />;
  const datos = factura.data;
  const contrato = datos.numero_contrato ?? datos.contrato;

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="article" aria-label={`Factura ${datos.numero_factura}`}>
        <Stack gap="md">
          <Group gap="sm">
            <Text size="sm" fw={600}>
              Estado de la factura:
            </Text>
            <Estado estado={datos.estado} />
          </Group>
          <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" verticalSpacing="xs" m={0}>
            <Dato etiqueta="Periodo">{nombreMes(datos.periodo)}</Dato>
            <Dato etiqueta="Emitida">{formatoDia(datos.fecha_emision)}</Dato>
            <Dato etiqueta="Vence">{formatoDia(datos.fecha_vencimiento)}</Dato>
            <Dato etiqueta="Valor">{formatoCop(datos.valor)}</Dato>
            <Dato etiqueta="Saldo">{formatoCop(datos.saldo)}</Dato>
            {contrato ? <Dato etiqueta="Contrato">{contrato}</Dato> : null}
          </SimpleGrid>
        </Stack>
      </Paper>
      <AnuncioVivo mensaje={aviso} />
      <Group gap="sm" className="no-imprimir">
        <Button
          variant="default"
          loading={pdf.isPending}
          onClick={() =>
            pdf.mutate(datos.numero_factura, {
              onSuccess: (nombre) => notifications.show({ color: 'teal', title: 'Factura descargada', message: nombre }),
              onError: (error) => notifications.show({ color: 'red', title: 'No se pudo descargar la factura', message: mensajeDeError(error) }),
            })
          }
        >
          Descargar PDF
        </Button>
        <BotonEnviarFactura numero={datos.numero_factura} alEnviar={setAviso} />
        {contrato ? (
          <Anchor component={Link} to={rutas(modo).contrato(contrato)}>
            Volver al contrato
          </Anchor>
        ) : null}
      </Group>
    </Stack>
  );
}
