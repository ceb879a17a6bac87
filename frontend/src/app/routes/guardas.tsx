import { Center, Loader } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { AlertaError } from '@/components/ui/alerta-error';
import { useSesion } from '@/features/auth/api/sesion';
import { tienePermiso, type Permiso } from '@/lib/permisos';
import { AppLayout } from '../layout/app-layout';
import { PaginaSinPermiso } from './sin-permiso';

/** Sin sesión → /login (con la ruta de regreso y, si expiró, el aviso); con sesión → la app. */
export function RequiereSesion() {
  const sesion = useSesion();
  const ubicacion = useLocation();

  if (sesion.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Verificando la sesión" />
      </Center>
    );
  }
  if (sesion.isError) {
    return (
      <Center h="100vh" p="md">
        <AlertaError error={sesion.error} titulo="No se pudo verificar la sesión" />
      </Center>
    );
  }
  const estado = sesion.data;
  if (!estado.usuario) {
    const parametros = new URLSearchParams();
    const actual = `${ubicacion.pathname}${ubicacion.search}`;
    const motivo = 'motivo' in estado ? estado.motivo : undefined;
    if (motivo !== 'cerrada' && actual !== '/') parametros.set('volver', actual);
    if (motivo === 'expirada') parametros.set('motivo', 'expirada');
    const consulta = parametros.toString();
    return <Navigate to={`/login${consulta ? `?${consulta}` : ''}`} replace />;
  }
  return <AppLayout usuario={estado.usuario} />;
}

/** Una ruta sin el permiso muestra "No tiene permiso" (el servidor además responde 403). */
export function RequierePermiso({ permiso }: { permiso: Permiso }) {
  const sesion = useSesion();
  const usuario = sesion.data?.usuario;
  if (!tienePermiso(usuario, permiso)) return <PaginaSinPermiso rol={usuario?.rol} />;
  return <Outlet />;
}
