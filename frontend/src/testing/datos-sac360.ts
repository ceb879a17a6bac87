import type { Advertencia, ResultadoFusion } from '@/features/calidad/types';
import type { ItemHistorialReporte } from '@/features/reportes/types';
import type { PaginaDe } from '@/lib/pagina';

/** M10: historial de reportes y calidad de datos como los da la API (routes/reporte_routes.py, routes/sac360/calidad_routes.py). */

export const SHA_OCTUBRE = '3f8a1c0e9b7d4a2f6e5c1b0a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e';

export function itemHistorial(id: number, cambios: Partial<ItemHistorialReporte> = {}): ItemHistorialReporte {
  return {
    id,
    mes: '2026-10',
    umbral: 5_000_000,
    filas: 2,
    total: 18_595_678.9,
    sha256: SHA_OCTUBRE,
    generado_por: 'Saúl Supervisor',
    // 1 de noviembre, 11:00 UTC = 06:00 en Bogotá.
    generado_en: '2026-11-01T11:00:00+00:00',
    origen: 'programado',
    ...cambios,
  };
}

export function pagina<T>(items: T[], cambios: Partial<PaginaDe<T>> = {}): PaginaDe<T> {
  return { items, pagina: 1, por_pagina: 20, total: items.length, paginas: items.length > 0 ? 1 : 0, ...cambios };
}

export const HISTORIAL: PaginaDe<ItemHistorialReporte> = pagina([
  itemHistorial(3, { origen: 'pantalla', generado_en: '2026-11-20T20:30:00+00:00', sha256: 'a'.repeat(64) }),
  itemHistorial(2, { origen: 'cli', mes: '2026-09', filas: 0, total: 0, generado_por: 'Adela Admin', sha256: 'b'.repeat(64) }),
  itemHistorial(1),
]);

export const MARIA_INVOLUCRADA = { id: 1, tipo_documento: 'CC', numero_documento: '1020304050', nombre: 'María José', apellido: 'Peña Muñoz' };
export const MARIA_DUPLICADA = { id: 7, tipo_documento: 'CE', numero_documento: '998877', nombre: 'María José', apellido: 'Peña Muñoz' };
const JUAN = { id: 2, tipo_documento: 'CC', numero_documento: '79111222', nombre: 'Juan', apellido: 'Pérez' };
const LUISA = { id: 3, tipo_documento: 'TI', numero_documento: '1001002003', nombre: 'Luisa', apellido: 'Pérez' };

export const ADVERTENCIAS: Advertencia[] = [
  { tipo: 'duplicado', clientes: [MARIA_INVOLUCRADA, MARIA_DUPLICADA] },
  { tipo: 'telefono_invalido', clientes: [JUAN] },
  { tipo: 'correo_invalido', clientes: [LUISA] },
  { tipo: 'correo_compartido', clientes: [JUAN, LUISA] },
];

export const RESULTADO_FUSION: ResultadoFusion = {
  ...MARIA_INVOLUCRADA,
  activo: true,
  alias: [{ tipo_documento: 'CE', numero_documento: '998877' }],
  // Como el servidor (routes/sac360/cliente360_routes.py: ClienteFusionado): con alias y lo de cada módulo.
  movidos: { compras: 3, notas: 1, alias: 0, contratos: 0, beneficios: 2, beneficios_conservados: 0, usuarios_portal: 0 },
};
