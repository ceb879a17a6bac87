import { Navigate, useSearchParams } from 'react-router';
import { TarjetaAcceso } from '@/components/ui/tarjeta-acceso';
import { useSesion } from '@/features/auth/api/sesion';
import { FormularioRegistro } from '@/features/cuponeras/components/formulario-registro';
import { VerificarCorreo } from '@/features/cuponeras/components/verificar-correo';

const SUBTITULO = 'Ríos del Desierto · Portal de clientes';

/** Registro del portal (sin sesión); quien ya la tiene va al inicio. */
export function PaginaRegistro() {
  const sesion = useSesion();
  if (sesion.data?.usuario) return <Navigate to="/" replace />;
  return (
    <TarjetaAcceso titulo="Crear cuenta del portal" subtitulo={SUBTITULO} ancho={480}>
      <FormularioRegistro />
    </TarjetaAcceso>
  );
}

/** `/portal/verificar?token=…`: el enlace del correo de verificación. */
export function PaginaVerificar() {
  const [parametros] = useSearchParams();
  return (
    <TarjetaAcceso titulo="Verificar correo" subtitulo={SUBTITULO} ancho={480}>
      <VerificarCorreo token={parametros.get('token')} />
    </TarjetaAcceso>
  );
}

export { PaginaRegistro as Component };
