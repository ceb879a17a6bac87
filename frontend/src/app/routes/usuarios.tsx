import { Pagina } from '@/components/ui/pagina';
import { useSesion } from '@/features/auth/api/sesion';
import { GestionUsuarios } from '@/features/usuarios/components/gestion-usuarios';

export function PaginaUsuarios() {
  const sesion = useSesion();
  return (
    <Pagina titulo="Usuarios" descripcion="Cree usuarios, cambie su rol o desactívelos.">
      <GestionUsuarios usuarioActual={sesion.data?.usuario?.usuario} />
    </Pagina>
  );
}

export { PaginaUsuarios as Component };
