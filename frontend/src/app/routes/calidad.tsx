import { Pagina } from '@/components/ui/pagina';
import { useSesion } from '@/features/auth/api/sesion';
import { AdvertenciasCalidad } from '@/features/calidad/components/advertencias-calidad';
import { tienePermiso } from '@/lib/permisos';

export function PaginaCalidad() {
  const usuario = useSesion().data?.usuario;
  return (
    <Pagina
      titulo="Calidad de datos"
      descripcion="La misma persona bajo dos documentos, teléfonos que no son colombianos, correos mal formados y correos compartidos."
    >
      <AdvertenciasCalidad puedeFusionar={tienePermiso(usuario, 'clientes.fusionar')} />
    </Pagina>
  );
}

export { PaginaCalidad as Component };
