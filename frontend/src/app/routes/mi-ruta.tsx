import { Pagina } from '@/components/ui/pagina';
import { MiRuta } from '@/features/catalogo/components/mi-ruta';

export function PaginaMiRuta() {
  return (
    <Pagina titulo="Mi ruta" descripcion="Sus establecimientos y el portafolio que debe ofrecer en cada uno.">
      <MiRuta />
    </Pagina>
  );
}

export { PaginaMiRuta as Component };
