import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { Link } from 'react-router';
import { AlertaError } from '@/components/ui/alerta-error';
import { ConteoFilas } from '@/components/ui/conteo-filas';
import { IndicadorCarga } from '@/components/ui/indicador-carga';
import { formatoFechaHora } from '@/lib/formato';
import { nombreCompleto } from '@/lib/nombre';
import { useClientesRecientes, useRefrescarRecientesAlAbrir } from '../api/recientes';
import type { DocumentoCliente } from '../types';

const ESTILO_ITEM = {
  padding: '4px 10px',
  border: '1px solid var(--mantine-color-gray-3)',
  borderRadius: 'var(--mantine-radius-sm)',
  maxWidth: 320,
} as const;

interface ClientesRecientesProps {
  /** La dirección que abre al cliente (la de la consulta por documento). */
  enlaceDe: (documento: DocumentoCliente) => string;
}

/** «Mis clientes recientes»: los últimos 10 que abrió el usuario; se refresca al abrir uno. */
export function ClientesRecientes({ enlaceDe }: ClientesRecientesProps) {
  const idTitulo = useId();
  useRefrescarRecientesAlAbrir();
  const recientes = useClientesRecientes();
  const items = recientes.data?.items ?? [];

  return (
    <Paper component="section" withBorder p="sm" aria-labelledby={idTitulo} data-testid="clientes-recientes">
      <Stack gap="xs">
        <Group gap="sm" align="baseline">
          <Title order={2} size="h5" id={idTitulo}>
            Mis clientes recientes
          </Title>
          {recientes.isSuccess ? <ConteoFilas total={items.length} unidad={['cliente', 'clientes']} /> : null}
        </Group>
        {recientes.isPending ? <IndicadorCarga cargando texto="Cargando sus clientes recientes…" /> : null}
        {recientes.isError ? <AlertaError error={recientes.error} titulo="No se pudieron cargar sus clientes recientes" /> : null}
        {recientes.isSuccess && items.length === 0 ? (
          <Text size="sm" c="dimmed">
            Aún no ha abierto clientes. Los que abra aparecerán aquí.
          </Text>
        ) : null}
        {items.length > 0 ? (
          // Compacta y a lo ancho: no le quita espacio a la ficha del cliente.
          <Group component="ol" gap="xs" align="stretch" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((cliente) => (
              <li key={cliente.id} data-testid="cliente-reciente" style={ESTILO_ITEM}>
                <Anchor component={Link} to={enlaceDe({ tipo: cliente.tipo_documento, numero: cliente.numero_documento })} fw={600} size="sm">
                  {nombreCompleto(cliente)}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {cliente.tipo_documento} {cliente.numero_documento} · {formatoFechaHora(cliente.abierto_en)}
                </Text>
              </li>
            ))}
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
