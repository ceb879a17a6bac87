import { Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatoCop, formatoFecha, nombreMes } from '@/lib/formato';
import { Dato } from '@/components/ui/dato';
import { nombreCompleto } from '../lib/nombre';
import { useRanurasFicha, type CampoContacto } from '../lib/ranuras-ficha';
import type { Cliente, ResultadoBusqueda } from '../types';

/** Teléfono, correo o dirección tal como llegan (enmascarados para el agente), o lo que ponga la app. */
function DatoContacto({ cliente, campo }: { cliente: Cliente; campo: CampoContacto }) {
  const { contacto } = useRanurasFicha();
  const valor = cliente[campo];
  if (!valor) return null;
  return <>{contacto ? contacto(cliente, campo, valor) : valor}</>;
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
        <Dato etiqueta="Documento">{`${cliente.tipo_documento_nombre} ${cliente.numero_documento}`}</Dato>
        <Dato etiqueta="Correo">{cliente.correo ? <DatoContacto cliente={cliente} campo="correo" /> : null}</Dato>
        <Dato etiqueta="Teléfono">{cliente.telefono ? <DatoContacto cliente={cliente} campo="telefono" /> : null}</Dato>
        <Dato etiqueta="Ciudad">{cliente.ciudad}</Dato>
        <Dato etiqueta="Dirección">{cliente.direccion ? <DatoContacto cliente={cliente} campo="direccion" /> : null}</Dato>
        <Dato etiqueta="Cliente desde">{formatoFecha(cliente.fecha_registro)}</Dato>
      </SimpleGrid>
    </Stack>
  );
}
