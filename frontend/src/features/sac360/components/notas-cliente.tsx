import { Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { AlertaError } from '@/components/ui/alerta-error';
import { ConteoFilas } from '@/components/ui/conteo-filas';
import { IndicadorCarga } from '@/components/ui/indicador-carga';
import { Paginacion } from '@/components/ui/paginacion';
import { useNotasCliente } from '../api/notas';
import { NotaItem } from './notas-item';
import { NotasFormulario } from './notas-formulario';

interface NotasClienteProps {
  clienteId: number;
  /** `usuario` de quien está en sesión: solo el autor corrige su nota. */
  usuarioActual: string | null;
}

/** Notas de llamadas del cliente: de la más nueva a la más antigua, con autor y hora; nunca se borran. */
export function NotasCliente({ clienteId, usuarioActual }: NotasClienteProps) {
  const [pagina, setPagina] = useState(1);
  const notas = useNotasCliente(clienteId, pagina);
  const datos = notas.data;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="titulo-notas-cliente" data-testid="notas-cliente">
      <Stack gap="md">
        <div>
          <Title order={3} size="h4" id="titulo-notas-cliente">
            Notas de llamadas
          </Title>
          {datos ? <ConteoFilas total={datos.total} mostradas={datos.items.length} unidad={['nota', 'notas']} /> : null}
        </div>
        <NotasFormulario
          clienteId={clienteId}
          alAgregar={() => setPagina(1)}
        />
        {notas.isPending ? <IndicadorCarga cargando texto="Cargando las notas…" /> : null}
        {notas.isError ? <AlertaError error={notas.error} titulo="No se pudieron cargar las notas" /> : null}
        {datos && datos.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            Este cliente todavía no tiene notas.
          </Text>
        ) : null}
        {datos && datos.items.length > 0 ? (
          <Stack component="ol" gap="xs" m={0} p={0} aria-label="Notas del cliente">
            {datos.items.map((nota) => (
              <NotaItem key={nota.id} clienteId={clienteId} nota={nota} usuarioActual={usuarioActual} />
            ))}
          </Stack>
        ) : null}
        {datos ? <Paginacion pagina={datos.pagina} paginas={datos.paginas} alCambiar={setPagina} /> : null}
      </Stack>
    </Paper>
  );
}
