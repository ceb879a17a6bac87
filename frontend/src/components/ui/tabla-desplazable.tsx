import type { ReactNode } from 'react';

interface TablaDesplazableProps {
  /** Nombre de la región (se anuncia al llegar con el teclado). */
  etiqueta: string;
  anchoMinimo: number;
  children: ReactNode;
}

/**
 * Desplazamiento horizontal nativo para tablas anchas. La región es enfocable para poder
 * desplazarla con el teclado (WCAG 2.1.1; axe `scrollable-region-focusable`), cosa que el
 * ScrollArea de Mantine no ofrece.
 */
export function TablaDesplazable({ etiqueta, anchoMinimo, children }: TablaDesplazableProps) {
  return (
    <div role="region" aria-label={etiqueta} tabIndex={0} style={{ overflowX: 'auto' }}>
      <div style={{ minWidth: anchoMinimo }}>{children}</div>
    </div>
  );
}
