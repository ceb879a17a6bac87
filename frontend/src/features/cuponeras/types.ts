/**
 * Formas de M6 Cuponeras según /work/shared/docs/M6-cuponeras.md (tabla de la API). Donde el
 * contrato calla, se asume lo siguiente (y se acepta más de una forma cuando es barato):
 * - Las listas (contratos del portal, facturas, historial, beneficios) pueden llegar como
 *   arreglo o dentro del sobre paginado `{items, …}` (`lib/pagina.comoLista`); las notificaciones
 *   llegan como arreglo, sin paginación (con `no_leidas=true`, solo las no leídas: el contador).
 * - `GET /api/contratos?numero=` devuelve un solo contrato con su titular en `titular`
 *   (`{tipo_documento, numero_documento, nombre, apellido?}`) o, si no, `cliente`.
 * - Valores en pesos COP enteros; fechas sin hora (`AAAA-MM-DD`, días de Bogotá) salvo los
 *   instantes (`fecha` del historial, `creada_en`, `otorgado_en`), que son ISO con zona.
 * - El cupón puede traer además `contrato`/`numero_contrato`, `fecha_emision` y `beneficio`.
 * - Las notificaciones traen `id` (para marcarlas leídas).
 */

export type Servicio = 'energia' | 'agua' | 'gas' | 'internet';
export type EstadoContrato = 'activo' | 'suspendido' | 'retirado';
export type EstadoFactura = 'pendiente' | 'pagada' | 'vencida' | 'anulada';
export type EstadoCupon = 'emitido' | 'pagado' | 'vencido' | 'anulado';
export type EstadoBeneficio = 'disponible' | 'usado' | 'vencido';
export type EstadoCorreo = 'pendiente' | 'enviado' | 'fallido';

export const ESTADOS_FACTURA: EstadoFactura[] = ['pendiente', 'vencida', 'pagada', 'anulada'];

export interface Titular {
  id?: number;
  tipo_documento: string;
  numero_documento: string;
  nombre: string;
  apellido?: string | null;
}

export interface Contrato {
  numero_contrato: string;
  servicio: Servicio | string;
  direccion: string | null;
  ciudad: string | null;
  estado: EstadoContrato | string;
  fecha_inicio: string | null;
  titular?: Titular | null;
  cliente?: Titular | null;
  /** Cuántas facturas tienen saldo y cuánto suman (pesos). */
  facturas_por_pagar?: number;
  saldo_por_pagar?: number;
}

export interface Factura {
  numero_factura: string;
  periodo: string;
  fecha_emision: string;
  fecha_vencimiento: string;
  valor: number;
  saldo: number;
  estado: EstadoFactura | string;
  contrato?: string;
  numero_contrato?: string;
}

export interface FacturaCubierta {
  numero_factura: string;
  periodo: string;
  saldo: number;
}

export interface Cupon {
  numero: string;
  /** La suma de los saldos antes del descuento. */
  subtotal?: number;
  valor: number;
  descuento: number;
  fecha_limite: string;
  estado: EstadoCupon | string;
  facturas: FacturaCubierta[];
  /** La cadena legible GS1-128: `(415)…(8020)…(3900)…(96)…`. */
  codigo_barras: string;
  fecha_emision?: string;
  contrato?: string;
  numero_contrato?: string;
  beneficio?: string | null;
}

export interface NuevoPago {
  numero_cupon: string;
  valor: number;
  canal: 'portal' | 'banco' | 'corresponsal';
  referencia: string;
}

export interface PagoAplicado {
  pago_id: number;
  estado: 'aplicado' | string;
}

export type TipoEvento =
  | 'factura_emitida'
  | 'factura_vencida'
  | 'cupon_generado'
  | 'cupon_anulado'
  | 'cupon_vencido'
  | 'pago'
  | 'correo_enviado'
  | 'beneficio_otorgado'
  | 'beneficio_usado'
  | 'beneficio_vencido';

export interface EventoHistorial {
  tipo: TipoEvento | string;
  fecha: string;
  descripcion: string;
  referencia: string | null;
  valor: number | null;
}

export interface Beneficio {
  codigo: string;
  regla: 'pago_oportuno' | 'cliente_fiel' | string;
  porcentaje: number;
  tope: number;
  otorgado_en: string;
  vence_en: string;
  estado: EstadoBeneficio | string;
  /** El cupón al que está reservado o en el que se usó. */
  numero_cupon?: string | null;
}

export interface Notificacion {
  id: number;
  tipo: string;
  mensaje: string;
  referencia: string | null;
  creada_en: string;
  leida_en: string | null;
}

export interface DatosRegistro {
  correo: string;
  nombre: string;
  contrasena: string;
  tipo_documento: string;
  numero_documento: string;
  numero_contrato: string;
}

export interface RegistroPendiente {
  correo: string;
  verificacion: 'pendiente' | string;
}

/** Dónde vive cada pantalla: el portal del cliente o la vista del SAC. */
export type Modo = 'portal' | 'sac';
