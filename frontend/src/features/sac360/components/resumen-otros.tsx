import { Alert, Anchor, Group, List, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ConteoFilas } from '@/components/ui/conteo-filas';
import { formatoCop, formatoEntero } from '@/lib/formato';
import type { AdvertenciaCalidad, ClienteInvolucrado, ModuloCuponeras, ResumenCliente } from '../resumen-types';

function persona(c: ClienteInvolucrado): string {
  return `${c.tipo_documento} ${c.numero_documento} (${c.nombre} ${c.apellido})`;
}

function textoAdvertencia(advertencia: AdvertenciaCalidad, clienteId: number): string {
  const otros = advertencia.clientes.filter((c) => c.id !== clienteId).map(persona);
  switch (advertencia.tipo) {
    case 'duplicado':
      return `Puede ser la misma persona registrada con otro documento: ${otros.join(', ')}.`;
    case 'telefono_invalido':
      return 'El teléfono no parece un número colombiano (celular 3xx o fijo 60x con 7 dígitos).';
    case 'correo_invalido':
      return 'El correo está mal formado.';
    case 'correo_compartido':
      return `El mismo correo lo tienen ${formatoEntero(advertencia.clientes.length)} clientes: ${otros.join(', ')} y este.`;
    default:
      return `Advertencia de calidad de datos (${advertencia.tipo}).`;
  }
}

/** Advertencias de calidad de datos de este cliente (las mismas reglas de la página de Calidad). */
export function ResumenAdvertencias({ advertencias, clienteId }: { advertencias: AdvertenciaCalidad[]; clienteId: number }) {
  if (advertencias.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" title="Datos por revisar" data-testid="advertencias-cliente">
      <Stack gap={4}>
        <ConteoFilas total={advertencias.length} unidad={['advertencia', 'advertencias']} />
        <List size="sm">
          {advertencias.map((advertencia, i) => (
            <List.Item key={`${advertencia.tipo}-${i}`}>{textoAdvertencia(advertencia, clienteId)}</List.Item>
          ))}
        </List>
      </Stack>
    </Alert>
  );
}

function plural(n: number, singular: string, pluralTexto: string): string {
  return `${formatoEntero(n)} ${n === 1 ? singular : pluralTexto}`;
}

function Cuponeras({ datos }: { datos: ModuloCuponeras }) {
  const numero = (enlace: string) => decodeURIComponent(enlace.split('/').pop() ?? enlace);
  return (
    <Stack gap={4} data-testid="modulo-cuponeras">
      <Text size="sm" fw={600}>
        Contratos y cupones
      </Text>
      <Text size="sm">
        {plural(datos.contratos, 'contrato', 'contratos')} · {plural(datos.facturas_por_pagar, 'factura por pagar', 'facturas por pagar')}
        {datos.facturas_por_pagar > 0 ? ` (${formatoCop(datos.saldo_por_pagar)})` : ''} ·{' '}
        {plural(datos.cupones_vigentes, 'cupón vigente', 'cupones vigentes')} ·{' '}
        {plural(datos.beneficios_disponibles, 'beneficio disponible', 'beneficios disponibles')}
      </Text>
      {datos.enlaces.length > 0 ? (
        <Group gap="md">
          {datos.enlaces.map((enlace) => (
            <Anchor key={enlace} component={Link} to={enlace} size="sm">
              Ver el contrato {numero(enlace)}
            </Anchor>
          ))}
        </Group>
      ) : null}
    </Stack>
  );
}

/** Lo que el cliente tiene en otros módulos (hoy, M6 cuponeras); nada si no tiene nada. */
export function ResumenModulos({ modulos }: { modulos: ResumenCliente['modulos'] }) {
  if (!modulos.cuponeras) return null;
  return <Cuponeras datos={modulos.cuponeras} />;
}
