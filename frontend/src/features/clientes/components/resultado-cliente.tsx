import { Paper, Stack } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { useRetraso } from '@/hooks/use-retraso';
import { useRanurasFicha } from '../lib/ranuras-ficha';
import type { Cliente, ConsultaDocumento, ResultadoBusqueda } from '../types';
import { BotonesExportar } from './botones-exportar';
import { FichaCliente } from './ficha-cliente';
import { TablaCompras } from './tabla-compras';
import { TotalesCliente } from './totales-cliente';

interface ResultadoClienteProps {
  resultado: ResultadoBusqueda;
  consulta: ConsultaDocumento;
  desactualizado?: boolean;
  /** Secciones de otros módulos para este cliente (las compone la app, p. ej. sus contratos). */
  extra?: (cliente: Cliente) => ReactNode;
}

/** Atenuar solo si la espera se nota: con respuestas rápidas, atenuar y restaurar sería un parpadeo. */
const RETRASO_ATENUAR_MS = 120;

/**
 * El cliente encontrado: datos, totales del mes (o «el cliente de un vistazo» si la app lo provee),
 * exportación, compras y notas de llamadas.
 */
export function ResultadoCliente({ resultado, consulta, desactualizado = false, extra }: ResultadoClienteProps) {
  const atenuado = useRetraso(desactualizado, RETRASO_ATENUAR_MS);
  const ranuras = useRanurasFicha();
  const { cliente } = resultado;
  return (
    <Paper
      component="article"
      aria-labelledby="titulo-cliente"
      aria-busy={desactualizado}
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      data-testid="resultado-cliente"
      data-documento={`${resultado.cliente.tipo_documento}-${resultado.cliente.numero_documento}`}
      style={{ opacity: atenuado ? 0.5 : 1 }}
    >
      <Stack gap="lg">
        <FichaCliente resultado={resultado} />
        {ranuras.vistazo ? (
          <Fragment key={`vistazo-${cliente.id}`}>{ranuras.vistazo(cliente)}</Fragment>
        ) : (
          <TotalesCliente mesActual={resultado.totales.mes_actual} mesAnterior={resultado.totales.mes_anterior} />
        )}
        <BotonesExportar consulta={consulta} />
        <TablaCompras key={cliente.id} clienteId={cliente.id} recientes={resultado.compras} />
        {ranuras.notas ? <Fragment key={`notas-${cliente.id}`}>{ranuras.notas(cliente)}</Fragment> : null}
        {extra?.(cliente)}
      </Stack>
    </Paper>
  );
}
