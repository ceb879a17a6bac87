import { Alert, Anchor, Button, NativeSelect, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { MensajesFormulario } from '@/components/ui/mensajes-formulario';
import { esErrorApi } from '@/lib/api-client';
import { erroresServidor } from '@/lib/errores-servidor';
import { useRegistro } from '../api/registro';
import { TIPOS_DOCUMENTO_REGISTRO } from '../lib/etiquetas';
import type { DatosRegistro } from '../types';

const CAMPOS = ['correo', 'nombre', 'contrasena', 'tipo_documento', 'numero_documento', 'numero_contrato'] as const;
type Campo = (typeof CAMPOS)[number];

/** El orden de los campos en el formulario (para llevar el foco al primer error). */
const ORDEN_EN_PANTALLA = ['correo', 'nombre', 'contrasena', 'confirmacion', 'numero_contrato', 'tipo_documento', 'numero_documento'] as const;

const VACIO: DatosRegistro = {
  correo: '',
  nombre: '',
  contrasena: '',
  tipo_documento: 'CC',
  numero_documento: '',
  numero_contrato: '',
};

/** Lo que se puede revisar antes de enviar; las reglas de la contraseña las aplica el servidor. */
function faltantes(datos: DatosRegistro, confirmacion: string): Partial<Record<Campo | 'confirmacion', string>> {
  const errores: Partial<Record<Campo | 'confirmacion', string>> = {};
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(datos.correo.trim())) errores.correo = 'Escriba un correo válido.';
  if (!datos.nombre.trim()) errores.nombre = 'Escriba su nombre.';
  if (!datos.contrasena) errores.contrasena = 'Escriba una contraseña.';
  else if (confirmacion !== datos.contrasena) errores.confirmacion = 'Las contraseñas no coinciden.';
  if (!datos.numero_documento.trim()) errores.numero_documento = 'Escriba el número de documento del titular.';
  if (!/^\d{6,12}$/.test(datos.numero_contrato.trim())) errores.numero_contrato = 'El número de contrato tiene entre 6 y 12 dígitos.';
  return errores;
}

/**
 * Registro en el portal: el correo es el usuario y la persona prueba que tiene el contrato con su
 * número y el documento del titular. Si algo no coincide, el servidor no dice qué (a propósito).
 */
export function FormularioRegistro() {
  const [datos, setDatos] = useState<DatosRegistro>(VACIO);
  const [confirmacion, setConfirmacion] = useState('');
  const [locales, setLocales] = useState<Partial<Record<Campo | 'confirmacion', string>>>({});
  const registro = useRegistro();
  const formulario = useRef<HTMLFormElement>(null);

  const cambiar = (campo: Campo) => (valor: string) => {
    setDatos((actual) => ({ ...actual, [campo]: valor }));
    setLocales((actual) => ({ ...actual, [campo]: undefined }));
  };

  const enviar = (evento: FormEvent<HTMLFormElement>) => {
    evento.preventDefault();
    const errores = faltantes(datos, confirmacion);
    setLocales(errores);
    const primero = ORDEN_EN_PANTALLA.find((campo) => errores[campo]);
    if (primero) {
      formulario.current?.querySelector<HTMLElement>(`[name="${primero}"]`)?.focus();
      return;
    }
    registro.mutate({
      ...datos,
      correo: datos.correo.trim(),
      nombre: datos.nombre.trim(),
      numero_documento: datos.numero_documento.trim(),
      numero_contrato: datos.numero_contrato.trim(),
    });
  };

  if (registro.isSuccess) {
    return (
      <Alert color="rio" variant="light" title="Revise su correo" role="status">
        <Text size="sm">
          Le enviamos un enlace a <strong>{registro.data.correo}</strong> para verificar su cuenta. El enlace sirve una sola vez y
          vence en 24 horas. Después podrá iniciar sesión con su correo.
        </Text>
        <Anchor component={Link} to="/login" size="sm" mt="xs" display="inline-block">
          Ir a iniciar sesión
        </Anchor>
      </Alert>
    );
  }

  const error = registro.error;
  const noCoinciden = esErrorApi(error) && error.codigo === 'datos_no_coinciden';
  const servidor = erroresServidor(noCoinciden ? null : error, CAMPOS, 'correo');
  const errorDe = (campo: Campo) => locales[campo] ?? servidor.deCampo(campo);

  return (
    <form ref={formulario} onSubmit={enviar} noValidate aria-label="Crear cuenta del portal">
      <Stack gap="md">
        {noCoinciden ? (
          <Alert color="red" variant="light" role="alert" title="No pudimos verificar sus datos">
            {error.message}
          </Alert>
        ) : null}
        <MensajesFormulario mensajes={servidor.general} titulo="No se pudo crear la cuenta" />
        <TextInput
          label="Correo electrónico"
          description="Será su usuario para iniciar sesión."
          type="email"
          name="correo"
          autoComplete="email"
          required
          value={datos.correo}
          error={errorDe('correo')}
          onChange={(e) => cambiar('correo')(e.currentTarget.value)}
        />
        <TextInput
          label="Nombre"
          name="nombre"
          autoComplete="name"
          required
          value={datos.nombre}
          error={errorDe('nombre')}
          onChange={(e) => cambiar('nombre')(e.currentTarget.value)}
        />
        <PasswordInput
          label="Contraseña"
          description="Al menos 8 caracteres; evite contraseñas comunes o iguales a su correo."
          name="contrasena"
          autoComplete="new-password"
          required
          visibilityToggleButtonProps={{ 'aria-label': 'Mostrar u ocultar la contraseña' }}
          value={datos.contrasena}
          error={errorDe('contrasena')}
          aria-invalid={Boolean(errorDe('contrasena'))}
          onChange={(e) => cambiar('contrasena')(e.currentTarget.value)}
        />
        <PasswordInput
          label="Confirme la contraseña"
          name="confirmacion"
          autoComplete="new-password"
          required
          visibilityToggleButtonProps={{ 'aria-label': 'Mostrar u ocultar la confirmación' }}
          value={confirmacion}
          error={locales.confirmacion}
          aria-invalid={Boolean(locales.confirmacion)}
          onChange={(e) => {
            setConfirmacion(e.currentTarget.value);
            setLocales((actual) => ({ ...actual, confirmacion: undefined }));
          }}
        />
        <Text size="sm" fw={600} mt="xs">
          Datos del contrato (como aparecen en su factura)
        </Text>
        <TextInput
          label="Número de contrato"
          name="numero_contrato"
          inputMode="numeric"
          autoComplete="off"
          required
          value={datos.numero_contrato}
          error={errorDe('numero_contrato')}
          onChange={(e) => cambiar('numero_contrato')(e.currentTarget.value)}
        />
        <NativeSelect
          label="Tipo de documento del titular"
          name="tipo_documento"
          data={TIPOS_DOCUMENTO_REGISTRO}
          value={datos.tipo_documento}
          error={errorDe('tipo_documento')}
          onChange={(e) => cambiar('tipo_documento')(e.currentTarget.value)}
        />
        <TextInput
          label="Número de documento del titular"
          name="numero_documento"
          autoComplete="off"
          required
          value={datos.numero_documento}
          error={errorDe('numero_documento')}
          onChange={(e) => cambiar('numero_documento')(e.currentTarget.value)}
        />
        <Button type="submit" loading={registro.isPending} fullWidth>
          Crear cuenta
        </Button>
        <Text size="sm" ta="center">
          ¿Ya tiene cuenta?{' '}
          <Anchor component={Link} to="/login" underline="always">
            Inicie sesión
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
