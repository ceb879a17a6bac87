import { Anchor, Text } from '@mantine/core';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { TarjetaAcceso } from '@/components/ui/tarjeta-acceso';
import { useSesion } from '@/features/auth/api/sesion';
import { FormularioLogin } from '@/features/auth/components/formulario-login';
import { rutaSegura } from './ruta-segura';

const AVISO_SESION_EXPIRADA = 'Su sesión expiró. Inicie sesión de nuevo.';

export function PaginaLogin() {
  const [parametros] = useSearchParams();
  const navegar = useNavigate();
  const sesion = useSesion();
  const volver = rutaSegura(parametros.get('volver'));
  const aviso = parametros.get('motivo') === 'expirada' ? AVISO_SESION_EXPIRADA : undefined;

  if (sesion.data?.usuario) return <Navigate to={volver} replace />;

  return (
    <TarjetaAcceso titulo="Iniciar sesión" subtitulo="SAC Ríos del Desierto · Servicio de atención al cliente">
      <FormularioLogin aviso={aviso} alIniciar={() => navegar(volver, { replace: true })} />
      <Text size="sm" ta="center">
        ¿Es cliente y aún no tiene cuenta?{' '}
        <Anchor component={Link} to="/portal/registro" underline="always">
          Regístrese en el portal
        </Anchor>
      </Text>
    </TarjetaAcceso>
  );
}
