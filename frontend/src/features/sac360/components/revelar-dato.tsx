import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { InsigniaEstado } from '@/components/ui/insignia-estado';
import { AlertaError } from '@/components/ui/alerta-error';
import { esErrorApi } from '@/lib/api-client';
import { useRevelarDato } from '../api/revelar';
import { errorMotivo, MOTIVO_MAXIMO, MOTIVO_MINIMO } from '../lib/revelar-motivo';
import type { CampoContacto } from '../resumen-types';

const NOMBRE_CAMPO: Record<CampoContacto, string> = {
  telefono: 'el teléfono',
  correo: 'el correo',
  direccion: 'la dirección',
};

interface DialogoRevelarProps {
  clienteId: number;
  campo: CampoContacto;
  alCerrar: () => void;
  alRevelar: (valor: string | null) => void;
}

function DialogoRevelar({ clienteId, campo, alCerrar, alRevelar }: DialogoRevelarProps) {
  const revelar = useRevelarDato(clienteId, campo);
  const [motivo, setMotivo] = useState('');
  const [errorLocal, setErrorLocal] = useState<string | null>(null);
  const largo = motivo.trim().length;
  const error = revelar.error;
  const errorServidor = esErrorApi(error) && error.estado === 422 ? (error.motivoDe('motivo') ?? error.message) : null;
  const otroError = error && !errorServidor ? error : null;

  const cerrar = () => alCerrar();

  const enviar = (evento: FormEvent) => {
    evento.preventDefault();
    const problema = errorMotivo(motivo);
    setErrorLocal(problema);
    if (problema) return;
    revelar.mutate(motivo.trim(), {
      onSuccess: (dato) => alRevelar(dato.valor),
    });
  };

  return (
    <Modal opened onClose={cerrar} title={`Revelar ${NOMBRE_CAMPO[campo]}`} centered returnFocus={false}>
      <form onSubmit={enviar} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            Para ver {NOMBRE_CAMPO[campo]} completo explique por qué lo necesita. El motivo queda en la auditoría.
          </Text>
          <Textarea
            label="Motivo"
            description={`Entre ${MOTIVO_MINIMO} y ${MOTIVO_MAXIMO} caracteres (lleva ${largo}/${MOTIVO_MAXIMO}).`}
            value={motivo}
            onChange={(e) => {
              setMotivo(e.currentTarget.value);
              if (errorLocal) setErrorLocal(errorMotivo(e.currentTarget.value));
            }}
            error={errorLocal ?? errorServidor}
            autosize
            minRows={3}
            required
            data-autofocus
          />
          {otroError ? <AlertaError error={otroError} titulo="No se pudo revelar el dato" /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={cerrar}>
              Cancelar
            </Button>
            <Button type="submit" loading={revelar.isPending}>
              Revelar
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface RevelarDatoProps {
  clienteId: number;
  campo: CampoContacto;
  /** El valor como llegó (enmascarado para el agente). */
  valor: string;
  /** Solo si el dato llega enmascarado y el usuario tiene `clientes.revelar`. */
  puedeRevelar: boolean;
}

/**
 * Un dato de contacto con el botón «Revelar» junto al valor enmascarado: pide el motivo en un
 * diálogo y muestra el valor completo. El valor revelado vive solo en este componente (memoria):
 * no entra en la caché de consultas ni en ningún almacenamiento.
 */
export function RevelarDato({ clienteId, campo, valor, puedeRevelar }: RevelarDatoProps) {
  const [abierto, setAbierto] = useState(false);
  const [revelado, setRevelado] = useState<{ valor: string | null } | null>(null);
  const refValor = useRef<HTMLSpanElement>(null);
  const refBoton = useRef<HTMLButtonElement>(null);

  if (revelado) {
    return (
      <Group gap={6} wrap="wrap" component="span">
        <span ref={refValor} tabIndex={-1} data-testid={`revelado-${campo}`}>
          {revelado.valor ?? '—'}
        </span>
        <InsigniaEstado etiqueta="revelado" tono="aviso" />
      </Group>
    );
  }

  return (
    <Group gap={6} wrap="wrap" component="span">
      <span data-testid={`contacto-${campo}`}>{valor}</span>
      {puedeRevelar ? (
        <>
          <Button ref={refBoton} size="compact-xs" variant="light" onClick={() => setAbierto(true)} aria-label={`Revelar ${NOMBRE_CAMPO[campo]}`}>
            Revelar
          </Button>
          {/* Se monta al abrirse: la ficha no carga un diálogo por dato, y cada apertura empieza limpia. */}
          {abierto ? (
            <DialogoRevelar
              clienteId={clienteId}
              campo={campo}
              alCerrar={() => {
                setAbierto(false);
                requestAnimationFrame(() => refBoton.current?.focus());
              }}
              alRevelar={(completo) => {
                setAbierto(false);
                setRevelado({ valor: completo });
                requestAnimationFrame(() => refValor.current?.focus());
              }}
            />
          ) : null}
        </>
      ) : null}
    </Group>
  );
}
