import { Alert, Button, Group, List, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { MensajesFormulario } from '@/components/ui/mensajes-formulario';
import { formatoEntero } from '@/lib/formato';
import { erroresServidor } from '@/lib/errores-servidor';
import { useFusionarClientes } from '../api/fusionar';
import { documento, errorMotivo, MOTIVO_MAXIMO, MOTIVO_MINIMO, nombreCompleto } from '../lib/etiquetas';
import type { ClienteInvolucrado, ResultadoFusion } from '../types';

interface DialogoFusionProps {
  /** Los clientes de la advertencia (2 o más); `null` = cerrado. */
  clientes: ClienteInvolucrado[] | null;
  alCerrar: () => void;
}

const ETIQUETAS_MOVIDOS: ['compras' | 'contratos' | 'notas' | 'beneficios', string, string][] = [
  ['compras', 'compra', 'compras'],
  ['contratos', 'contrato', 'contratos'],
  ['notas', 'nota', 'notas'],
  ['beneficios', 'beneficio', 'beneficios'],
];

/** El verde de éxito de `InsigniaEstado`: el título verde claro de Mantine no llega a AA sobre su fondo. */
const TITULO_EXITO = '#1b5e20';

function etiquetaCliente(cliente: ClienteInvolucrado): string {
  return `${nombreCompleto(cliente)} · ${documento(cliente)}`;
}

function Resultado({ resultado, otro, alCerrar }: { resultado: ResultadoFusion; otro: ClienteInvolucrado; alCerrar: () => void }) {
  return (
    <Stack gap="md">
      <Alert color="green" variant="light" title="Clientes fusionados" role="status" styles={{ title: { color: TITULO_EXITO } }}>
        <Text size="sm">
          {nombreCompleto(resultado)} ({documento(resultado)}) recibió lo que tenía {documento(otro)}:
        </Text>
        <List size="sm" mt="xs" aria-label="Lo que se movió">
          {ETIQUETAS_MOVIDOS.map(([clave, singular, plural]) => {
            const cantidad = resultado.movidos[clave] ?? 0;
            return (
              <List.Item key={clave}>
                {formatoEntero(cantidad)} {cantidad === 1 ? singular : plural}
              </List.Item>
            );
          })}
        </List>
        <Text size="sm" mt="xs">
          {documento(otro)} quedó inactivo; buscarlo por ese documento encuentra a {nombreCompleto(resultado)}.
        </Text>
      </Alert>
      <Group justify="flex-end">
        <Button onClick={alCerrar} data-autofocus>
          Volver a la lista
        </Button>
      </Group>
    </Stack>
  );
}

function FormularioFusion({ clientes, alCerrar }: { clientes: ClienteInvolucrado[]; alCerrar: () => void }) {
  const [sobrevivienteId, setSobrevivienteId] = useState(String(clientes[0]?.id ?? ''));
  const [otroId, setOtroId] = useState(String(clientes[1]?.id ?? ''));
  const [motivo, setMotivo] = useState('');
  const [intentado, setIntentado] = useState(false);
  const fusion = useFusionarClientes();

  const sobreviviente = clientes.find((c) => String(c.id) === sobrevivienteId);
  const candidatos = clientes.filter((c) => String(c.id) !== sobrevivienteId);
  const otro = candidatos.find((c) => String(c.id) === otroId) ?? candidatos[0];

  if (fusion.data && otro) return <Resultado resultado={fusion.data} otro={otro} alCerrar={alCerrar} />;

  const elegirSobreviviente = (valor: string) => {
    setSobrevivienteId(valor);
    if (valor === otroId) setOtroId(String(clientes.find((c) => String(c.id) !== valor)?.id ?? ''));
    fusion.reset();
  };

  const servidor = erroresServidor(fusion.error, ['motivo'] as const);
  const errorLocal = intentado ? errorMotivo(motivo) : undefined;
  const largo = motivo.trim().length;

  const enviar = (evento: FormEvent<HTMLFormElement>) => {
    evento.preventDefault();
    setIntentado(true);
    if (errorMotivo(motivo) || !sobreviviente || !otro) return;
    fusion.mutate({ sobreviviente: sobreviviente.id, con: otro.id, motivo });
  };

  return (
    <form onSubmit={enviar} noValidate aria-label="Fusionar clientes">
      <Stack gap="md">
        <Radio.Group label="¿Cuál cliente sobrevive?" value={sobrevivienteId} onChange={elegirSobreviviente} required>
          <Stack gap={6} mt={6}>
            {clientes.map((c) => (
              <Radio key={c.id} value={String(c.id)} label={etiquetaCliente(c)} />
            ))}
          </Stack>
        </Radio.Group>
        <Radio.Group
          label="Se fusiona con"
          value={otro ? String(otro.id) : ''}
          onChange={(valor) => {
            setOtroId(valor);
            fusion.reset();
          }}
          required
        >
          <Stack gap={6} mt={6}>
            {candidatos.map((c) => (
              <Radio key={c.id} value={String(c.id)} label={etiquetaCliente(c)} />
            ))}
          </Stack>
        </Radio.Group>
        {sobreviviente && otro ? (
          <Alert color="red" variant="light" title="Qué pasa al fusionar" role="note" data-testid="explicacion-fusion">
            <List size="sm" spacing={4}>
              <List.Item>
                Las compras, los contratos, las notas y los beneficios de {etiquetaCliente(otro)} pasan a {etiquetaCliente(sobreviviente)}.
              </List.Item>
              <List.Item>
                {documento(otro)} queda inactivo y su documento queda como alias de {nombreCompleto(sobreviviente)}: quien lo busque por
                ese documento lo encuentra.
              </List.Item>
              <List.Item>
                <strong>No se puede deshacer.</strong> Queda en la auditoría con su motivo.
              </List.Item>
            </List>
          </Alert>
        ) : null}
        <Textarea
          label="Motivo"
          name="motivo"
          required
          autosize
          minRows={2}
          maxRows={6}
          value={motivo}
          onChange={(e) => {
            setMotivo(e.currentTarget.value);
            if (fusion.isError) fusion.reset();
          }}
          description={`${largo}/${MOTIVO_MAXIMO} caracteres (mínimo ${MOTIVO_MINIMO})`}
          inputWrapperOrder={['label', 'input', 'error', 'description']}
          error={errorLocal ?? servidor.deCampo('motivo')}
        />
        <MensajesFormulario mensajes={servidor.general} titulo="No se pudo fusionar" />
        <Group justify="flex-end">
          <Button variant="default" onClick={alCerrar} disabled={fusion.isPending}>
            Cancelar
          </Button>
          <Button type="submit" color="red" loading={fusion.isPending}>
            Fusionar definitivamente
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Solo administradores: une dos clientes que son la misma persona; el que no sobrevive queda como alias. */
export function DialogoFusion({ clientes, alCerrar }: DialogoFusionProps) {
  const abierto = clientes !== null && clientes.length >= 2;
  return (
    <Modal opened={abierto} onClose={alCerrar} title="Fusionar clientes" centered size="lg">
      {abierto ? <FormularioFusion key={clientes.map((c) => c.id).join('-')} clientes={clientes} alCerrar={alCerrar} /> : null}
    </Modal>
  );
}
