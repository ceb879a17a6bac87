import { ActionIcon, Button, Checkbox, Group, NativeSelect, NumberInput, Paper, Stack, Table, Text, TextInput, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { AnuncioVivo } from '@/components/ui/anuncio-vivo';
import { TablaDesplazable } from '@/components/ui/tabla-desplazable';
import { formatoCop, hoyEnBogota } from '@/lib/formato';
import { useBuscarProductosActivos } from '../api/productos';
import { useCrearPortafolio } from '../api/portafolios';
import { erroresServidor } from '@/lib/errores-servidor';
import { RETRASO_BUSQUEDA_MS } from '../lib/filtros-url';
import { validarCantidad, validarNombre, validarPrecio, validarTipo, type Errores } from '../lib/validacion';
import { TIPOS_ESTABLECIMIENTO, type NuevoPortafolio, type Portafolio, type Producto } from '../types';
import { MensajesFormulario } from '@/components/ui/mensajes-formulario';

const CAMPOS = ['nombre', 'tipo_establecimiento', 'vigente_desde', 'productos'] as const;
type Campo = (typeof CAMPOS)[number];

interface LineaEnEdicion {
  producto: Producto;
  cantidad_minima: number | string;
  obligatorio: boolean;
  precio_sugerido: number | string;
}

interface ConstructorPortafolioProps {
  tipoInicial?: string;
  alGuardar: (portafolio: Portafolio) => void;
  alCancelar: () => void;
}

/**
 * Arma un portafolio: nombre, tipo y fecha de vigencia; se buscan productos activos y se agregan
 * (Enter en la búsqueda agrega el primero), cada uno con su cantidad mínima, si es obligatorio y
 * un precio sugerido opcional. Un producto no se repite.
 */
export function ConstructorPortafolio({ tipoInicial, alGuardar, alCancelar }: ConstructorPortafolioProps) {
  const [nombre, setNombre] = useState('');
  const [tipo, setTipo] = useState(tipoInicial || 'TIENDA');
  const [vigenteDesde, setVigenteDesde] = useState(hoyEnBogota());
  const [lineas, setLineas] = useState<LineaEnEdicion[]>([]);
  const [busqueda, setBusqueda] = useState('');
  const [busquedaQuieta] = useDebouncedValue(busqueda, RETRASO_BUSQUEDA_MS);
  const [errores, setErrores] = useState<Errores<Campo>>({});
  const [erroresLinea, setErroresLinea] = useState<Record<string, { cantidad?: string; precio?: string }>>({});
  const [anuncio, setAnuncio] = useState('');
  const resultados = useBuscarProductosActivos(busquedaQuieta);
  const crear = useCrearPortafolio();
  const servidor = erroresServidor(crear.error, CAMPOS);
  const formulario = useRef<HTMLFormElement>(null);
  const campoBusqueda = useRef<HTMLInputElement>(null);

  const agregados = new Set(lineas.map((l) => l.producto.codigo));
  const encontrados = busqueda.trim() ? (resultados.data?.items ?? []) : [];
  const errorDe = (campo: Campo) => errores[campo] ?? servidor.deCampo(campo);

  const agregar = (producto: Producto) => {
    if (agregados.has(producto.codigo)) {
      setAnuncio(`${producto.nombre} ya está en el portafolio.`);
      return;
    }
    setLineas((actual) => [...actual, { producto, cantidad_minima: 1, obligatorio: false, precio_sugerido: '' }]);
    setErrores((actual) => ({ ...actual, productos: undefined }));
    setAnuncio(`Agregado ${producto.nombre}. ${lineas.length + 1} productos en el portafolio.`);
    setBusqueda('');
    campoBusqueda.current?.focus();
  };

  const quitar = (codigo: string) => {
    const linea = lineas.find((l) => l.producto.codigo === codigo);
    setLineas((actual) => actual.filter((l) => l.producto.codigo !== codigo));
    setAnuncio(`Quitado ${linea?.producto.nombre ?? codigo}.`);
    campoBusqueda.current?.focus();
  };

  const cambiarLinea = (codigo: string, cambio: Partial<LineaEnEdicion>) =>
    setLineas((actual) => actual.map((l) => (l.producto.codigo === codigo ? { ...l, ...cambio } : l)));

  /** Enter en la búsqueda agrega el primer producto que no esté ya (no envía el formulario). */
  const alTeclear = (evento: KeyboardEvent<HTMLInputElement>) => {
    if (evento.key !== 'Enter') return;
    evento.preventDefault();
    const primero = encontrados.find((p) => !agregados.has(p.codigo));
    if (primero) agregar(primero);
  };

  const enviar = (evento: FormEvent<HTMLFormElement>) => {
    evento.preventDefault();
    const nuevos: Errores<Campo> = {
      nombre: validarNombre(nombre, 'el nombre del portafolio'),
      tipo_establecimiento: validarTipo(tipo),
      vigente_desde: /^\d{4}-\d{2}-\d{2}$/.test(vigenteDesde) ? undefined : 'Escriba la fecha desde la que rige.',
      productos: lineas.length === 0 ? 'Agregue al menos un producto.' : undefined,
    };
    const porLinea: typeof erroresLinea = {};
    for (const l of lineas) {
      const cantidad = validarCantidad(l.cantidad_minima);
      const precio = validarPrecio(l.precio_sugerido, false);
      if (cantidad || precio) porLinea[l.producto.codigo] = { cantidad, precio };
    }
    setErrores(nuevos);
    setErroresLinea(porLinea);
    const hayErrores = Object.values(nuevos).some(Boolean) || Object.keys(porLinea).length > 0;
    if (hayErrores) {
      window.setTimeout(() => formulario.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      if (nuevos.productos) campoBusqueda.current?.focus();
      return;
    }
    const datos: NuevoPortafolio = {
      nombre: nombre.trim(),
      tipo_establecimiento: tipo,
      vigente_desde: vigenteDesde,
      productos: lineas.map((l) => ({
        codigo: l.producto.codigo,
        cantidad_minima: Number(l.cantidad_minima),
        obligatorio: l.obligatorio,
        ...(l.precio_sugerido === '' ? {} : { precio_sugerido: Number(l.precio_sugerido) }),
      })),
    };
    crear.mutate(datos, { onSuccess: alGuardar });
  };

  return (
    <form ref={formulario} onSubmit={enviar} noValidate aria-label="Nuevo portafolio">
      <Stack gap="md">
        <AnuncioVivo mensaje={anuncio} />
        <MensajesFormulario mensajes={servidor.general} />
        <Group grow align="flex-start">
          <TextInput
            label="Nombre del portafolio"
            required
            data-autofocus
            maxLength={120}
            value={nombre}
            error={errorDe('nombre')}
            onChange={(e) => {
              setNombre(e.currentTarget.value);
              setErrores((a) => ({ ...a, nombre: undefined }));
            }}
          />
          <NativeSelect
            label="Tipo de establecimiento"
            required
            value={tipo}
            data={TIPOS_ESTABLECIMIENTO.map((t) => ({ value: t.codigo, label: t.nombre }))}
            error={errorDe('tipo_establecimiento')}
            onChange={(e) => setTipo(e.currentTarget.value)}
          />
          <TextInput
            label="Vigente desde"
            type="date"
            required
            value={vigenteDesde}
            error={errorDe('vigente_desde')}
            onChange={(e) => setVigenteDesde(e.currentTarget.value)}
          />
        </Group>

        <Paper withBorder radius="md" p="sm">
          <Stack gap="xs">
            <TextInput
              ref={campoBusqueda}
              label="Buscar producto para agregar"
              description="Código o nombre; Enter agrega el primero de la lista."
              inputWrapperOrder={['label', 'input', 'error', 'description']}
              type="search"
              autoComplete="off"
              value={busqueda}
              error={errorDe('productos')}
              onChange={(e) => setBusqueda(e.currentTarget.value)}
              onKeyDown={alTeclear}
            />
            {busqueda.trim() && resultados.data && !resultados.isPlaceholderData && encontrados.length === 0 ? (
              <Text size="sm" c="dimmed">
                Ningún producto activo coincide.
              </Text>
            ) : null}
            {encontrados.length > 0 ? (
              <ul aria-label="Productos encontrados" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {encontrados.map((producto) => {
                  const ya = agregados.has(producto.codigo);
                  return (
                    <li key={producto.codigo}>
                      <UnstyledButton
                        onClick={() => agregar(producto)}
                        disabled={ya}
                        aria-label={ya ? `${producto.nombre} (ya agregado)` : `Agregar ${producto.codigo} ${producto.nombre}`}
                        py={4}
                        px="xs"
                        w="100%"
                        style={{ borderRadius: 4, opacity: ya ? 0.6 : 1 }}
                      >
                        <Group justify="space-between" wrap="nowrap">
                          <Text size="sm">
                            <Text span ff="monospace">
                              {producto.codigo}
                            </Text>{' '}
                            · {producto.nombre}
                            {producto.presentacion ? ` · ${producto.presentacion}` : ''}
                          </Text>
                          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                            {ya ? 'Ya agregado' : formatoCop(producto.precio)}
                          </Text>
                        </Group>
                      </UnstyledButton>
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </Stack>
        </Paper>

        {lineas.length === 0 ? (
          <Text c="dimmed" size="sm">
            Aún no hay productos en el portafolio.
          </Text>
        ) : (
          <TablaDesplazable etiqueta="Líneas del portafolio nuevo (tabla desplazable)" anchoMinimo={760}>
            <Table verticalSpacing="xs" aria-label="Líneas del portafolio nuevo">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Producto</Table.Th>
                  <Table.Th scope="col">Cantidad mínima</Table.Th>
                  <Table.Th scope="col">Obligatorio</Table.Th>
                  <Table.Th scope="col">Precio sugerido (opcional)</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>Quitar</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lineas.map((l) => {
                  const errs = erroresLinea[l.producto.codigo];
                  return (
                    <Table.Tr key={l.producto.codigo}>
                      <Table.Td>
                        <Text size="sm">{l.producto.nombre}</Text>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {l.producto.codigo} · lista {formatoCop(l.producto.precio)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <NumberInput
                          aria-label={`Cantidad mínima de ${l.producto.nombre}`}
                          required
                          min={1}
                          step={1}
                          allowDecimal={false}
                          allowNegative={false}
                          w={110}
                          value={l.cantidad_minima}
                          error={errs?.cantidad}
                          onChange={(v) => cambiarLinea(l.producto.codigo, { cantidad_minima: v })}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Checkbox
                          aria-label={`Obligatorio: ${l.producto.nombre}`}
                          checked={l.obligatorio}
                          onChange={(e) => cambiarLinea(l.producto.codigo, { obligatorio: e.currentTarget.checked })}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NumberInput
                          aria-label={`Precio sugerido de ${l.producto.nombre}`}
                          prefix="$ "
                          thousandSeparator="."
                          decimalSeparator=","
                          decimalScale={2}
                          allowNegative={false}
                          hideControls
                          w={160}
                          value={l.precio_sugerido}
                          error={errs?.precio}
                          onChange={(v) => cambiarLinea(l.producto.codigo, { precio_sugerido: v })}
                        />
                      </Table.Td>
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Quitar ${l.producto.nombre}`}
                          onClick={() => quitar(l.producto.codigo)}
                        >
                          <span aria-hidden="true">✕</span>
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </TablaDesplazable>
        )}

        <Group justify="space-between" mt="sm">
          <Text size="sm" c="dimmed">
            {lineas.length} {lineas.length === 1 ? 'producto' : 'productos'}, {lineas.filter((l) => l.obligatorio).length} obligatorios
          </Text>
          <Group>
            <Button variant="default" onClick={alCancelar}>
              Cancelar
            </Button>
            <Button type="submit" loading={crear.isPending}>
              Crear portafolio
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
