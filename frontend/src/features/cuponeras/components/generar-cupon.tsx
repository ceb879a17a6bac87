import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { mensajeDeError } from '@/lib/api-client';
import { formatoCop, formatoDia } from '@/lib/formato';
import { useMisBeneficios } from '../api/beneficios';
import { useGenerarCupon } from '../api/cupones';
import { nombreRegla, rutas } from '../lib/etiquetas';
import type { Modo } from '../types';

/**
 * Genera el cupón de pago del contrato (todas las facturas con saldo). En el portal, el cliente
 * elige uno de sus beneficios disponibles; en el SAC, el agente puede escribir el código que le
 * dicta el cliente. Al generarlo se abre el cupón.
 */
export function GenerarCupon({ contrato, modo }: { contrato: string; modo: Modo }) {
  const generar = useGenerarCupon(contrato);
  const beneficios = useMisBeneficios(modo === 'portal');
  const [beneficio, setBeneficio] = useState('');
  const navegar = useNavigate();

  const disponibles = (beneficios.data ?? []).filter((b) => b.estado === 'disponible');
  const opciones = [
    { value: '', label: 'Sin beneficio' },
    ...disponibles.map((b) => ({
      value: b.codigo,
      label: `${nombreRegla(b.regla)}: ${b.porcentaje} % (hasta ${formatoCop(b.tope)}), vence ${formatoDia(b.vence_en)}`,
    })),
  ];

  const enviar = (evento: FormEvent<HTMLFormElement>) => {
    evento.preventDefault();
    generar.mutate(beneficio.trim() || null, { onSuccess: (cupon) => navegar(rutas(modo).cupon(cupon.numero)) });
  };

  return (
    <form onSubmit={enviar} noValidate aria-label="Generar cupón de pago">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          El cupón cubre todas las facturas con saldo del contrato, de la más antigua a la más reciente.
        </Text>
        {generar.isError ? (
          <Alert color="red" variant="light" role="alert" title="No se pudo generar el cupón">
            {mensajeDeError(generar.error)}
          </Alert>
        ) : null}
        <Group align="flex-end" gap="sm">
          {modo === 'portal' ? (
            <NativeSelect
              label="Beneficio (opcional)"
              name="beneficio"
              data={opciones}
              value={beneficio}
              disabled={disponibles.length === 0}
              description={
                beneficios.isError
                  ? 'No se pudieron cargar sus beneficios; puede generar el cupón sin beneficio.'
                  : disponibles.length === 0 && beneficios.isSuccess
                    ? 'No tiene beneficios disponibles.'
                    : undefined
              }
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              w={{ base: '100%', sm: 420 }}
              onChange={(e) => setBeneficio(e.currentTarget.value)}
            />
          ) : (
            <TextInput
              label="Código de beneficio (opcional)"
              name="beneficio"
              autoComplete="off"
              spellCheck={false}
              value={beneficio}
              w={{ base: '100%', sm: 300 }}
              onChange={(e) => setBeneficio(e.currentTarget.value)}
            />
          )}
          <Button type="submit" loading={generar.isPending}>
            Generar cupón
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
