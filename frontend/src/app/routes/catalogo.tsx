import { Pagina } from '@/components/ui/pagina';
import { useSesion } from '@/features/auth/api/sesion';
import { CatalogoProductos } from '@/features/catalogo/components/catalogo-productos';
import { tienePermiso } from '@/lib/permisos';

export function PaginaCatalogo() {
  const usuario = useSesion().data?.usuario;
  const puedeEditar = tienePermiso(usuario, 'catalogo.editar');
  return (
    <Pagina
      titulo="Catálogo"
      descripcion={puedeEditar ? 'Busque, cree, edite o desactive productos.' : 'Busque productos del catálogo (solo consulta).'}
    >
      <CatalogoProductos puedeEditar={puedeEditar} />
    </Pagina>
  );
}

export { PaginaCatalogo as Component };
