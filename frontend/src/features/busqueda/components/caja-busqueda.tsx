import { Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useAccionAtajo } from '@/hooks/use-atajos';
import { useRetraso } from '@/hooks/use-retraso';
import { esErrorApi, mensajeDeError } from '@/lib/api-client';
import { useBusquedaClientes } from '../api/busqueda';
import { ETIQUETA_MODO, predecirModo } from '../lib/modo-busqueda';
import { idOpcion } from '../lib/opciones';
import type { ClienteEncontrado, DocumentoCliente, RespuestaBusqueda } from '../types';
import { ListaResultados } from './lista-resultados';

/** Espera tras la última tecla: corta para sentirse inmediata, suficiente para no pedir por cada letra. */
// 60 ms: a 1.000.000 de clientes, tecla → resultados p99 85–131 ms (130 ms no cabía en la meta de 150 ms;
// 50 ms ya pide casi una vez por tecla). Ver docs/rendimiento.md, «La caja de búsqueda en el navegador».
export const RETRASO_BUSQUEDA_MS = 60;

const AYUDA = 'Documento (con o sin tipo), teléfono, correo o parte del nombre. Atajo: /';

interface CajaBusquedaProps {
  /** Abre al cliente elegido, como la consulta por documento. */
  alElegir: (documento: DocumentoCliente) => void;
}

function mensajeError(error: unknown): string {
  if (esErrorApi(error) && error.estado === 422) return error.motivoDe('q') ?? error.message;
  return mensajeDeError(error);
}

/**
 * La caja única (contrato M10): busca mientras se escribe, dice qué modo entendió, y se recorre con
 * ↑ ↓ y Enter (patrón combobox + listbox de ARIA; el foco se queda en la caja).
 */
export function CajaBusqueda({ alElegir }: CajaBusquedaProps) {
  const idLista = `${useId()}-resultados`;
  const campo = useRef<HTMLInputElement>(null);
  const [texto, setTexto] = useState('');
  const [abierta, setAbierta] = useState(true);
  // La opción activa pertenece a una respuesta: con resultados nuevos, ninguna está activa.
  const [activa, setActiva] = useState<{ de?: RespuestaBusqueda; indice: number }>({ indice: -1 });
  const [retrasado] = useDebouncedValue(texto.trim(), RETRASO_BUSQUEDA_MS);
  const prediccion = predecirModo(texto);
  const busqueda = useBusquedaClientes(predecirModo(retrasado).estado === 'lista' ? retrasado : null);

  const vigente = prediccion.estado === 'lista';
  const respuesta = vigente ? busqueda.data : undefined;
  const esperando = vigente && (retrasado !== texto.trim() || busqueda.isFetching);
  const alDia = respuesta !== undefined && !busqueda.isPlaceholderData && !esperando;
  const atenuada = useRetraso(esperando && respuesta !== undefined, 250);
  const error = vigente && !esperando && busqueda.isError ? mensajeError(busqueda.error) : undefined;
  const resultados = respuesta?.resultados ?? [];
  const expandida = abierta && !error && resultados.length > 0;
  const indice = activa.de === respuesta ? activa.indice : -1;

  const limpiar = () => {
    setTexto('');
    setAbierta(true);
  };
  useAccionAtajo('buscar', () => {
    campo.current?.focus();
    campo.current?.select();
  });
  useAccionAtajo('limpiar', () => {
    if (!texto) return false;
    limpiar();
  });

  const elegir = (cliente: ClienteEncontrado) => {
    setAbierta(false);
    alElegir({ tipo: cliente.tipo_documento, numero: cliente.numero_documento });
  };

  const alPulsar = (evento: KeyboardEvent<HTMLInputElement>) => {
    const cantidad = resultados.length;
    if ((evento.key === 'ArrowDown' || evento.key === 'ArrowUp') && cantidad > 0) {
      evento.preventDefault();
      const siguiente = evento.key === 'ArrowDown' ? (indice + 1) % cantidad : indice <= 0 ? cantidad - 1 : indice - 1;
      setAbierta(true);
      setActiva({ de: respuesta, indice: expandida ? siguiente : Math.max(indice, 0) });
    } else if (evento.key === 'Enter' && expandida) {
      // Sin opción activa, Enter abre el primero, pero solo si la lista ya es la de lo escrito.
      const elegido = resultados[indice] ?? (alDia ? resultados[0] : undefined);
      evento.preventDefault();
      if (elegido) elegir(elegido);
    } else if (evento.key === 'Escape' && texto) {
      evento.preventDefault();
      limpiar();
    }
  };

  const modo = alDia ? ETIQUETA_MODO[respuesta.modo] : prediccion.estado === 'lista' ? ETIQUETA_MODO[prediccion.modo] : null;

  return (
    <Stack gap="xs" role="search" aria-label="Búsqueda de clientes">
      <TextInput
        ref={campo}
        label="Buscar cliente"
        description={prediccion.estado === 'corta' ? prediccion.motivo : AYUDA}
        inputWrapperOrder={['label', 'input', 'error', 'description']}
        placeholder="CC 1020304050, +57 311 234 5678, correo o nombre"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expandida}
        aria-controls={expandida ? idLista : undefined}
        aria-activedescendant={expandida && indice >= 0 ? idOpcion(idLista, resultados[indice]!) : undefined}
        aria-keyshortcuts="/"
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        value={texto}
        error={error}
        data-testid="caja-busqueda"
        onChange={(evento) => {
          setTexto(evento.currentTarget.value);
          setAbierta(true);
        }}
        onFocus={() => setAbierta(true)}
        onClick={() => setAbierta(true)}
        onKeyDown={alPulsar}
      />
      {modo ? (
        <Group gap={6}>
          <Text size="sm" c="dimmed">
            Buscando por:
          </Text>
          <Text size="sm" fw={600} data-testid="modo-busqueda" data-confirmado={alDia}>
            {modo}
          </Text>
        </Group>
      ) : null}
      {expandida && respuesta ? (
        <ListaResultados
          id={idLista}
          respuesta={respuesta}
          activo={indice}
          ocupada={esperando}
          atenuada={atenuada}
          alElegir={elegir}
          alActivar={(nuevo) => setActiva({ de: respuesta, indice: nuevo })}
        />
      ) : null}
      {alDia && abierta && respuesta.total === 0 ? (
        <Text size="sm" data-testid="sin-resultados" role="status">
          Ningún cliente coincide con «{texto.trim()}».
        </Text>
      ) : null}
    </Stack>
  );
}
