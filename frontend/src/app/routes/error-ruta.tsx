import { Alert, Anchor, Center, Container, Loader } from '@mantine/core';
import { useTituloPagina } from '@/hooks/use-titulo-pagina';

/** Mientras el enrutador carga la primera pantalla. */
export function CargaInicial() {
  return (
    <Center h="100vh">
      <Loader aria-label="Cargando" />
    </Center>
  );
}

/** Un error no previsto al cargar o mostrar una pantalla (p. ej., una versión nueva publicada). */
export function ErrorDeRuta() {
  useTituloPagina('Error');
  return (
    <Container size="sm" py="xl">
      <Alert color="red" variant="light" title="Ocurrió un error inesperado" role="alert">
        No se pudo mostrar esta pantalla. <Anchor href="/">Recargue la aplicación</Anchor> e intente de nuevo.
      </Alert>
    </Container>
  );
}
