import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useCambiarEstablecimiento } from '../api/establecimientos';
import { erroresServidor } from '@/lib/errores-servidor';
import type { Establecimiento } from '../types';
import { MensajesFormulario } from '@/components/ui/mensajes-formulario';

interface AsignarVendedorProps {
  establecimiento: Establecimiento;
  alGuardar: (establecimiento: Establecimiento) => void;
  alCancelar: () => void;
}

/** Cambia (o quita) el vendedor de un establecimiento por su usuario; el servidor valida el rol. */
export function AsignarVendedor({ establecimiento, alGuardar, alCancelar }: AsignarVendedorProps) {
  const [vendedor, setVendedor] = useState(establecimiento.vendedor?.usuario ?? '');
  const [editado, setEditado] = useState(false);
  const cambiar = useCambiarEstablecimiento();
  const servidor = erroresServidor(cambiar.error, ['vendedor'] as const);

  const enviar = (evento: FormEvent<HTMLFormElement>) => {
    evento.preventDefault();
    setEditado(false);
    cambiar.mutate({ id: establecimiento.id, cambio: { vendedor: vendedor.trim() || null } }, { onSuccess: alGuardar });
  };

  return (
    <form onSubmit={enviar} noValidate aria-label={`Asignar vendedor a ${establecimiento.nombre}`}>
      <Stack gap="sm">
        <Text size="sm">
          Actual:{' '}
          <strong>
            {establecimiento.vendedor ? `${establecimiento.vendedor.nombre} (${establecimiento.vendedor.usuario})` : 'sin vendedor'}
          </strong>
        </Text>
        <MensajesFormulario mensajes={servidor.general} />
        <TextInput
          label="Usuario del vendedor"
          description="Déjelo vacío para quitar el vendedor."
          data-autofocus
          autoComplete="off"
          spellCheck={false}
          value={vendedor}
          error={editado ? undefined : servidor.deCampo('vendedor')}
          onChange={(e) => {
            setVendedor(e.currentTarget.value);
            setEditado(true);
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={alCancelar}>
            Cancelar
          </Button>
          <Button type="submit" loading={cambiar.isPending}>
            {vendedor.trim() ? 'Asignar' : 'Quitar vendedor'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
