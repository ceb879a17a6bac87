import { Group, Pagination } from '@mantine/core';

interface PaginacionProps {
  pagina: number;
  paginas: number;
  alCambiar: (pagina: number) => void;
}

/** Paginación con nombres accesibles en español; no se muestra si hay una sola página. */
export function Paginacion({ pagina, paginas, alCambiar }: PaginacionProps) {
  if (paginas <= 1) return null;
  return (
    <Group justify="center">
      <Pagination
        total={paginas}
        value={pagina}
        onChange={alCambiar}
        getControlProps={(control) => ({ 'aria-label': control === 'next' ? 'Página siguiente' : 'Página anterior' })}
        getItemProps={(p) => ({ 'aria-label': `Página ${p}` })}
      />
    </Group>
  );
}
