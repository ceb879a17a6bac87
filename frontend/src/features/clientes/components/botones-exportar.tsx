import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { mensajeDeError } from '@/lib/api-client';
import { useExportarCliente } from '../api/exportar-cliente';
import type { ConsultaDocumento, FormatoExportacion } from '../types';

const FORMATOS: { formato: FormatoExportacion; etiqueta: string; descripcion: string }[] = [
  { formato: 'csv', etiqueta: 'CSV', descripcion: 'Descargar la ficha en CSV' },
  { formato: 'xlsx', etiqueta: 'Excel', descripcion: 'Descargar la ficha en Excel' },
  { formato: 'txt', etiqueta: 'TXT', descripcion: 'Descargar la ficha en texto' },
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

  return (
    <Group gap="xs" role="group" aria-labelledby="titulo-exportar">
      <Text id="titulo-exportar" size="sm" fw={600}>
        Exportar:
      </Text>
      {FORMATOS.map(({ formato, etiqueta, descripcion }) => (
        <Button
          key={formato}
          variant="default"
          size="xs"
          title={descripcion}
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
