import { Alert, Button, Group, List, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { InsigniaEstado } from '@/components/ui/insignia-estado';
import { esErrorApi, mensajeDeError } from '@/lib/api-client';
import { formatoFechaHora } from '@/lib/formato';
import { useEditarNota } from '../api/notas';
import { useDentroDelPlazo } from '../lib/notas-plazo';
import { errorTextoNota, LARGO_NOTA } from '../lib/notas-texto';
import type { NotaCliente } from '../resumen-types';

function EdicionNota({ clienteId, nota, alTerminar }: { clienteId: number; nota: NotaCliente; alTerminar: () => void }) {
  const editar = useEditarNota(clienteId, nota.id);
  const [texto, setTexto] = useState(nota.texto);
  const [errorLocal, setErrorLocal] = useState<string | null>(null);
  const error = editar.error;
  const error422 = esErrorApi(error) && error.estado === 422 ? (error.motivoDe('texto') ?? error.message) : null;

  const guardar = (evento: FormEvent) => {
    evento.preventDefault();
    const problema = errorTextoNota(texto);
    setErrorLocal(problema);
    if (problema) return;
    editar.mutate(texto.trim(), { onSuccess: alTerminar });
  };

  return (
    <form onSubmit={guardar} noValidate>
      <Stack gap="xs">
        <Textarea
          label="Corregir la nota"
          description={`Hasta ${LARGO_NOTA} caracteres (lleva ${texto.trim().length}). La versión anterior se conserva.`}
          value={texto}
          onChange={(e) => setTexto(e.currentTarget.value)}
          error={errorLocal ?? error422}
          autosize
          minRows={2}
          data-autofocus
        />
        {error && !error422 ? (
          <Alert color="red" variant="light" role="alert" title={esErrorApi(error) && error.estado === 403 ? 'No se puede corregir la nota' : 'No se pudo guardar'}>
            {mensajeDeError(error)}
          </Alert>
        ) : null}
        <Group gap="xs">
          <Button type="submit" size="xs" loading={editar.isPending}>
            Guardar corrección
          </Button>
          <Button size="xs" variant="default" onClick={alTerminar}>
            Cancelar
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface NotaItemProps {
  clienteId: number;
  nota: NotaCliente;
  /** Usuario en sesión: solo el autor corrige su nota. */
  usuarioActual: string | null;
}

/** Una nota con su autor, hora de Bogotá y, si se corrigió, «editada» con sus versiones anteriores. */
export function NotaItem({ clienteId, nota, usuarioActual }: NotaItemProps) {
  const propia = usuarioActual !== null && nota.autor.usuario === usuarioActual;
  const editable = useDentroDelPlazo(nota.creada_en, propia);
  const [editando, setEditando] = useState(false);
  const [verVersiones, setVerVersiones] = useState(false);

  return (
    <Paper component="li" withBorder radius="sm" p="sm" data-testid="nota-cliente" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Text size="sm" fw={600}>
            {nota.autor.nombre}{' '}
            <Text span size="sm" c="dimmed" fw={400}>
              · <time dateTime={nota.creada_en}>{formatoFechaHora(nota.creada_en)}</time>
            </Text>
          </Text>
          {nota.editada_en ? (
            <span title={`Editada el ${formatoFechaHora(nota.editada_en)}`}>
              <InsigniaEstado etiqueta="editada" tono="neutro" />
            </span>
          ) : null}
        </Group>
        {nota.motivo ? (
          <Text size="sm" c="dimmed">
            Motivo: {nota.motivo}
          </Text>
        ) : null}
        {editando && editable ? (
          <EdicionNota clienteId={clienteId} nota={nota} alTerminar={() => setEditando(false)} />
        ) : (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {nota.texto}
          </Text>
        )}
        <Group gap="xs">
          {editable && !editando ? (
            <Button size="compact-xs" variant="subtle" onClick={() => setEditando(true)} aria-label={`Corregir la nota de ${formatoFechaHora(nota.creada_en)}`}>
              Corregir
            </Button>
          ) : null}
          {nota.versiones.length > 0 ? (
            <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setVerVersiones((v) => !v)} aria-expanded={verVersiones}>
              {verVersiones ? 'Ocultar versiones anteriores' : `Ver ${nota.versiones.length === 1 ? 'la versión anterior' : `${nota.versiones.length} versiones anteriores`}`}
            </Button>
          ) : null}
        </Group>
        {verVersiones ? (
          <List size="sm" c="dimmed" data-testid="versiones-nota">
            {nota.versiones.map((version) => (
              <List.Item key={version.reemplazada_en}>
                «{version.texto}» (hasta {formatoFechaHora(version.reemplazada_en)})
              </List.Item>
            ))}
          </List>
        ) : null}
      </Stack>
    </Paper>
  );
}
