import { Anchor, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { AlertaError } from '@/components/ui/alerta-error';
import { IndicadorCarga } from '@/components/ui/indicador-carga';
import { ConteoFilas } from '@/components/ui/conteo-filas';
import { formatoCop } from '@/lib/formato';
import { useMisContratos } from '../api/contratos';
import { nombreServicio, rutas } from '../lib/etiquetas';
import { Estado } from './estado';

/** Portal: los contratos del cliente, cada uno con el enlace a sus facturas. */
export function MisContratos() {
  const contratos = useMisContratos();
  if (contratos.isPending) return <IndicadorCarga cargando texto="Cargando sus contratos…" retrasoMs={0} />;
  if (contratos.isError) return <AlertaError error={contratos.error} titulo="No se pudieron cargar sus contratos" />;
  if (contratos.data.length === 0) {
    return (
      <Text c="dimmed" role="status">
        No tiene contratos asociados a su cuenta.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <ConteoFilas total={contratos.data.length} unidad={['contrato', 'contratos']} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {contratos.data.map((contrato) => (
          <Card component="li" key={contrato.numero_contrato} withBorder radius="md" padding="md">
            <Stack gap={6}>
              <Group justify="space-between" gap="xs">
                <Anchor component={Link} to={rutas('portal').contrato(contrato.numero_contrato)} fw={700}>
                  Contrato {contrato.numero_contrato}
                </Anchor>
                <Estado estado={contrato.estado} />
              </Group>
              <Text size="sm">{nombreServicio(contrato.servicio)}</Text>
              <Text size="sm" c="dimmed">
                {[contrato.direccion, contrato.ciudad].filter(Boolean).join(', ') || '—'}
              </Text>
              {contrato.saldo_por_pagar !== undefined ? (
                <Text size="sm" fw={600}>
                  {contrato.saldo_por_pagar > 0
                    ? `Por pagar: ${formatoCop(contrato.saldo_por_pagar)} (${contrato.facturas_por_pagar ?? 0} ${contrato.facturas_por_pagar === 1 ? 'factura' : 'facturas'})`
                    : 'Al día'}
                </Text>
              ) : null}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
