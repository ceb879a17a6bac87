import { Alert, Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { Pagina } from '@/components/ui/pagina';
import { nombreRol } from '@/lib/roles';

export function PaginaSinPermiso({ rol }: { rol?: string }) {
  return (
    <Pagina titulo="No tiene permiso">
      <Alert color="red" variant="light" title="Acceso restringido" role="alert">
        <Text>
          Su rol{rol ? ` (${nombreRol(rol)})` : ''} no permite abrir esta página. Si la necesita, pídale acceso a un
          administrador.
        </Text>
      </Alert>
      <Anchor component={Link} to="/">
        Volver al inicio
      </Anchor>
    </Pagina>
  );
}
