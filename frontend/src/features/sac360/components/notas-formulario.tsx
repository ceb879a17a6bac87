import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { MensajesFormulario } from '@/components/ui/mensajes-formulario';
import { erroresServidor } from '@/lib/errores-servidor';
import { useCrearNota } from '../api/notas';
import { errorTextoNota, LARGO_MOTIVO_NOTA, LARGO_NOTA } from '../lib/notas-texto';

/** Agregar una nota de la llamada (texto de 1 a 2000 caracteres y un motivo opcional). */
export function NotasFormulario({ clienteId, alAgregar }: { clienteId: number; alAgregar: () => void }) {
  const crear = useCrearNota(clienteId);
  const [texto, setTexto] = useState('');
  const [motivo, setMotivo] = useState('');
  const [errorLocal, setErrorLocal] = useState<string | null>(null);
  const { deCampo, general } = erroresServidor(crear.error, ['texto', 'motivo'] as const);
  const motivoLargo = motivo.trim().length > LARGO_MOTIVO_NOTA ? `El motivo admite como máximo ${LARGO_MOTIVO_NOTA} caracteres.` : null;

  const enviar = (evento: FormEvent) => {
    evento.preventDefault();
    const problema = errorTextoNota(texto);
    setErrorLocal(problema);
    if (problema || motivoLargo) return;
    const limpio = motivo.trim();
    crear.mutate(
      { texto: texto.trim(), ...(limpio ? { motivo: limpio } : {}) },
      {
        onSuccess: () => {
          setTexto('');
          setMotivo('');
          alAgregar();
        },
      },
    );
  };

  return (
    <form onSubmit={enviar} noValidate aria-label="Nueva nota de llamada">
      <Stack gap="xs">
        <Textarea
          label="Nueva nota"
          description={`Hasta ${LARGO_NOTA} caracteres (lleva ${texto.trim().length}). Las notas no se borran; puede corregirlas durante 15 minutos.`}
          value={texto}
          onChange={(e) => {
            setTexto(e.currentTarget.value);
            if (errorLocal) setErrorLocal(errorTextoNota(e.currentTarget.value));
          }}
          error={errorLocal ?? deCampo('texto')}
          autosize
          minRows={2}
          required
        />
        <TextInput
          label="Motivo de la llamada (opcional)"
          value={motivo}
          onChange={(e) => setMotivo(e.currentTarget.value)}
          error={motivoLargo ?? deCampo('motivo')}
        />
        <MensajesFormulario mensajes={general} titulo="No se pudo agregar la nota" />
        <Group>
          <Button type="submit" loading={crear.isPending}>
            Agregar nota
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
