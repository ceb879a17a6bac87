import { VisuallyHidden } from '@mantine/core';

/** Región `aria-live` para que los lectores de pantalla anuncien resultados sin mover el foco. */
export function AnuncioVivo({ mensaje }: { mensaje: string }) {
  return (
    <VisuallyHidden role="status" aria-live="polite" aria-atomic="true" data-testid="anuncio-vivo">
      {mensaje}
    </VisuallyHidden>
  );
}
