import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { mensajeDeError } from '@/lib/api-client';
import { useIniciarSesion } from '../api/sesion';
import type { Usuario } from '../types';

interface FormularioLoginProps {
  aviso?: string;
  alIniciar: (usuario: Usuario) => void;
}

export function FormularioLogin({ aviso, alIniciar }: FormularioLoginProps) {
  const [usuario, setUsuario] = useState('');
  const [contrasena, setContrasena] = useState('');
  const [faltantes, setFaltantes] = useState<{ usuario?: string; contrasena?: string }>({});
  const login = useIniciarSesion();

  const enviar = (evento: FormEvent<HTMLFormElement>) => {
    evento.preventDefault();
    const errores = {
      usuario: usuario.trim() ? undefined : 'Escriba su usuario.',
      contrasena: contrasena ? undefined : 'Escriba su contraseña.',
    };
    setFaltantes(errores);
    if (errores.usuario || errores.contrasena) return;
    login.mutate({ usuario: usuario.trim(), contrasena }, { onSuccess: alIniciar });
  };

  return (
    <form onSubmit={enviar} noValidate aria-label="Iniciar sesión">
      <Stack gap="md">
        {aviso && !login.isError ? (
          <Alert color="yellow" variant="light" role="alert">
            {aviso}
          </Alert>
        ) : null}
        {login.isError ? (
          <Alert color="red" variant="light" role="alert">
            {mensajeDeError(login.error)}
          </Alert>
        ) : null}
        <TextInput
          label="Usuario"
          description="Clientes del portal: su correo electrónico."
          name="usuario"
          autoComplete="username"
          autoFocus
          required
          value={usuario}
          error={faltantes.usuario}
          onChange={(e) => setUsuario(e.currentTarget.value)}
        />
        <PasswordInput
          label="Contraseña"
          name="contrasena"
          autoComplete="current-password"
          visibilityToggleButtonProps={{ 'aria-label': 'Mostrar u ocultar la contraseña' }}
          required
          value={contrasena}
          error={faltantes.contrasena}
          onChange={(e) => setContrasena(e.currentTarget.value)}
        />
        <Button type="submit" loading={login.isPending} fullWidth>
          Ingresar
        </Button>
      </Stack>
    </form>
  );
}
