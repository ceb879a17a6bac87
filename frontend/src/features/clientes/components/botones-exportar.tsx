import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useAccionAtajo } from '@/hooks/use-atajos';
import { mensajeDeError } from '@/lib/api-client';
import { useExportarCliente } from '../api/exportar-cliente';
import type { ConsultaDocumento, FormatoExportacion } from '../types';

const FORMATOS: { formato: FormatoExportacion; etiqueta: string; descripcion: string; atajo: string }[] = [
  { formato: 'csv', etiqueta: 'CSV', descripcion: 'Descargar la ficha en CSV (Alt+C)', atajo: 'Alt+C' },
  { formato: 'xlsx', etiqueta: 'Excel', descripcion: 'Descargar la ficha en Excel (Alt+E)', atajo: 'Alt+E' },
  { formato: 'txt', etiqueta: 'TXT', descripcion: 'Descargar la ficha en texto (Alt+T)', atajo: 'Alt+T' },
];

/** Descarga la ficha del cliente con sus compras en el formato elegido, con el nombre del servidor. */
export function BotonesExportar({ consulta }: { consulta: ConsultaDocumento }) {
  const exportar = useExportarCliente(consulta);
  const [enCurso, setEnCurso] = useState<FormatoExportacion | null>(null);

  const descargar = (formato: FormatoExportacion) => {
    setEnCurso(formato);
    exportar.mutate(formato, {
      onSuccess: (nombre) => notifications.show({ color: 'teal', title: 'Archivo descargado', message: nombre }),
      onError: (error) => notifications.show({ color: 'red', title: 'No se pudo exportar', message: mensajeDeError(error) }),
      onSettled: () => setEnCurso(null),
    });
  };
  // Alt+C / Alt+E / Alt+T hacen lo mismo que estos botones mientras el cliente está abierto.
  useAccionAtajo('exportar', ({ formato }) => {
    if (enCurso === null) descargar(formato);
  });

  return (
    <Group gap="xs" role="group" aria-labelledby="titulo-exportar">
      <Text id="titulo-exportar" size="sm" fw={600}>
        Exportar:
      </Text>
      {FORMATOS.map(({ formato, etiqueta, descripcion, atajo }) => (
        <Button
          key={formato}
          variant="default"
          size="xs"
          title={descripcion}
          aria-keyshortcuts={atajo}
          loading={enCurso === formato}
          disabled={enCurso !== null && enCurso !== formato}
          onClick={() => descargar(formato)}
        >
          {etiqueta}
        </Button>
      ))}
    </Group>
  );
}
