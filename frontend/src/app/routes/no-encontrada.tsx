import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { Pagina } from '@/components/ui/pagina';

export function PaginaNoEncontrada() {
  return (
    <Pagina titulo="Página no encontrada">
      <Text>La dirección que abrió no existe en el SAC.</Text>
      <Anchor component={Link} to="/">
        Ir al inicio
      </Anchor>
    </Pagina>
  );
}
