import { Group, Loader, Text } from '@mantine/core';
import { env } from '@/config/env';
import { useRetraso } from '@/hooks/use-retraso';

interface IndicadorCargaProps {
  cargando: boolean;
  texto?: string;
  retrasoMs?: number;
}

/** Indicador que aparece solo si la espera supera ~200 ms: las respuestas rápidas no parpadean. */
export function IndicadorCarga({ cargando, texto = 'Cargando…', retrasoMs = env.RETRASO_INDICADOR_MS }: IndicadorCargaProps) {
  const visible = useRetraso(cargando, retrasoMs);
  if (!visible) return null;
  return (
    <Group gap="xs" data-testid="indicador-carga">
      <Loader size="sm" aria-hidden="true" />
      <Text size="sm" c="dimmed">
        {texto}
      </Text>
    </Group>
  );
}
