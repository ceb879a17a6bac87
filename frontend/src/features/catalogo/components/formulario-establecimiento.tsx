import { Button, Group, NativeSelect, Stack, TextInput, type TextInputProps } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useCambiarEstablecimiento, useCrearEstablecimiento } from '../api/establecimientos';
import { erroresServidor } from '@/lib/errores-servidor';
import { aNumero, requerido, validarCoordenadas, validarNitOpcional, validarNombre, validarTipo, type Errores } from '../lib/validacion';
import { TIPOS_ESTABLECIMIENTO, type CambioEstablecimiento, type Establecimiento, type NuevoEstablecimiento } from '../types';
import { MensajesFormulario } from '@/components/ui/mensajes-formulario';

const CAMPOS = ['nombre', 'tipo', 'nit', 'ciudad', 'departamento', 'direccion', 'telefono', 'latitud', 'longitud', 'vendedor'] as const;
type Campo = (typeof CAMPOS)[number];
type Valores = Record<Campo, string>;

function valoresDe(e?: Establecimiento): Valores {
  return {
    nombre: e?.nombre ?? '',
    tipo: e?.tipo ?? 'TIENDA',
    nit: e?.nit ?? '',
    ciudad: e?.ciudad ?? '',
    departamento: e?.departamento ?? '',
    direccion: e?.direccion ?? '',
    telefono: e?.telefono ?? '',
    latitud: e?.latitud === null || e?.latitud === undefined ? '' : String(e.latitud),
    longitud: e?.longitud === null || e?.longitud === undefined ? '' : String(e.longitud),
    vendedor: e?.vendedor?.usuario ?? '',
  };
}

function validar(v: Valores): Errores<Campo> {
  const errores: Errores<Campo> = {
    nombre: validarNombre(v.nombre, 'el nombre del establecimiento'),
    tipo: validarTipo(v.tipo),
    nit: validarNitOpcional(v.nit).error,
    ciudad: requerido(v.ciudad, 'Escriba la ciudad.'),
    departamento: requerido(v.departamento, 'Escriba el departamento.'),
    direccion: requerido(v.direccion, 'Escriba la dirección.'),
    ...validarCoordenadas(v.latitud, v.longitud),
  };
  return Object.fromEntries(Object.entries(errores).filter(([, m]) => m)) as Errores<Campo>;
}

/** El cuerpo completo (crear) con los opcionales vacíos como `null`. */
function cuerpo(v: Valores): NuevoEstablecimiento {
  return {
    nombre: v.nombre.trim(),
    tipo: v.tipo,
    nit: validarNitOpcional(v.nit).nit,
    ciudad: v.ciudad.trim(),
    departamento: v.departamento.trim(),
    direccion: v.direccion.trim(),
    telefono: v.telefono.trim() || null,
    latitud: aNumero(v.latitud),
    longitud: aNumero(v.longitud),
    vendedor: v.vendedor.trim() || null,
  };
}

/** Solo lo que cambió respecto del original (PATCH parcial). */
function diferencias(original: Establecimiento, v: Valores): CambioEstablecimiento {
  const nuevo = cuerpo(v);
  const antes = cuerpo(valoresDe(original));
  const cambio: Record<string, unknown> = {};
  for (const [campo, valor] of Object.entries(nuevo)) {
    if (valor !== antes[campo as keyof NuevoEstablecimiento]) cambio[campo] = valor;
  }
  return cambio as CambioEstablecimiento;
}

interface FormularioEstablecimientoProps {
  establecimiento?: Establecimiento;
  alGuardar: (establecimiento: Establecimiento) => void;
  alCancelar: () => void;
}

/** Alta y edición de un establecimiento (NIT con dígito de verificación, coordenadas en Colombia). */
export function FormularioEstablecimiento({ establecimiento, alGuardar, alCancelar }: FormularioEstablecimientoProps) {
  const creando = !establecimiento;
  const [valores, setValores] = useState<Valores>(() => valoresDe(establecimiento));
  const [errores, setErrores] = useState<Errores<Campo>>({});
  const [tocados, setTocados] = useState<Partial<Record<Campo, boolean>>>({});
  const crear = useCrearEstablecimiento();
  const cambiar = useCambiarEstablecimiento();
  const mutacion = creando ? crear : cambiar;
  const servidor = erroresServidor(mutacion.error, CAMPOS);
  const formulario = useRef<HTMLFormElement>(null);

  const errorDe = (campo: Campo) => errores[campo] ?? (tocados[campo] ? undefined : servidor.deCampo(campo));
  const poner = (campo: Campo) => (valor: string) => {
    setValores((actual) => ({ ...actual, [campo]: valor }));
    setTocados((actual) => ({ ...actual, [campo]: true }));
    if (errores[campo]) setErrores((actual) => ({ ...actual, [campo]: undefined }));
  };
  const alSalir = (campo: Campo) => () => {
    if (!valores[campo].trim()) return;
    setErrores((actual) => ({ ...actual, [campo]: validar(valores)[campo] }));
  };
  const enfocarPrimerError = () =>
    window.setTimeout(() => formulario.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);

  const enviar = (evento: FormEvent<HTMLFormElement>) => {
    evento.preventDefault();
    const nuevos = validar(valores);
    setErrores(nuevos);
    setTocados({});
    if (Object.keys(nuevos).length > 0) {
      enfocarPrimerError();
      return;
    }
    const opciones = { onSuccess: alGuardar, onError: enfocarPrimerError };
    if (establecimiento) {
      const cambio = diferencias(establecimiento, valores);
      if (Object.keys(cambio).length === 0) alCancelar();
      else cambiar.mutate({ id: establecimiento.id, cambio }, opciones);
      return;
    }
    crear.mutate(cuerpo(valores), opciones);
  };

  const texto = (campo: Campo, etiqueta: string, extra: TextInputProps & Record<`data-${string}`, unknown> = {}) => (
    <TextInput
      label={etiqueta}
      value={valores[campo]}
      error={errorDe(campo)}
      onChange={(e) => poner(campo)(e.currentTarget.value)}
      onBlur={alSalir(campo)}
      {...extra}
    />
  );

  return (
    <form ref={formulario} onSubmit={enviar} noValidate aria-label={creando ? 'Nuevo establecimiento' : `Editar ${establecimiento.nombre}`}>
      <Stack gap="sm">
        <MensajesFormulario mensajes={servidor.general} />
        {texto('nombre', 'Nombre', { required: true, 'data-autofocus': true, maxLength: 120 })}
        <Group grow align="flex-start">
          <NativeSelect
            label="Tipo"
            required
            value={valores.tipo}
            data={TIPOS_ESTABLECIMIENTO.map((t) => ({ value: t.codigo, label: t.nombre }))}
            error={errorDe('tipo')}
            onChange={(e) => poner('tipo')(e.currentTarget.value)}
          />
          {texto('nit', 'NIT', { description: 'Opcional; con o sin dígito de verificación (900123456-8).', inputMode: 'numeric', autoComplete: 'off' })}
        </Group>
        <Group grow align="flex-start">
          {texto('ciudad', 'Ciudad', { required: true })}
          {texto('departamento', 'Departamento', { required: true })}
        </Group>
        <Group grow align="flex-start">
          {texto('direccion', 'Dirección', { required: true })}
          {texto('telefono', 'Teléfono', { type: 'tel', autoComplete: 'off' })}
        </Group>
        <Group grow align="flex-start">
          {texto('latitud', 'Latitud', { description: 'Opcional; entre −4,3 y 13,5.', inputMode: 'decimal', autoComplete: 'off' })}
          {texto('longitud', 'Longitud', { description: 'Opcional; entre −82,0 y −66,8.', inputMode: 'decimal', autoComplete: 'off' })}
        </Group>
        {texto('vendedor', 'Vendedor asignado', {
          description: 'Usuario (login) de un vendedor; vacío = sin vendedor.',
          autoComplete: 'off',
          spellCheck: false,
        })}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={alCancelar}>
            Cancelar
          </Button>
          <Button type="submit" loading={mutacion.isPending}>
            {creando ? 'Crear establecimiento' : 'Guardar cambios'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
