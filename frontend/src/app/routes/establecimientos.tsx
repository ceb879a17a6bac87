import { Pagina } from '@/components/ui/pagina';
import { useSesion } from '@/features/auth/api/sesion';
import { ListaEstablecimientos } from '@/features/catalogo/components/lista-establecimientos';
import { tienePermiso } from '@/lib/permisos';

export function PaginaEstablecimientos() {
  const usuario = useSesion().data?.usuario;
  const puedeEditar = tienePermiso(usuario, 'catalogo.editar');
  return (
    <Pagina
      titulo="Establecimientos"
      descripcion={puedeEditar ? 'Tiendas y negocios que visitan los vendedores: filtre, cree, edite y asigne vendedor.' : 'Tiendas y negocios que visitan los vendedores.'}
    >
      <ListaEstablecimientos puedeEditar={puedeEditar} />
    </Pagina>
  );
}

export { PaginaEstablecimientos as Component };
