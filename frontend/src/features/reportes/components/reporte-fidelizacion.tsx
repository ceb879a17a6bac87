import { Alert, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useSearchParams } from 'react-router';
import { AlertaError } from '@/components/ui/alerta-error';
import { AnuncioVivo } from '@/components/ui/anuncio-vivo';
import { IndicadorCarga } from '@/components/ui/indicador-carga';
import { esErrorApi, mensajeDeError } from '@/lib/api-client';
import { formatoCop, formatoEntero, nombreMes } from '@/lib/formato';
import { useDescargarReporte, useResumenFidelizacion } from '../api/fidelizacion';
import { parametrosDeUrl } from '../lib/parametros';
import type { ParametrosReporte } from '../types';
import { FormularioReporte } from './formulario-reporte';
import { TablaFidelizacion } from './tabla-fidelizacion';

function Cifra({ etiqueta, valor }: { etiqueta: string; valor: string }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {etiqueta}
      </Text>
      <Text fz={26} fw={700}>
        {valor}
      </Text>
    </div>
  );
}

export function ReporteFidelizacion() {
  const [parametrosUrl, setParametrosUrl] = useSearchParams();
  const aplicados = parametrosDeUrl(parametrosUrl);
  const resumen = useResumenFidelizacion(aplicados);
  const descarga = useDescargarReporte();

  const aplicar = (parametros: ParametrosReporte) => {
    if (parametros.mes === aplicados.mes && parametros.umbral === aplicados.umbral) void resumen.refetch();
    else setParametrosUrl({ mes: parametros.mes, umbral: String(parametros.umbral) });
  };

  const descargar = () =>
    descarga.mutate(aplicados, {
      onSuccess: ({ nombre, filas }) =>
        notifications.show({
          color: 'teal',
          title: 'Reporte descargado',
          message: filas === undefined ? nombre : `${nombre}: ${formatoEntero(filas)} ${filas === 1 ? 'cliente' : 'clientes'}`,
        }),
      onError: (error) => notifications.show({ color: 'red', title: 'No se pudo descargar el reporte', message: mensajeDeError(error) }),
    });

  const datos = resumen.data;
  const error = esErrorApi(resumen.error) ? resumen.error : null;
  const anuncio = resumen.isFetching
    ? 'Cargando la vista previa…'
    : datos
      ? `${formatoEntero(datos.cantidad_clientes)} ${datos.cantidad_clientes === 1 ? 'cliente califica' : 'clientes califican'} en ${nombreMes(datos.mes)}`
      : '';

  return (
    <Stack gap="lg">
      <FormularioReporte
        key={`${aplicados.mes}|${aplicados.umbral}`}
        inicial={aplicados}
        erroresServidor={{ mes: error?.motivoDe('mes'), umbral: error?.motivoDe('umbral') }}
        descargando={descarga.isPending}
        alAplicar={aplicar}
        alDescargar={descargar}
      />
      <AnuncioVivo mensaje={anuncio} />
      <IndicadorCarga cargando={resumen.isFetching} texto="Cargando la vista previa…" />
      {resumen.isError && !datos ? <AlertaError error={resumen.error} titulo="No se pudo generar la vista previa" /> : null}
      {datos ? (
        <Stack gap="md" style={{ opacity: resumen.isPlaceholderData ? 0.5 : 1 }} aria-busy={resumen.isPlaceholderData}>
          <Group gap="xl" data-testid="resumen-reporte">
            <Cifra etiqueta={`Clientes que califican · ${nombreMes(datos.mes)}`} valor={formatoEntero(datos.cantidad_clientes)} />
            <Cifra etiqueta="Suma de sus compras pagadas" valor={formatoCop(datos.monto_total)} />
            <Cifra etiqueta="Umbral" valor={formatoCop(datos.umbral)} />
          </Group>
          {datos.clientes.length === 0 ? (
            <Alert color="rio" variant="light" title="Sin clientes para este periodo" role="note">
              Ningún cliente superó {formatoCop(datos.umbral)} en compras pagadas en {nombreMes(datos.mes)}. El Excel se
              puede descargar igual y lo indica.
            </Alert>
          ) : (
            <TablaFidelizacion filas={datos.clientes} titulo={`Clientes fidelizados de ${nombreMes(datos.mes)}`} />
          )}
        </Stack>
      ) : null}
    </Stack>
  );
}
