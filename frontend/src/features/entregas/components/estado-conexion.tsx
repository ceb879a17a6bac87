import { Badge, Group, Paper, Text } from '@mantine/core';
import { formatoHora } from '@/lib/formato';
import type { EstadoEnVivo } from '../api/eventos';

const ASPECTO = {
  conectando: { color: '#495057', etiqueta: 'Conectando' },
  'en-vivo': { color: '#1b5e20', etiqueta: 'En vivo' },
  caida: { color: '#b71c1c', etiqueta: 'Sin conexión' },
} as const;

function mensaje({ estado, caidaDesde, restablecidaEn }: EstadoEnVivo): string {
  if (estado === 'caida') {
    return `Se perdió la conexión en vivo (desde las ${formatoHora(caidaDesde?.toISOString())}): reintentando automáticamente; las cifras pueden estar desactualizadas.`;
  }
  if (estado === 'en-vivo' && restablecidaEn) {
    return `Conexión en vivo restablecida (a las ${formatoHora(restablecidaEn.toISOString())}): métricas y pedidos actualizados.`;
  }
  if (estado === 'en-vivo') return 'Conexión en vivo: cada pedido registrado aparece sin recargar.';
  return 'Conectando con los pedidos en vivo…';
}

/**
 * Marca visible y anunciada (role="status", aria-live) del estado de la conexión en vivo: cuando se
 * cae y cuando vuelve. La región existe siempre, para que los lectores de pantalla lean los cambios.
 */
export function EstadoConexionEnVivo({ enVivo }: { enVivo: EstadoEnVivo }) {
  const aspecto = ASPECTO[enVivo.estado];
  const caida = enVivo.estado === 'caida';
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="estado-conexion"
      data-estado={enVivo.estado}
      bg={caida ? 'red.0' : undefined}
      style={caida ? { borderColor: '#b71c1c', borderWidth: 2 } : undefined}
    >
      <Group gap="sm" wrap="nowrap" align="center">
        <Badge color={aspecto.color} variant="filled" tt="none" style={{ minWidth: 'max-content' }}>
          {aspecto.etiqueta}
        </Badge>
        <Text size="sm" fw={caida ? 700 : 400}>
          {mensaje(enVivo)}
        </Text>
      </Group>
    </Paper>
  );
}
