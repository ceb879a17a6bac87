import { Button, Group, NativeSelect, NumberInput, Stack, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useCambiarProducto, useCrearProducto } from '../api/productos';
import { erroresServidor } from '@/lib/errores-servidor';
import { normalizarCodigo, requerido, validarCodigo, validarIva, validarNombre, validarPrecio, type Errores } from '../lib/validacion';
import { TASAS_IVA, type CambioProducto, type Iva, type Producto } from '../types';
import { MensajesFormulario } from '@/components/ui/mensajes-formulario';

const CAMPOS = ['codigo', 'nombre', 'categoria', 'marca', 'presentacion', 'precio', 'iva'] as const;
type Campo = (typeof CAMPOS)[number];

interface Valores {
  codigo: string;
  nombre: string;
  categoria: string;
  marca: string;
  presentacion: string;
  precio: number | string;
  iva: string;
}

function valoresDe(producto?: Producto): Valores {
  return {
    codigo: producto?.codigo ?? '',
    nombre: producto?.nombre ?? '',
    categoria: producto?.categoria ?? '',
    marca: producto?.marca ?? '',
    presentacion: producto?.presentacion ?? '',
    precio: producto?.precio ?? '',
    iva: String(producto?.iva ?? 19),
  };
}

function validar(valores: Valores, creando: boolean): Errores<Campo> {
  const errores: Errores<Campo> = {
    codigo: creando ? validarCodigo(valores.codigo) : undefined,
    nombre: validarNombre(valores.nombre),
    categoria: requerido(valores.categoria, 'Escriba la categoría.'),
    precio: validarPrecio(valores.precio),
    iva: validarIva(Number(valores.iva)),
  };
  return Object.fromEntries(Object.entries(errores).filter(([, v]) => v)) as Errores<Campo>;
}

/** Solo lo que cambió (PATCH parcial); un texto opcional vacío se envía como `null`. */
function diferencias(original: Producto, valores: Valores): CambioProducto {
  const cambio: CambioProducto = {};
  if (valores.nombre.trim() !== original.nombre) cambio.nombre = valores.nombre.trim();
  if (valores.categoria.trim() !== original.categoria) cambio.categoria = valores.categoria.trim();
  if (valores.marca.trim() !== (original.marca ?? '')) cambio.marca = valores.marca.trim() || null;
  if (valores.presentacion.trim() !== (original.presentacion ?? '')) cambio.presentacion = valores.presentacion.trim() || null;
  if (Number(valores.precio) !== original.precio) cambio.precio = Number(valores.precio);
  if (Number(valores.iva) !== original.iva) cambio.iva = Number(valores.iva) as Iva;
  return cambio;
}

interface FormularioProductoProps {
  /** Sin producto: crear; con producto: editar. */
  producto?: Producto;
  alGuardar: (producto: Producto) => void;
  alCancelar: () => void;
}

/** Alta y edición de un producto con la validación del contrato; los 409/422 se ven en su campo. */
export function FormularioProducto({ producto, alGuardar, alCancelar }: FormularioProductoProps) {
  const creando = !producto;
  const [valores, setValores] = useState<Valores>(() => valoresDe(producto));
  const [errores, setErrores] = useState<Errores<Campo>>({});
  const [tocados, setTocados] = useState<Partial<Record<Campo, boolean>>>({});
  const crear = useCrearProducto();
  const cambiar = useCambiarProducto();
  const mutacion = creando ? crear : cambiar;
  const servidor = erroresServidor(mutacion.error, CAMPOS, 'codigo');
  const formulario = useRef<HTMLFormElement>(null);

  const errorDe = (campo: Campo) => errores[campo] ?? (tocados[campo] ? undefined : servidor.deCampo(campo));

  const poner = (campo: Campo, valor: string | number) => {
    setValores((actual) => ({ ...actual, [campo]: valor }));
    setTocados((actual) => ({ ...actual, [campo]: true }));
    if (errores[campo]) setErrores((actual) => ({ ...actual, [campo]: undefined }));
  };

  /** Al salir de un campo se valida solo ese (validación en línea). */
  const alSalir = (campo: Campo) => () => {
    if (!String(valores[campo]).trim()) return; // un campo vacío se reclama al enviar, no al pasar por él
    const error = validar(valores, creando)[campo];
    setErrores((actual) => ({ ...actual, [campo]: error }));
  };

  const enfocarPrimerError = () =>
    window.setTimeout(() => formulario.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);

  const enviar = (evento: FormEvent<HTMLFormElement>) => {
    evento.preventDefault();
    const nuevos = validar(valores, creando);
    setErrores(nuevos);
    setTocados({});
    if (Object.keys(nuevos).length > 0) {
      enfocarPrimerError();
      return;
    }
    const opciones = { onSuccess: alGuardar, onError: enfocarPrimerError };
    if (producto) {
      const cambio = diferencias(producto, valores);
      if (Object.keys(cambio).length === 0) {
        alCancelar();
        return;
      }
      cambiar.mutate({ codigo: producto.codigo, cambio }, opciones);
      return;
    }
    crear.mutate(
      {
        codigo: normalizarCodigo(valores.codigo),
        nombre: valores.nombre.trim(),
        categoria: valores.categoria.trim(),
        ...(valores.marca.trim() ? { marca: valores.marca.trim() } : {}),
        ...(valores.presentacion.trim() ? { presentacion: valores.presentacion.trim() } : {}),
        precio: Number(valores.precio),
        iva: Number(valores.iva) as Iva,
      },
      opciones,
    );
  };

  return (
    <form ref={formulario} onSubmit={enviar} noValidate aria-label={creando ? 'Nuevo producto' : `Editar ${producto.codigo}`}>
      <Stack gap="sm">
        <MensajesFormulario mensajes={servidor.general} />
        <TextInput
          label="Código (SKU)"
          description="De 3 a 30: letras A–Z, dígitos y guion; sin Ñ ni tildes."
          inputWrapperOrder={['label', 'input', 'error', 'description']}
          required={creando}
          readOnly={!creando}
          data-autofocus={creando || undefined}
          autoComplete="off"
          spellCheck={false}
          maxLength={30}
          ff="monospace"
          value={valores.codigo}
          error={errorDe('codigo')}
          onChange={(e) => poner('codigo', e.currentTarget.value.toUpperCase())}
          onBlur={creando ? alSalir('codigo') : undefined}
        />
        <TextInput
          label="Nombre"
          required
          data-autofocus={!creando || undefined}
          maxLength={120}
          value={valores.nombre}
          error={errorDe('nombre')}
          onChange={(e) => poner('nombre', e.currentTarget.value)}
          onBlur={alSalir('nombre')}
        />
        <Group grow align="flex-start">
          <TextInput
            label="Categoría"
            required
            value={valores.categoria}
            error={errorDe('categoria')}
            onChange={(e) => poner('categoria', e.currentTarget.value)}
            onBlur={alSalir('categoria')}
          />
          <TextInput label="Marca" value={valores.marca} error={errorDe('marca')} onChange={(e) => poner('marca', e.currentTarget.value)} />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label="Presentación"
            placeholder="p. ej. 500 g, 1 L"
            value={valores.presentacion}
            error={errorDe('presentacion')}
            onChange={(e) => poner('presentacion', e.currentTarget.value)}
          />
          <NumberInput
            label="Precio (COP)"
            required
            prefix="$ "
            thousandSeparator="."
            decimalSeparator=","
            decimalScale={2}
            allowNegative={false}
            hideControls
            value={valores.precio}
            error={errorDe('precio')}
            onChange={(valor) => poner('precio', valor)}
            onBlur={alSalir('precio')}
          />
          <NativeSelect
            label="IVA"
            value={valores.iva}
            data={TASAS_IVA.map((tasa) => ({ value: String(tasa), label: `${tasa} %` }))}
            error={errorDe('iva')}
            onChange={(e) => poner('iva', e.currentTarget.value)}
          />
        </Group>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={alCancelar}>
            Cancelar
          </Button>
          <Button type="submit" loading={mutacion.isPending}>
            {creando ? 'Crear producto' : 'Guardar cambios'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
