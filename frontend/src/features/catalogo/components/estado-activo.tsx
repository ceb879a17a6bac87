import { Badge } from '@mantine/core';

/** Activo / Inactivo con colores de contraste AA (como en Usuarios). */
export function EstadoActivo({ activo, etiquetas = ['Activo', 'Inactivo'] }: { activo: boolean; etiquetas?: [string, string] }) {
  return (
    <Badge color={activo ? '#1b5e20' : '#495057'} variant="filled" tt="none" style={{ minWidth: 'max-content' }}>
      {activo ? etiquetas[0] : etiquetas[1]}
    </Badge>
  );
}
