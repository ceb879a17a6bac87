import { Alert, Paper, Stack, Tabs, Title } from '@mantine/core';
import { AlertaError } from '@/components/ui/alerta-error';
import { IndicadorCarga } from '@/components/ui/indicador-carga';
import { esErrorApi } from '@/lib/api-client';
import { useBuscarContrato, useMisContratos } from '../api/contratos';
import type { Contrato, Modo } from '../types';
import { FichaContrato, type NivelTitulo } from './ficha-contrato';
import { GenerarCupon } from './generar-cupon';
import { HistorialContrato } from './historial-contrato';
import { TablaFacturas } from './tabla-facturas';

/** Facturas, cupón y el historial de un contrato (lo mismo en el portal y en el SAC). */
interface PropsDetalle {
  numero: string;
  modo: Modo;
  contrato?: Contrato;
  /** El nivel del título «Contrato …»; `null` si la página ya lo lleva en su h1. */
  nivelTitulo?: NivelTitulo;
}

export function DetalleContrato({ numero, modo, contrato, nivelTitulo = null }: PropsDetalle) {
  const nivelSeccion = ((nivelTitulo ?? 1) + 1) as 2 | 3 | 4;
  return (
    <Stack gap="lg">
      {contrato ? <FichaContrato contrato={contrato} conTitular={modo === 'sac'} nivelTitulo={nivelTitulo} /> : null}
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="titulo-generar-cupon">
        <Title order={nivelSeccion} size="h4" id="titulo-generar-cupon" mb="xs">
          Cupón de pago
        </Title>
        <GenerarCupon contrato={numero} modo={modo} />
      </Paper>
      <Tabs defaultValue="facturas" keepMounted={false}>
        <Tabs.List aria-label="Información del contrato">
          <Tabs.Tab value="facturas">Facturas</Tabs.Tab>
          <Tabs.Tab value="historial">Historial</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="facturas" pt="md">
          <TablaFacturas contrato={numero} modo={modo} />
        </Tabs.Panel>
        <Tabs.Panel value="historial" pt="md">
          <HistorialContrato contrato={numero} modo={modo} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** Portal: el encabezado sale de "mis contratos"; uno ajeno no aparece y el servidor responde 404. */
export function ContratoPortal({ numero, nivelTitulo = null }: { numero: string; nivelTitulo?: NivelTitulo }) {
  const contratos = useMisContratos();
  if (contratos.isPending) return <IndicadorCarga cargando texto="Cargando el contrato…" />;
  if (contratos.isError) return <AlertaError error={contratos.error} titulo="No se pudo cargar el contrato" />;
  const contrato = contratos.data.find((c) => c.numero_contrato === numero);
  if (!contrato) {
    return (
      <Alert color="red" variant="light" role="alert" title="No se encontró el contrato">
        El contrato {numero} no está entre los suyos.
      </Alert>
    );
  }
  return <DetalleContrato numero={numero} modo="portal" contrato={contrato} nivelTitulo={nivelTitulo} />;
}

/** SAC: el contrato con su titular (`GET /api/contratos?numero=`). */
export function ContratoSac({ numero, nivelTitulo = null }: { numero: string; nivelTitulo?: NivelTitulo }) {
  const contrato = useBuscarContrato(numero);
  if (contrato.isPending) return <IndicadorCarga cargando texto="Buscando el contrato…" />;
  if (contrato.isError) {
    const titulo = esErrorApi(contrato.error) && contrato.error.estado === 404 ? 'No se encontró el contrato' : 'No se pudo consultar el contrato';
    return <AlertaError error={contrato.error} titulo={titulo} />;
  }
  return <DetalleContrato numero={numero} modo="sac" contrato={contrato.data} nivelTitulo={nivelTitulo} />;
}
