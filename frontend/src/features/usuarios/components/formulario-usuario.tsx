import { Alert, Button, Group, NativeSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { esErrorApi, mensajeDeError } from '@/lib/api-client';
import { esRol, NOMBRE_ROL, type Rol } from '@/lib/roles';
import { useCrearUsuario } from '../api/usuarios';
import { ROLES_ASIGNABLES, type UsuarioSistema } from '../types';

type Campo = 'usuario' | 'nombre' | 'rol' | 'zona' | 'contrasena';

interface FormularioUsuarioProps {
  alCrear: (usuario: UsuarioSistema) => void;
  alCancelar: () => void;
}

/** Alta de usuario; los errores del servidor (422 por campo, 409 si ya existe) se ven en su campo. */
export function FormularioUsuario({ alCrear, alCancelar }: FormularioUsuarioProps) {
  const [valores, setValores] = useState<Record<Campo, string>>({ usuario: '', nombre: '', rol: 'agente', zona: '', contrasena: '' });
  const [faltantes, setFaltantes] = useState<Partial<Record<Campo, string>>>({});
  const crear = useCrearUsuario();
  const error = esErrorApi(crear.error) ? crear.error : null;

  const errorDe = (campo: Campo): string | undefined => {
    if (faltantes[campo]) return faltantes[campo];
    if (!error) return undefined;
    if (campo === 'usuario' && error.codigo === 'conflicto') return error.message;
    return error.motivoDe(campo);
  };

  const cambiar = (campo: Campo) => (valor: string) => setValores((actual) => ({ ...actual, [campo]: valor }));

  const enviar = (evento: FormEvent<HTMLFormElement>) => {
    evento.preventDefault();
    const nuevos: Partial<Record<Campo, string>> = {};
    if (!valores.usuario.trim()) nuevos.usuario = 'Escriba el nombre de usuario.';
    if (!valores.nombre.trim()) nuevos.nombre = 'Escriba el nombre de la persona.';
    if (!valores.contrasena) nuevos.contrasena = 'Escriba una contraseña inicial.';
    const esVendedor = valores.rol === 'vendedor';
    if (esVendedor && !valores.zona.trim()) nuevos.zona = 'Escriba la zona del vendedor.';
    setFaltantes(nuevos);
    if (Object.keys(nuevos).length > 0 || !esRol(valores.rol)) return;
    crear.mutate(
      {
        usuario: valores.usuario.trim(),
        nombre: valores.nombre.trim(),
        rol: valores.rol as Rol,
        contrasena: valores.contrasena,
        ...(esVendedor ? { zona: valores.zona.trim() } : {}),
      },
      { onSuccess: alCrear },
    );
  };

  const sinCampo = error && !(['usuario', 'nombre', 'rol', 'zona', 'contrasena'] as Campo[]).some((c) => errorDe(c));

  return (
    <form onSubmit={enviar} noValidate aria-label="Nuevo usuario">
      <Stack gap="sm">
        {sinCampo ? (
          <Alert color="red" variant="light" role="alert">
            {mensajeDeError(crear.error)}
          </Alert>
        ) : null}
        <TextInput
          label="Usuario"
          description="Con este nombre inicia sesión."
          autoComplete="off"
          data-autofocus
          required
          value={valores.usuario}
          error={errorDe('usuario')}
          onChange={(e) => cambiar('usuario')(e.currentTarget.value)}
        />
        <TextInput
          label="Nombre completo"
          required
          value={valores.nombre}
          error={errorDe('nombre')}
          onChange={(e) => cambiar('nombre')(e.currentTarget.value)}
        />
        <NativeSelect
          label="Rol"
          value={valores.rol}
          data={ROLES_ASIGNABLES.map((rol) => ({ value: rol, label: NOMBRE_ROL[rol] }))}
          error={errorDe('rol')}
          onChange={(e) => cambiar('rol')(e.currentTarget.value)}
        />
        {valores.rol === 'vendedor' ? (
          <TextInput
            label="Zona"
            description="La zona o territorio que visita el vendedor."
            required
            value={valores.zona}
            error={errorDe('zona')}
            onChange={(e) => cambiar('zona')(e.currentTarget.value)}
          />
        ) : null}
        <PasswordInput
          label="Contraseña inicial"
          autoComplete="new-password"
          required
          value={valores.contrasena}
          error={errorDe('contrasena')}
          visibilityToggleButtonProps={{ 'aria-label': 'Mostrar u ocultar la contraseña' }}
          onChange={(e) => cambiar('contrasena')(e.currentTarget.value)}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={alCancelar}>
            Cancelar
          </Button>
          <Button type="submit" loading={crear.isPending}>
            Crear usuario
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
