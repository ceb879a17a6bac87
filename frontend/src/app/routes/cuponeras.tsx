/** Páginas de M6 Cuponeras: el portal del cliente y la vista del SAC (se cargan bajo demanda). */
import { Anchor, Text } from '@mantine/core';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { Pagina } from '@/components/ui/pagina';
import { FormularioContrato } from '@/features/cuponeras/components/buscar-contrato';
import { ContratoPortal, ContratoSac } from '@/features/cuponeras/components/detalle-contrato';
import { DetalleCupon } from '@/features/cuponeras/components/detalle-cupon';
import { DetalleFactura } from '@/features/cuponeras/components/detalle-factura';
import { ListaNotificaciones } from '@/features/cuponeras/components/lista-notificaciones';
import { MisBeneficios } from '@/features/cuponeras/components/mis-beneficios';
import { MisContratos } from '@/features/cuponeras/components/mis-contratos';
import type { Modo } from '@/features/cuponeras/types';

function VolverA({ a, texto }: { a: string; texto: string }) {
  return (
    <Anchor component={Link} to={a} size="sm">
      ← {texto}
    </Anchor>
  );
}

export function PaginaMisContratos() {
  return (
    <Pagina titulo="Mis contratos" descripcion="Elija un contrato para ver sus facturas, generar el cupón de pago y ver su historial.">
      <MisContratos />
    </Pagina>
  );
}

export function PaginaContratoPortal() {
  const numero = useParams().numero ?? '';
  return (
    <Pagina titulo={`Contrato ${numero}`} descripcion={<VolverA a="/portal" texto="Mis contratos" />}>
      <ContratoPortal key={numero} numero={numero} />
    </Pagina>
  );
}

function Cupon({ modo }: { modo: Modo }) {
  const numero = useParams().numero ?? '';
  return (
    <Pagina titulo="Cupón de pago" descripcion="Páguelo en un banco o punto de pago con el código de barras antes de la fecha límite.">
      <DetalleCupon key={numero} numero={numero} modo={modo} />
    </Pagina>
  );
}

function Factura({ modo }: { modo: Modo }) {
  const numero = useParams().numero ?? '';
  return (
    <Pagina titulo={`Factura ${numero}`}>
      <DetalleFactura key={numero} numero={numero} modo={modo} />
    </Pagina>
  );
}

export function PaginaCuponPortal() {
  return <Cupon modo="portal" />;
}

export function PaginaCuponSac() {
  return <Cupon modo="sac" />;
}

export function PaginaFacturaPortal() {
  return <Factura modo="portal" />;
}

export function PaginaFacturaSac() {
  return <Factura modo="sac" />;
}

export function PaginaMisBeneficios() {
  return (
    <Pagina titulo="Mis beneficios" descripcion="Descuentos que puede usar al generar un cupón, con su estado y vencimiento.">
      <MisBeneficios />
    </Pagina>
  );
}

export function PaginaNotificaciones() {
  return (
    <Pagina titulo="Notificaciones">
      <ListaNotificaciones />
    </Pagina>
  );
}

/** SAC: buscar un contrato por número (`/contratos?numero=` también sirve como enlace). */
export function PaginaContratos() {
  const [parametros] = useSearchParams();
  const navegar = useNavigate();
  const numero = parametros.get('numero');
  if (numero) return <Navigate to={`/contratos/${encodeURIComponent(numero)}`} replace />;
  return (
    <Pagina titulo="Contratos" descripcion="Busque un contrato por su número para ver sus facturas, cupones e historial.">
      <FormularioContrato autoFocus alBuscar={(n) => navegar(`/contratos/${encodeURIComponent(n)}`)} />
      <Text size="sm" c="dimmed">
        También puede buscarlo desde la ficha del cliente, en la Consulta.
      </Text>
    </Pagina>
  );
}

export function PaginaContratoSac() {
  const numero = useParams().numero ?? '';
  const navegar = useNavigate();
  return (
    <Pagina titulo={`Contrato ${numero}`} descripcion={<VolverA a="/contratos" texto="Buscar otro contrato" />}>
      <FormularioContrato key={numero} inicial={numero} alBuscar={(n) => navegar(`/contratos/${encodeURIComponent(n)}`)} />
      <ContratoSac key={`detalle-${numero}`} numero={numero} />
    </Pagina>
  );
}
