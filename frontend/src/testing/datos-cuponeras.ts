import type { Usuario } from '@/features/auth/types';
import type { Correo } from '@/features/correos/types';
import type { Beneficio, Contrato, Cupon, EventoHistorial, Factura, Notificacion } from '@/features/cuponeras/types';

/** El usuario del portal (`cliente@demo.co`), con solo el permiso del portal. */
export const CLIENTE: Usuario = { usuario: 'cliente@demo.co', nombre: 'Carlos Cliente', rol: 'cliente', permisos: ['cuponeras.portal'], zona: null };

export const TITULAR = { id: 1, tipo_documento: 'CC', numero_documento: '1020304050', nombre: 'María José', apellido: 'Peña Muñoz' };

export const CONTRATO_LUZ: Contrato = {
  numero_contrato: '100200300',
  servicio: 'energia',
  direccion: 'Calle 10 # 5-20',
  ciudad: 'Bogotá',
  estado: 'activo',
  fecha_inicio: '2024-03-01',
  titular: TITULAR,
  facturas_por_pagar: 2,
  saldo_por_pagar: 170_000,
};

export const CONTRATO_AGUA: Contrato = {
  ...CONTRATO_LUZ,
  numero_contrato: '100200301',
  servicio: 'agua',
  estado: 'suspendido',
  facturas_por_pagar: 0,
  saldo_por_pagar: 0,
};

export function factura(numero: string, cambios: Partial<Factura> = {}): Factura {
  return {
    numero_factura: numero,
    periodo: '2026-11',
    fecha_emision: '2026-11-01',
    fecha_vencimiento: '2026-11-20',
    valor: 85_000,
    saldo: 85_000,
    estado: 'pendiente',
    ...cambios,
  };
}

/** Facturas del contrato de luz, la más reciente primero. */
export const FACTURAS_LUZ: Factura[] = [
  factura('FE-0003', { periodo: '2026-11', fecha_emision: '2026-11-01', fecha_vencimiento: '2026-12-05', valor: 90_000, saldo: 90_000 }),
  factura('FE-0002', { periodo: '2026-10', fecha_emision: '2026-10-01', fecha_vencimiento: '2026-10-20', valor: 80_000, saldo: 80_000, estado: 'vencida' }),
  factura('FE-0001', { periodo: '2026-09', fecha_emision: '2026-09-01', fecha_vencimiento: '2026-09-20', valor: 75_000, saldo: 0, estado: 'pagada' }),
];

export const CUPON: Cupon = {
  numero: '4000000000013',
  subtotal: 170_000,
  valor: 161_500,
  descuento: 8_500,
  fecha_limite: '2026-12-05',
  estado: 'emitido',
  facturas: [
    { numero_factura: 'FE-0002', periodo: '2026-10', saldo: 80_000 },
    { numero_factura: 'FE-0003', periodo: '2026-11', saldo: 90_000 },
  ],
  codigo_barras: '(415)7709998000011(8020)4000000000013(3900)0000161500(96)20261205',
  numero_contrato: '100200300',
};

export const HISTORIAL_LUZ: EventoHistorial[] = [
  { tipo: 'cupon_generado', fecha: '2026-11-28T10:00:00-05:00', descripcion: 'Cupón 4000000000013 generado', referencia: 'cupon:4000000000013', valor: 161_500 },
  { tipo: 'factura_emitida', fecha: '2026-11-01T08:00:00-05:00', descripcion: 'Factura FE-0003 de noviembre', referencia: 'factura:FE-0003', valor: 90_000 },
  { tipo: 'beneficio_otorgado', fecha: '2026-10-01T00:10:00-05:00', descripcion: 'Beneficio por pago oportuno', referencia: null, valor: null },
];

export const BENEFICIOS: Beneficio[] = [
  {
    codigo: 'BEN-ABCDEF123456',
    regla: 'pago_oportuno',
    porcentaje: 5,
    tope: 50_000,
    otorgado_en: '2026-11-01T00:10:00-05:00',
    vence_en: '2026-12-31',
    estado: 'disponible',
  },
  {
    codigo: 'BEN-ZYXWVU987654',
    regla: 'cliente_fiel',
    porcentaje: 10,
    tope: 100_000,
    otorgado_en: '2026-08-01T00:10:00-05:00',
    vence_en: '2026-09-30',
    estado: 'vencido',
  },
];

export const NOTIFICACIONES: Notificacion[] = [
  { id: 3, tipo: 'cupon_por_vencer', mensaje: 'Su cupón 4000000000013 vence el 5 de diciembre.', referencia: 'cupon:4000000000013', creada_en: '2026-11-28T09:00:00-05:00', leida_en: null },
  { id: 2, tipo: 'factura_emitida', mensaje: 'Tiene una nueva factura FE-0003.', referencia: 'factura:FE-0003', creada_en: '2026-11-01T08:00:00-05:00', leida_en: null },
  { id: 1, tipo: 'pago', mensaje: 'Recibimos su pago de la factura FE-0001.', referencia: 'factura:FE-0001', creada_en: '2026-09-15T08:00:00-05:00', leida_en: '2026-09-15T09:00:00-05:00' },
];

export function correo(id: number, cambios: Partial<Correo> = {}): Correo {
  return {
    id,
    destinatario: 'maria.pena@example.com',
    asunto: `Su factura FE-${String(id).padStart(4, '0')}`,
    cuerpo: null,
    adjuntos: [],
    referencia: null,
    estado: 'enviado',
    intentos: 1,
    ultimo_error: null,
    creado_en: '2026-11-28T10:00:00-05:00',
    enviado_en: '2026-11-28T10:00:05-05:00',
    ...cambios,
  };
}

export const CORREOS: Correo[] = [
  correo(3, {
    destinatario: 'nuevo@example.com',
    asunto: 'Verifique su correo',
    cuerpo: 'Abra este enlace: http://localhost/portal/verificar?token=abc',
    estado: 'pendiente',
    intentos: 0,
    enviado_en: null,
  }),
  correo(2, { estado: 'fallido', intentos: 3, ultimo_error: 'Conexión rechazada por el servidor SMTP.', enviado_en: null }),
  correo(1, { adjuntos: [{ nombre: 'factura_FE-0001.pdf', tipo_mime: 'application/pdf' }] }),
];

export const SVG_CODIGO = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
