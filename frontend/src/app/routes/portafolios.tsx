import { Pagina } from '@/components/ui/pagina';
import { useSesion } from '@/features/auth/api/sesion';
import { GestionPortafolios } from '@/features/catalogo/components/gestion-portafolios';
import { tienePermiso } from '@/lib/permisos';

export function PaginaPortafolios() {
  const usuario = useSesion().data?.usuario;
  return (
    <Pagina
      titulo="Portafolios"
      descripcion="Lo que debe ofrecer cada tipo de establecimiento: rige el activo más reciente cuya fecha ya llegó (hora de Bogotá)."
    >
      <GestionPortafolios puedeEditar={tienePermiso(usuario, 'catalogo.editar')} />
    </Pagina>
  );
}

export { PaginaPortafolios as Component };
