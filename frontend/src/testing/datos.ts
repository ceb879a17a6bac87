import type { Usuario } from '@/features/auth/types';
import type { Compra, PaginaCompras, ResultadoBusqueda } from '@/features/clientes/types';
import type { ResumenFidelizacion } from '@/features/reportes/types';

/** Usuarios como los envía el servidor con M7: con `permisos` (la tabla de services/permisos_service.py) y `zona`. */
const SAC_BASE = ['catalogo.consultar', 'clientes.consultar', 'clientes.exportar', 'clientes.notas', 'clientes.revelar', 'cuponeras.consultar'];
const SUPERVISION = ['calidad.consultar', 'clientes.contacto_completo', 'entregas.monitorear', 'reportes.fidelizacion', 'reportes.historial'];
const ADMINISTRACION = ['auditoria.consultar', 'catalogo.editar', 'clientes.fusionar', 'correos.consultar', 'importacion.cargar', 'pagos.registrar', 'usuarios.administrar'];

export const AGENTE: Usuario = { usuario: 'agente', nombre: 'Ana Agente', rol: 'agente', permisos: [...SAC_BASE].sort(), zona: null };
export const SUPERVISOR: Usuario = {
  usuario: 'supervisor',
  nombre: 'Saúl Supervisor',
  rol: 'supervisor',
  permisos: [...SAC_BASE, ...SUPERVISION].sort(),
  zona: null,
};
export const ADMIN: Usuario = {
  usuario: 'admin',
  nombre: 'Adela Admin',
  rol: 'admin',
  permisos: [...SAC_BASE, ...SUPERVISION, ...ADMINISTRACION].sort(),
  zona: null,
};
export const CATALOGO: Usuario = {
  usuario: 'catalogo',
  nombre: 'Carla Catálogo',
  rol: 'catalogo',
  permisos: ['catalogo.consultar', 'catalogo.editar'],
  zona: null,
};
export const VENDEDOR: Usuario = { usuario: 'vendedor', nombre: 'Víctor Vendedor', rol: 'vendedor', permisos: ['catalogo.ruta'], zona: 'Norte' };

export const TIPOS = [
  { codigo: 'CC', nombre: 'Cédula de ciudadanía' },
  { codigo: 'CE', nombre: 'Cédula de extranjería' },
  { codigo: 'NIT', nombre: 'NIT' },
  { codigo: 'PA', nombre: 'Pasaporte' },
  { codigo: 'TI', nombre: 'Tarjeta de identidad' },
];

export function compra(id: number, cambios: Partial<Compra> = {}): Compra {
  return {
    id,
    numero_factura: `FV-${String(id).padStart(6, '0')}`,
    fecha: `2026-10-${String((id % 28) + 1).padStart(2, '0')}T10:00:00-05:00`,
    total: 100_000 * id,
    estado: 'pagada',
    canal: 'tienda',
    tienda: 'Bogotá Centro',
    ...cambios,
  };
}

export const RESULTADO_MARIA: ResultadoBusqueda = {
  cliente: {
    id: 1,
    tipo_documento: 'CC',
    tipo_documento_nombre: 'Cédula de ciudadanía',
    numero_documento: '1020304050',
    nombre: 'María José',
    apellido: 'Peña Muñoz',
    correo: 'maria.pena@example.com',
    telefono: '+57 300 123 4567',
    ciudad: 'Bogotá',
    direccion: 'Calle 10 # 5-20',
    fecha_registro: '2024-03-01T09:00:00-05:00',
    activo: true,
  },
  compras: [
    compra(3, { fecha: '2026-11-20T10:00:00-05:00', total: 250_000 }),
    compra(2, { fecha: '2026-10-15T10:00:00-05:00', total: 3_000_000, estado: 'anulada' }),
    compra(1, { fecha: '2026-10-01T10:00:00-05:00', total: 6_250_000, estado: 'devuelta' }),
  ],
  totales: {
    mes_actual: { mes: '2026-11', total: 250_000, compras: 1 },
    mes_anterior: { mes: '2026-10', total: 6_250_000, compras: 3 },
    total_mes_actual: 250_000,
    total_mes_anterior: 6_250_000,
  },
  fidelizacion: { umbral: 5_000_000, mes: '2026-10', califica: true },
};

export function paginaCompras(items: Compra[], pagina = 1, total = items.length, paginas = 1): PaginaCompras {
  return { items, pagina, por_pagina: 20, total, paginas };
}

export const RESUMEN_OCTUBRE: ResumenFidelizacion = {
  mes: '2026-10',
  umbral: 5_000_000,
  cantidad_clientes: 2,
  monto_total: 18_595_678.9,
  clientes: [
    {
      tipo_documento: 'NIT',
      numero_documento: '900123456',
      nombre: 'Comercializadora Andina del Caribe S.A.S.',
      apellido: '',
      correo: 'compras@andina.example.com',
      telefono: '+57 605 300 0000',
      numero_compras: 4,
      monto_total: 12_345_678.9,
      fecha_ultima_compra: '2026-10-28T15:00:00-05:00',
    },
    {
      tipo_documento: 'CC',
      numero_documento: '1020304050',
      nombre: 'María José',
      apellido: 'Peña Muñoz',
      correo: 'maria.pena@example.com',
      telefono: '+57 300 123 4567',
      numero_compras: 3,
      monto_total: 6_250_000,
      fecha_ultima_compra: '2026-10-20T11:00:00-05:00',
    },
  ],
};
