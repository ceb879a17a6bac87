import { Badge, Button } from '@mantine/core';
import { Link } from 'react-router';
import { useNoLeidas } from '../api/notificaciones';

/** Encabezado: enlace a las notificaciones con el número de no leídas. */
export function ContadorNotificaciones() {
  const noLeidas = useNoLeidas();
  const cantidad = noLeidas.data ?? 0;
  const etiqueta = cantidad === 0 ? 'Notificaciones, ninguna sin leer' : `Notificaciones, ${cantidad} sin leer`;
  return (
    <Button
      component={Link}
      to="/portal/notificaciones"
      variant="subtle"
      size="xs"
      aria-label={etiqueta}
      data-testid="contador-notificaciones"
      rightSection={
        cantidad > 0 ? (
          <Badge size="sm" color="red" variant="filled" circle={cantidad < 10} aria-hidden="true">
            {cantidad > 99 ? '99+' : cantidad}
          </Badge>
        ) : null
      }
    >
      Notificaciones
    </Button>
  );
}
