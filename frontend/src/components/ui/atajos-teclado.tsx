import { Button, Group, Kbd, Modal, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Fragment, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ContextoAtajos, useAtajos, useRegistroAtajos, type RegistroAtajos } from '@/hooks/use-atajos';
import { ATAJOS, type AccionAtajo } from '@/lib/atajos';

type Manejador = (accion: AccionAtajo) => boolean | void;

interface ProveedorAtajosProps {
  children: ReactNode;
  /** Pantalla con la caja de búsqueda: `/` lleva ahí desde cualquier otra y enfoca la caja. */
  rutaBusqueda: string;
}

/**
 * Atajos de teclado de las pantallas del SAC: escucha el teclado, entrega cada atajo a quien lo
 * atiende (la caja de búsqueda, los botones de exportar) y muestra la hoja de atajos con `?`.
 */
export function ProveedorAtajos({ children, rutaBusqueda }: ProveedorAtajosProps) {
  const [hojaAbierta, setHojaAbierta] = useState(false);
  const manejadores = useRef(new Map<AccionAtajo['tipo'], Manejador[]>());
  const pendiente = useRef<AccionAtajo | null>(null);
  const navegar = useNavigate();

  const registro = useMemo<RegistroAtajos>(() => {
    const atender = (accion: AccionAtajo): boolean => {
      const manejador = manejadores.current.get(accion.tipo)?.at(-1);
      return manejador !== undefined && manejador(accion) !== false;
    };
    return {
      registrar(tipo, manejador) {
        const propio = manejador as Manejador;
        manejadores.current.set(tipo, [...(manejadores.current.get(tipo) ?? []), propio]);
        const esperada = pendiente.current;
        if (esperada?.tipo === tipo) {
          pendiente.current = null;
          // Después de los demás efectos del montaje (el formulario enfoca su campo al cargar).
          window.setTimeout(() => atender(esperada), 0);
        }
        return () => manejadores.current.set(tipo, (manejadores.current.get(tipo) ?? []).filter((m) => m !== propio));
      },
      disparar(accion) {
        if (accion.tipo === 'ayuda') {
          setHojaAbierta(true);
          return true;
        }
        if (atender(accion)) return true;
        if (accion.tipo === 'buscar') {
          pendiente.current = accion;
          void navegar(rutaBusqueda);
          return true;
        }
        if (accion.tipo === 'exportar') {
          notifications.show({ color: 'yellow', title: 'No hay un cliente abierto', message: 'Abra un cliente para exportar su ficha.' });
          return true;
        }
        return false;
      },
    };
  }, [navegar, rutaBusqueda]);

  useAtajos(registro.disparar, !hojaAbierta);

  return (
    <ContextoAtajos.Provider value={registro}>
      {children}
      <HojaAtajos abierta={hojaAbierta} alCerrar={() => setHojaAbierta(false)} />
    </ContextoAtajos.Provider>
  );
}

/** El enlace visible a la hoja de atajos (para quien no sabe que existe `?`). */
export function BotonAtajos() {
  const registro = useRegistroAtajos();
  if (!registro) return null;
  return (
    <Button variant="subtle" size="xs" aria-keyshortcuts="?" onClick={() => registro.disparar({ tipo: 'ayuda' })}>
      Atajos (?)
    </Button>
  );
}

function HojaAtajos({ abierta, alCerrar }: { abierta: boolean; alCerrar: () => void }) {
  return (
    <Modal opened={abierta} onClose={alCerrar} title="Atajos de teclado" size="lg">
      <Table>
        <Table.Caption>No se disparan mientras escribe en un campo de texto; Esc dentro de la caja de búsqueda la limpia.</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Teclas</Table.Th>
            <Table.Th scope="col">Qué hace</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody data-testid="hoja-atajos">
          {ATAJOS.map(({ teclas, descripcion }) => (
            <Table.Tr key={descripcion}>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {teclas.map((tecla, i) => (
                    <Fragment key={tecla}>
                      {i > 0 ? <Text span size="sm">{teclas[0] === 'Alt' ? '+' : ' '}</Text> : null}
                      <Kbd>{tecla}</Kbd>
                    </Fragment>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{descripcion}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
