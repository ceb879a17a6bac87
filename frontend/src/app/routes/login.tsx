import { Anchor, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSesion } from '@/features/auth/api/sesion';
import { FormularioLogin } from '@/features/auth/components/formulario-login';
import { useTituloPagina } from '@/hooks/use-titulo-pagina';
import { rutaSegura } from './ruta-segura';

const AVISO_SESION_EXPIRADA = 'Su sesión expiró. Inicie sesión de nuevo.';

export function PaginaLogin() {
  useTituloPagina('Iniciar sesión');
  const [parametros] = useSearchParams();
  const navegar = useNavigate();
  const sesion = useSesion();
  const volver = rutaSegura(parametros.get('volver'));
  const aviso = parametros.get('motivo') === 'expirada' ? AVISO_SESION_EXPIRADA : undefined;

  if (sesion.data?.usuario) return <Navigate to={volver} replace />;

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={400}>
        <Stack gap="lg">
          <div>
            <Title order={1} size="h2">
              Iniciar sesión
            </Title>
            <Text c="dimmed" size="sm">
              SAC Ríos del Desierto · Servicio de atención al cliente
            </Text>
          </div>
          <FormularioLogin aviso={aviso} alIniciar={() => navegar(volver, { replace: true })} />
          <Text size="sm" ta="center">
            ¿Es cliente y aún no tiene cuenta?{' '}
            <Anchor component={Link} to="/portal/registro" underline="always">
              Regístrese en el portal
            </Anchor>
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
