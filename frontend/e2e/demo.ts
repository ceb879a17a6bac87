/**
 * Datos de demostración que siembra `flask --app app seed` (ver services/demo_service.py:
 * USUARIOS_DEMO y CLIENTES_DEMO). Si cambian allá, cambian aquí.
 */
export const USUARIOS = {
  agente: { usuario: 'agente', contrasena: 'Agente-Demo-2026', nombre: 'Ana Agente (demostración)' },
  supervisor: { usuario: 'supervisor', contrasena: 'Supervisor-Demo-2026', nombre: 'Saúl Supervisor (demostración)' },
  admin: { usuario: 'admin', contrasena: 'Admin-Demo-2026', nombre: 'Adela Administradora (demostración)' },
  // M7 Catálogo (services/catalogo/demo_service.py de la rama del backend).
  catalogo: { usuario: 'catalogo', contrasena: 'Catalogo-Demo-2026', nombre: 'Carolina Catálogo (demostración)' },
  vendedor: { usuario: 'vendedor', contrasena: 'Vendedor-Demo-2026', nombre: 'Víctor Vendedor (demostración)' },
  // M8 Entregas (controllers/entregas/demo_controller.py).
  monitor: { usuario: 'monitor', contrasena: 'Monitor-Demo-2026', nombre: 'Mónica Monitor (demostración)' },
} as const;

/** M8: la clave del dispositivo `demo` (cabecera `X-Api-Key`; no sirve con APP_ENV=production). */
export const CLAVE_DISPOSITIVO_DEMO = 'demo-entregas-2026-solo-desarrollo';

/** M7: un producto sembrado y una tienda de la ruta del vendedor demo (con portafolio vigente). */
export const CAFE_DEMO = { codigo: 'BEB-SRJ-CAF-500', nombre: 'Café Sello Rojo tradicional' } as const;
export const TIENDA_DE_RUTA = 'Tienda Doña Rosa';

/** Califica para la fidelización del mes anterior (6.250.000 pagados); nombre con tildes y ñ. */
export const MARIA = { tipo: 'CC', numero: '1020304050', nombre: 'María José Peña Muñoz' } as const;
/** Empresa con NIT 900123456 (DV 8), que también califica. */
export const EMPRESA = { tipo: 'NIT', numero: '900123456', nombre: 'Comercializadora Andina del Caribe S.A.S.' } as const;

/**
 * M6 Cuponeras (services/cuponeras/demo_service.py de i13-portal): un contrato de un titular del
 * SAC sin cuenta del portal, con facturas por pagar, para registrarse en la prueba; y el usuario
 * del portal ya verificado.
 */
export const CONTRATO_SIN_PORTAL = { numero: '400500600', tipo: 'CC', documento: '79845123' } as const;
export const CLIENTE_PORTAL = { usuario: 'cliente@demo.co', contrasena: 'Cliente-Demo-2026', contrato: '100200300' } as const;
