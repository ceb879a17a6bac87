import { Alert, Anchor, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { mensajeDeError } from '@/lib/api-client';
import { useVerificarCorreo } from '../api/registro';

/** Verifica el correo con el token del enlace, una sola vez al abrir la página. */
export function VerificarCorreo({ token }: { token: string | null }) {
  const verificar = useVerificarCorreo();
  const enviado = useRef(false);
  const { mutate } = verificar;

  useEffect(() => {
    if (!token || enviado.current) return;
    enviado.current = true;
    mutate(token);
  }, [token, mutate]);

  const irAlLogin = (
    <Anchor component={Link} to="/login">
      Ir a iniciar sesión
    </Anchor>
  );

  if (!token) {
    return (
      <Alert color="red" variant="light" role="alert" title="Enlace incompleto">
        El enlace no trae el código de verificación. Ábralo de nuevo desde el correo que le enviamos.
      </Alert>
    );
  }
  if (verificar.isError) {
    return (
      <Stack gap="sm">
        <Alert color="red" variant="light" role="alert" title="No se pudo verificar su correo">
          {mensajeDeError(verificar.error)}
        </Alert>
        <Text size="sm">
          Si el enlace venció, <Anchor component={Link} to="/portal/registro" underline="always">regístrese de nuevo</Anchor> para recibir otro.
        </Text>
      </Stack>
    );
  }
  if (verificar.isSuccess) {
    return (
      <Stack gap="sm">
        <Alert color="rio" variant="light" role="status" title="Correo verificado">
          Su cuenta quedó activa. Ya puede iniciar sesión con su correo y su contraseña.
        </Alert>
        {irAlLogin}
      </Stack>
    );
  }
  return (
    <Stack gap="xs" align="center" role="status">
      <Loader size="sm" aria-hidden="true" />
      <Text size="sm">Verificando su correo…</Text>
    </Stack>
  );
}
