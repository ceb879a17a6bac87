import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useSesion } from '@/features/auth/api/sesion';
import { FormularioRegistro } from '@/features/cuponeras/components/formulario-registro';
import { VerificarCorreo } from '@/features/cuponeras/components/verificar-correo';
import { useTituloPagina } from '@/hooks/use-titulo-pagina';

function Tarjeta({ titulo, children }: { titulo: string; children: ReactNode }) {
  useTituloPagina(titulo);
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={480}>
        <Stack gap="lg">
          <div>
            <Title order={1} size="h2">
              {titulo}
            </Title>
            <Text c="dimmed" size="sm">
              Ríos del Desierto · Portal de clientes
            </Text>
          </div>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}

/** Registro del portal (sin sesión); quien ya la tiene va al inicio. */
export function PaginaRegistro() {
  const sesion = useSesion();
  if (sesion.data?.usuario) return <Navigate to="/" replace />;
  return (
    <Tarjeta titulo="Crear cuenta del portal">
      <FormularioRegistro />
    </Tarjeta>
  );
}

/** `/portal/verificar?token=…`: el enlace del correo de verificación. */
export function PaginaVerificar() {
  const [parametros] = useSearchParams();
  return (
    <Tarjeta titulo="Verificar correo">
      <VerificarCorreo token={parametros.get('token')} />
    </Tarjeta>
  );
}

export { PaginaRegistro as Component };
