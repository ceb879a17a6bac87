import { Group, Stack, Text } from '@mantine/core';
import { ConteoFilas } from '@/components/ui/conteo-filas';
import { InsigniaEstado } from '@/components/ui/insignia-estado';
import { nombreCompleto } from '@/lib/nombre';
import { idOpcion } from '../lib/opciones';
import type { ClienteEncontrado, RespuestaBusqueda } from '../types';

const ESTILO_LISTA = {
  listStyle: 'none',
  margin: 0,
  padding: 0,
  border: '1px solid var(--mantine-color-gray-3)',
  borderRadius: 'var(--mantine-radius-md)',
} as const;
const ESTILO_OPCION = { padding: '8px 12px', cursor: 'pointer', borderLeft: '3px solid transparent' } as const;
// La opción activa se distingue por fondo y por un borde (no solo por color tenue).
const ESTILO_ACTIVA = { ...ESTILO_OPCION, background: 'var(--mantine-color-rio-0)', borderLeft: '3px solid var(--mantine-color-rio-9)' } as const;

interface ListaResultadosProps {
  id: string;
  respuesta: RespuestaBusqueda;
  /** Índice de la opción activa (la que abre Enter), o -1. */
  activo: number;
  /** Resultados de la búsqueda anterior mientras llega la nueva. */
  ocupada: boolean;
  atenuada: boolean;
  alElegir: (cliente: ClienteEncontrado) => void;
  alActivar: (indice: number) => void;
}

/** El `listbox` de la caja: cada cliente con su documento, la marca exacta/parcial y el contacto tal como llegó. */
export function ListaResultados({ id, respuesta, activo, ocupada, atenuada, alElegir, alActivar }: ListaResultadosProps) {
  const { resultados, total } = respuesta;
  return (
    <Stack gap={6}>
      <ConteoFilas total={total} mostradas={resultados.length} unidad={['cliente', 'clientes']} />
      <ul
        id={id}
        role="listbox"
        aria-label="Clientes encontrados"
        aria-busy={ocupada}
        data-testid="resultados-busqueda"
        style={{ ...ESTILO_LISTA, opacity: atenuada ? 0.6 : 1 }}
      >
        {resultados.map((cliente, indice) => (
          <li
            key={cliente.id}
            id={idOpcion(id, cliente)}
            role="option"
            aria-selected={indice === activo}
            data-testid="resultado-busqueda"
            data-coincidencia={cliente.coincidencia}
            style={indice === activo ? ESTILO_ACTIVA : ESTILO_OPCION}
            // El foco se queda en la caja: el clic elige sin robárselo.
            onMouseDown={(evento) => evento.preventDefault()}
            onMouseMove={() => indice !== activo && alActivar(indice)}
            onClick={() => alElegir(cliente)}
          >
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <Text fw={600} size="sm">
                {nombreCompleto(cliente)}
              </Text>
              <InsigniaEstado
                etiqueta={cliente.coincidencia === 'exacta' ? 'Exacta' : 'Parcial'}
                tono={cliente.coincidencia === 'exacta' ? 'exito' : 'neutro'}
                valor={cliente.coincidencia}
              />
            </Group>
            <Text size="sm" c="dimmed">
              {[`${cliente.tipo_documento} ${cliente.numero_documento}`, cliente.telefono && `Tel. ${cliente.telefono}`, cliente.correo]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </li>
        ))}
      </ul>
    </Stack>
  );
}
