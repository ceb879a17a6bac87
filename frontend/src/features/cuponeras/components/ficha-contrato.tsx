import { Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Dato } from '@/components/ui/dato';
import { formatoDia } from '@/lib/formato';
import { nombreServicio } from '../lib/etiquetas';
import type { Contrato } from '../types';
import { Estado } from './estado';

export type NivelTitulo = 2 | 3 | null;

/**
 * Encabezado de un contrato: servicio, dirección, estado y, en el SAC, el titular. `nivelTitulo`
 * `null` cuando la página ya lo titula (h1 «Contrato …»).
 */
export function FichaContrato({ contrato, conTitular = false, nivelTitulo = 2 }: { contrato: Contrato; conTitular?: boolean; nivelTitulo?: NivelTitulo }) {
  const titular = contrato.titular ?? contrato.cliente;
  return (
    <Stack gap="xs">
      <Group gap="sm">
        {nivelTitulo ? (
          <Title order={nivelTitulo} size="h3">
            Contrato {contrato.numero_contrato}
          </Title>
        ) : (
          <Text size="sm" fw={600}>
            Estado del contrato:
          </Text>
        )}
        <Estado estado={contrato.estado} />
      </Group>
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs" m={0}>
        <Dato etiqueta="Servicio">{nombreServicio(contrato.servicio)}</Dato>
        <Dato etiqueta="Dirección">{[contrato.direccion, contrato.ciudad].filter(Boolean).join(', ')}</Dato>
        <Dato etiqueta="Desde">{contrato.fecha_inicio ? formatoDia(contrato.fecha_inicio) : null}</Dato>
        {conTitular && titular ? (
          <Dato etiqueta="Titular">
            {`${[titular.nombre, titular.apellido].filter(Boolean).join(' ')} · ${titular.tipo_documento} ${titular.numero_documento}`}
          </Dato>
        ) : null}
      </SimpleGrid>
    </Stack>
  );
}
