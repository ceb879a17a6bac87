import { Paper, Stack, Title } from '@mantine/core';
import { AlertaError } from '@/components/ui/alerta-error';
import { IndicadorCarga } from '@/components/ui/indicador-carga';
import { useResumenCliente } from '../api/resumen';
import { ResumenFidelizacion } from './resumen-fidelizacion';
import { ResumenAdvertencias, ResumenModulos } from './resumen-otros';

/**
 * «El cliente de un vistazo» dentro de su ficha: la fidelización explicada (este mes, el anterior,
 * el umbral y los últimos 6 meses), las advertencias de calidad de datos y lo que tiene en otros módulos.
 */
export function ResumenVistazo({ clienteId }: { clienteId: number }) {
  const resumen = useResumenCliente(clienteId);
  const datos = resumen.data;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="titulo-vistazo" data-testid="vistazo-cliente">
      <Stack gap="md">
        <Title order={3} size="h4" id="titulo-vistazo">
          El cliente de un vistazo
        </Title>
        {resumen.isPending ? <IndicadorCarga cargando texto="Cargando el resumen del cliente…" /> : null}
        {resumen.isError ? <AlertaError error={resumen.error} titulo="No se pudo cargar el resumen del cliente" /> : null}
        {datos ? (
          <>
            <ResumenAdvertencias advertencias={datos.advertencias} clienteId={clienteId} />
            <ResumenFidelizacion fidelizacion={datos.fidelizacion} />
            <ResumenModulos modulos={datos.modulos} />
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
