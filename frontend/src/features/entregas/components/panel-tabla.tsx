import { Paper, Stack, Table, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { TablaDesplazable } from '@/components/ui/tabla-desplazable';

interface PanelTablaProps {
  titulo: string;
  /** Nombre accesible de la tabla. */
  etiqueta: string;
  anchoMinimo: number;
  /** Lo que va entre el título y la tabla (p. ej. el control de orden). */
  controles?: ReactNode;
  /** Si se da, reemplaza la tabla (p. ej. «Aún no hay pedidos»). */
  vacio?: ReactNode;
  /** `<Table.Thead>` y `<Table.Tbody>`. */
  children: ReactNode;
}

/** Panel del monitor: título (h2), controles opcionales y una tabla desplazable con nombre. */
export function PanelTabla({ titulo, etiqueta, anchoMinimo, controles, vacio, children }: PanelTablaProps) {
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {titulo}
        </Title>
        {controles}
        {vacio ?? (
          <TablaDesplazable etiqueta={`Tabla de ${titulo.toLowerCase()} (desplazable)`} anchoMinimo={anchoMinimo}>
            <Table striped aria-label={etiqueta}>
              {children}
            </Table>
          </TablaDesplazable>
        )}
      </Stack>
    </Paper>
  );
}
