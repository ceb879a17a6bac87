/** Tipos del resumen del cliente (M10, `routes/sac360/cliente360_routes.py`): dinero en texto decimal. */

/** Total pagado de un mes de Bogotá (`AAAA-MM`); `total` es un decimal en texto (`"6250000.00"`). */
export interface TotalMesTexto {
  mes: string;
  total: string;
  compras: number;
}

export interface FidelizacionResumen {
  umbral: string;
  mes_actual: TotalMesTexto;
  mes_anterior: TotalMesTexto;
  califico_mes_anterior: boolean;
  /** `max(0, umbral − total del mes)`: la regla es «más que el umbral», así que se dice «más de». */
  falta_mes_actual: string;
  /** Este mes y los 5 anteriores, del más antiguo al más nuevo. */
  ultimos_6_meses: TotalMesTexto[];
}

export type CampoContacto = 'telefono' | 'correo' | 'direccion';

export interface ContactoResumen {
  telefono: string | null;
  correo: string | null;
  direccion: string | null;
  enmascarado: boolean;
}

export interface ClienteInvolucrado {
  id: number;
  tipo_documento: string;
  numero_documento: string;
  nombre: string;
  apellido: string;
}

export interface AdvertenciaCalidad {
  tipo: 'duplicado' | 'telefono_invalido' | 'correo_invalido' | 'correo_compartido' | string;
  clientes: ClienteInvolucrado[];
}

/** Lo que M6 (cuponeras) aporta al resumen (`controllers/cuponeras/resumen_controller.py`). */
export interface ModuloCuponeras {
  contratos: number;
  facturas_por_pagar: number;
  saldo_por_pagar: number;
  cupones_vigentes: number;
  beneficios_disponibles: number;
  enlaces: string[];
}

export interface VersionNota {
  texto: string;
  reemplazada_en: string;
}

export interface NotaCliente {
  id: number;
  texto: string;
  motivo: string | null;
  autor: { usuario: string; nombre: string };
  creada_en: string;
  editada_en: string | null;
  versiones: VersionNota[];
}

export interface ResumenCliente {
  cliente: {
    id: number;
    tipo_documento: string;
    tipo_documento_nombre: string;
    numero_documento: string;
    nombre: string;
    apellido: string;
    ciudad: string | null;
    fecha_registro: string;
    activo: boolean;
  };
  contacto: ContactoResumen;
  fidelizacion: FidelizacionResumen;
  notas: NotaCliente[];
  advertencias: AdvertenciaCalidad[];
  /** `{modulo: datos}` de los módulos que tienen algo del cliente (hoy `cuponeras`). */
  modulos: { cuponeras?: ModuloCuponeras } & Record<string, unknown>;
}

export interface DatoRevelado {
  campo: CampoContacto;
  valor: string | null;
}
