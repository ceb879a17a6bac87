import type { Tono } from '@/components/ui/insignia-estado';
import type { Modo } from '../types';

/** Nombres para mostrar de los valores de la API; uno desconocido se muestra tal cual. */
const SERVICIOS: Record<string, string> = { energia: 'Energía', agua: 'Agua', gas: 'Gas', internet: 'Internet' };

const ESTADOS: Record<string, { etiqueta: string; tono: Tono }> = {
  activo: { etiqueta: 'Activo', tono: 'exito' },
  suspendido: { etiqueta: 'Suspendido', tono: 'aviso' },
  retirado: { etiqueta: 'Retirado', tono: 'neutro' },
  pendiente: { etiqueta: 'Pendiente', tono: 'aviso' },
  pagada: { etiqueta: 'Pagada', tono: 'exito' },
  vencida: { etiqueta: 'Vencida', tono: 'peligro' },
  anulada: { etiqueta: 'Anulada', tono: 'neutro' },
  emitido: { etiqueta: 'Emitido', tono: 'info' },
  pagado: { etiqueta: 'Pagado', tono: 'exito' },
  vencido: { etiqueta: 'Vencido', tono: 'peligro' },
  anulado: { etiqueta: 'Anulado', tono: 'neutro' },
  disponible: { etiqueta: 'Disponible', tono: 'exito' },
  usado: { etiqueta: 'Usado', tono: 'neutro' },
};

const EVENTOS: Record<string, string> = {
  factura_emitida: 'Factura emitida',
  factura_vencida: 'Factura vencida',
  cupon_generado: 'Cupón generado',
  cupon_anulado: 'Cupón anulado',
  cupon_vencido: 'Cupón vencido',
  pago: 'Pago',
  correo_enviado: 'Correo enviado',
  beneficio_otorgado: 'Beneficio otorgado',
  beneficio_usado: 'Beneficio usado',
  beneficio_vencido: 'Beneficio vencido',
};

const REGLAS: Record<string, string> = { pago_oportuno: 'Pago oportuno', cliente_fiel: 'Cliente fiel' };

export const nombreServicio = (servicio: string) => SERVICIOS[servicio] ?? servicio;
export const nombreEstado = (estado: string) => ESTADOS[estado]?.etiqueta ?? estado;
export const tonoEstado = (estado: string): Tono => ESTADOS[estado]?.tono ?? 'neutro';
export const nombreEvento = (tipo: string) => EVENTOS[tipo] ?? tipo;
export const nombreRegla = (regla: string) => REGLAS[regla] ?? regla;

/** Las rutas de cada pantalla en el portal del cliente y en la vista del SAC. */
export function rutas(modo: Modo) {
  const base = modo === 'portal' ? '/portal' : '';
  return {
    contratos: modo === 'portal' ? '/portal' : '/contratos',
    contrato: (numero: string) => `${base}/contratos/${encodeURIComponent(numero)}`,
    cupon: (numero: string) => `${base}/cupones/${encodeURIComponent(numero)}`,
    factura: (numero: string) => `${base}/facturas/${encodeURIComponent(numero)}`,
  };
}

/**
 * Tipos de documento del registro. `/api/tipos-documento` exige sesión y quien se registra no la
 * tiene: son los del SAC (tabla `tipos_documento` sembrada).
 */
export const TIPOS_DOCUMENTO_REGISTRO = [
  { value: 'CC', label: 'Cédula de ciudadanía (CC)' },
  { value: 'CE', label: 'Cédula de extranjería (CE)' },
  { value: 'NIT', label: 'NIT (NIT)' },
  { value: 'PA', label: 'Pasaporte (PA)' },
  { value: 'TI', label: 'Tarjeta de identidad (TI)' },
];

/**
 * A dónde lleva la `referencia` de una notificación o de un evento del historial
 * (`cupon:<numero>`, `factura:<numero>`, `beneficio:<codigo>`); otra cosa no enlaza.
 */
export function enlaceDeReferencia(referencia: string | null | undefined, modo: Modo): { ruta: string; texto: string } | null {
  const coincidencia = /^(cupon|factura|beneficio):(.+)$/.exec(referencia ?? '');
  if (!coincidencia) return null;
  const [, tipo, valor = ''] = coincidencia;
  if (tipo === 'cupon') return { ruta: rutas(modo).cupon(valor), texto: `Ver el cupón ${valor}` };
  if (tipo === 'factura') return { ruta: rutas(modo).factura(valor), texto: `Ver la factura ${valor}` };
  return modo === 'portal' ? { ruta: '/portal/beneficios', texto: 'Ver mis beneficios' } : null;
}
