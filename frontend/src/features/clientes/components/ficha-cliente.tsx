import { Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatoCop, formatoFecha, nombreMes } from '@/lib/formato';
import { nombreCompleto } from '../lib/nombre';
import type { ResultadoBusqueda } from '../types';
import { Dato } from '@/components/ui/dato';

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
        <Dato etiqueta="Documento">{`${cliente.tipo_documento_nombre} ${cliente.numero_documento}`}</Dato>
        <Dato etiqueta="Correo">{cliente.correo}</Dato>
        <Dato etiqueta="Teléfono">{cliente.telefono}</Dato>
        <Dato etiqueta="Ciudad">{cliente.ciudad}</Dato>
        <Dato etiqueta="Dirección">{cliente.direccion}</Dato>
        <Dato etiqueta="Cliente desde">{formatoFecha(cliente.fecha_registro)}</Dato>
      </SimpleGrid>
    </Stack>
  );
}
