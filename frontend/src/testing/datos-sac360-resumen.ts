import type { PaginaDe } from '@/lib/pagina';
import { RESULTADO_MARIA } from './datos';
import type { FidelizacionResumen, NotaCliente, ResumenCliente } from '@/features/sac360/resumen-types';

/** Fidelización como la arma `cliente360_controller.fidelizacion` (umbral 5.000.000). */
export function fidelizacionResumen(cambios: Partial<FidelizacionResumen> = {}): FidelizacionResumen {
  return {
    umbral: '5000000.00',
    mes_actual: { mes: '2026-11', total: '250000.00', compras: 1 },
    mes_anterior: { mes: '2026-10', total: '6250000.00', compras: 3 },
    califico_mes_anterior: true,
    falta_mes_actual: '4750000.00',
    ultimos_6_meses: [
      { mes: '2026-06', total: '420000.00', compras: 1 },
      { mes: '2026-07', total: '0.00', compras: 0 },
      { mes: '2026-08', total: '189900.50', compras: 1 },
      { mes: '2026-09', total: '0.00', compras: 0 },
      { mes: '2026-10', total: '6250000.00', compras: 3 },
      { mes: '2026-11', total: '250000.00', compras: 1 },
    ],
    ...cambios,
  };
}

/** La misma María de `datos.ts`, sin el contacto (que el resumen manda aparte, enmascarado). */
const { correo: _correo, telefono: _telefono, direccion: _direccion, ...identidadMaria } = RESULTADO_MARIA.cliente;

export function resumenMaria(cambios: Partial<ResumenCliente> = {}): ResumenCliente {
  return {
    cliente: identidadMaria,
    contacto: { telefono: '311*****78', correo: 'ma***@example.com', direccion: 'Calle ***', enmascarado: true },
    fidelizacion: fidelizacionResumen(),
    notas: [],
    advertencias: [],
    modulos: {},
    ...cambios,
  };
}

export function nota(id: number, cambios: Partial<NotaCliente> = {}): NotaCliente {
  return {
    id,
    texto: `Nota ${id}`,
    motivo: null,
    autor: { usuario: 'agente', nombre: 'Ana Agente' },
    creada_en: '2026-11-20T09:30:00-05:00',
    editada_en: null,
    versiones: [],
    ...cambios,
  };
}

export function paginaNotas(items: NotaCliente[], pagina = 1, total = items.length, paginas = 1): PaginaDe<NotaCliente> {
  return { items, pagina, por_pagina: 10, total, paginas };
}
