import { describe, expect, it } from 'vitest';
import { enlaceDeReferencia, nombreEstado, rutas, tonoEstado } from './etiquetas';

describe('etiquetas de cuponeras', () => {
  it('enlaza las referencias de cupón, factura y beneficio según dónde se ven', () => {
    expect(enlaceDeReferencia('cupon:1234567890128', 'portal')).toEqual({ ruta: '/portal/cupones/1234567890128', texto: 'Ver el cupón 1234567890128' });
    expect(enlaceDeReferencia('factura:FE-202610-400500600', 'sac')).toEqual({
      ruta: '/facturas/FE-202610-400500600',
      texto: 'Ver la factura FE-202610-400500600',
    });
    expect(enlaceDeReferencia('beneficio:ABCDEF123456', 'portal')).toEqual({ ruta: '/portal/beneficios', texto: 'Ver mis beneficios' });
    expect(enlaceDeReferencia('beneficio:ABCDEF123456', 'sac')).toBeNull();
    expect(enlaceDeReferencia('registro:7', 'portal')).toBeNull();
    expect(enlaceDeReferencia(null, 'portal')).toBeNull();
  });

  it('codifica lo que va en la ruta', () => {
    expect(rutas('portal').factura('FE 1/2')).toBe('/portal/facturas/FE%201%2F2');
  });

  it('un estado desconocido se muestra tal cual y en tono neutro', () => {
    expect(nombreEstado('raro')).toBe('raro');
    expect(tonoEstado('raro')).toBe('neutro');
    expect(tonoEstado('vencida')).toBe('peligro');
  });
});
