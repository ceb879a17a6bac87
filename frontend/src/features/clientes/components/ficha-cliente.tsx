import { Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatoCop, formatoFecha, nombreMes } from '@/lib/formato';
import { nombreCompleto } from '../lib/nombre';
import type { ResultadoBusqueda } from '../types';

function Dato({ etiqueta, valor }: { etiqueta: string; valor: string | null }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
        {etiqueta}
      </Text>
      <Text component="dd" m={0}>
        {valor || '—'}
      </Text>
    </div>
  );
}

/** Datos básicos del cliente y la marca de fidelización del mes anterior. */
export function FichaCliente({ resultado }: { resultado: ResultadoBusqueda }) {
  const { cliente, fidelizacion } = resultado;
  return (
    <Stack gap="sm">
      <Group gap="sm" align="center">
        <Title order={2} size="h3" id="titulo-cliente">
          {nombreCompleto(cliente)}
        </Title>
        {fidelizacion.califica ? (
          <Badge
            size="lg"
            color="#f2c14e"
            variant="filled"
            tt="none"
            title={`Compras pagadas de ${nombreMes(fidelizacion.mes)} por encima de ${formatoCop(fidelizacion.umbral)}`}
          >
            ★ Cliente fidelizado
          </Badge>
        ) : null}
        {!cliente.activo ? (
          <Badge size="lg" color="#495057" variant="filled" tt="none">
            Inactivo
          </Badge>
        ) : null}
      </Group>
      {fidelizacion.califica ? (
        <Text size="sm" c="dimmed">
          Superó {formatoCop(fidelizacion.umbral)} en compras pagadas de {nombreMes(fidelizacion.mes)}.
        </Text>
      ) : null}
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs" m={0}>
        <Dato etiqueta="Documento" valor={`${cliente.tipo_documento_nombre} ${cliente.numero_documento}`} />
        <Dato etiqueta="Correo" valor={cliente.correo} />
        <Dato etiqueta="Teléfono" valor={cliente.telefono} />
        <Dato etiqueta="Ciudad" valor={cliente.ciudad} />
        <Dato etiqueta="Dirección" valor={cliente.direccion} />
        <Dato etiqueta="Cliente desde" valor={formatoFecha(cliente.fecha_registro)} />
      </SimpleGrid>
    </Stack>
  );
}
