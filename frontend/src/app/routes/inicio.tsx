import { Navigate } from 'react-router';
import { useSesion } from '@/features/auth/api/sesion';
import { tienePermiso } from '@/lib/permisos';
import { entradasPara } from '../layout/entradas-menu';
import { PaginaConsulta } from './consulta';
import { PaginaSinPermiso } from './sin-permiso';

/**
 * `/` según lo que el usuario puede hacer: la Consulta para el SAC; el cliente a su portal, el
 * vendedor a su ruta y el equipo de catálogo al catálogo; cualquier otro, a la primera pantalla de su menú.
 */
export function PaginaInicio() {
  const usuario = useSesion().data?.usuario;
  if (!usuario) return null;
  if (tienePermiso(usuario, 'clientes.consultar')) return <PaginaConsulta />;
  if (tienePermiso(usuario, 'cuponeras.portal')) return <Navigate to="/portal" replace />;
  if (tienePermiso(usuario, 'catalogo.ruta')) return <Navigate to="/mi-ruta" replace />;
  if (tienePermiso(usuario, 'catalogo.consultar')) return <Navigate to="/catalogo" replace />;
  const primera = entradasPara(usuario)[0];
  if (primera) return <Navigate to={primera.ruta} replace />;
  return <PaginaSinPermiso rol={usuario.rol} />;
}
