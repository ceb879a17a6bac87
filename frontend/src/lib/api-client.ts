/**
 * Único cliente HTTP de la app: cookies de sesión (httpOnly) del mismo origen, cabecera CSRF en
 * toda petición que no sea GET, la forma única de error de la API y, ante un 401, un solo intento
 * de refrescar la sesión antes de avisar que expiró.
 */
import { env } from '@/config/env';

export type CamposInvalidos = Record<string, string[]>;

export interface CuerpoError {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

const MENSAJE_RED = 'No se pudo conectar con el servidor. Revise su conexión e intente de nuevo.';
const MENSAJE_GENERICO = 'Ocurrió un error inesperado. Intente de nuevo más tarde.';

/** Error de la API con el código estable y el mensaje en español que envió el servidor. */
export class ErrorApi extends Error {
  readonly estado: number;
  readonly codigo: string;
  readonly detalles: Record<string, unknown>;

  constructor(estado: number, codigo: string, mensaje: string, detalles: Record<string, unknown> = {}) {
    super(mensaje);
    this.name = 'ErrorApi';
    this.estado = estado;
    this.codigo = codigo;
    this.detalles = detalles;
  }

  /** `details.campos` de un 422: motivos por campo. */
  get campos(): CamposInvalidos {
    const campos = this.detalles.campos;
    if (!campos || typeof campos !== 'object') return {};
    const resultado: CamposInvalidos = {};
    for (const [campo, motivos] of Object.entries(campos as Record<string, unknown>)) {
      if (Array.isArray(motivos)) resultado[campo] = motivos.map(String);
      else if (typeof motivos === 'string') resultado[campo] = [motivos];
    }
    return resultado;
  }

  /** Primer motivo de un campo, si el servidor lo señaló. */
  motivoDe(campo: string): string | undefined {
    return this.campos[campo]?.[0];
  }
}

export function esErrorApi(error: unknown): error is ErrorApi {
  return error instanceof ErrorApi;
}

/** Mensaje para una persona a partir de cualquier error. */
export function mensajeDeError(error: unknown): string {
  if (esErrorApi(error)) return error.message;
  return MENSAJE_GENERICO;
}

type Parametros = Record<string, string | number | boolean | null | undefined>;

export interface OpcionesSolicitud {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  parametros?: Parametros;
  cuerpo?: unknown;
  signal?: AbortSignal;
  /**
   * Qué hacer si la sesión no se puede recuperar tras un 401: `avisar` (por defecto) llama al
   * manejador de sesión expirada; `silencio` solo lanza el error (p. ej. `GET /api/auth/me`).
   */
  si401?: 'avisar' | 'silencio';
}

interface Configuracion {
  alExpirarSesion: () => void;
}

const configuracion: Configuracion = { alExpirarSesion: () => undefined };

/** La app registra aquí qué hacer cuando la sesión expiró (llevar a /login con un mensaje). */
export function configurarApiClient(opciones: Partial<Configuracion>): void {
  Object.assign(configuracion, opciones);
}

export function leerCookie(nombre: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const parte of document.cookie.split(';')) {
    const [clave, ...resto] = parte.trim().split('=');
    if (clave === nombre) return decodeURIComponent(resto.join('='));
  }
  return undefined;
}

export function construirUrl(ruta: string, parametros?: Parametros): string {
  const base = typeof window !== 'undefined' ? window.location.origin : 'http://localhost';
  const url = new URL(`${env.API_URL}${ruta}`, base);
  for (const [clave, valor] of Object.entries(parametros ?? {})) {
    if (valor !== undefined && valor !== null && valor !== '') url.searchParams.set(clave, String(valor));
  }
  return url.origin === base ? `${url.pathname}${url.search}` : url.toString();
}

const RUTA_REFRESCO = '/api/auth/refresh';
const RUTAS_SIN_REFRESCO = new Set(['/api/auth/login', RUTA_REFRESCO, '/api/auth/logout']);

async function enviar(ruta: string, opciones: OpcionesSolicitud): Promise<Response> {
  const metodo = opciones.method ?? 'GET';
  const cabeceras: Record<string, string> = { Accept: 'application/json' };
  if (opciones.cuerpo !== undefined) cabeceras['Content-Type'] = 'application/json';
  if (metodo !== 'GET') {
    // flask-jwt-extended (doble envío): el refresco se firma con su propia cookie CSRF.
    const cookie = ruta === RUTA_REFRESCO ? 'csrf_refresh_token' : 'csrf_access_token';
    const token = leerCookie(cookie);
    if (token) cabeceras['X-CSRF-TOKEN'] = token;
  }
  try {
    return await fetch(construirUrl(ruta, opciones.parametros), {
      method: metodo,
      headers: cabeceras,
      body: opciones.cuerpo === undefined ? undefined : JSON.stringify(opciones.cuerpo),
      credentials: 'same-origin',
      signal: opciones.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ErrorApi(0, 'sin_conexion', MENSAJE_RED);
  }
}

/** Convierte una respuesta no exitosa en `ErrorApi` leyendo `{"error": {...}}`. */
export async function errorDeRespuesta(respuesta: Response): Promise<ErrorApi> {
  let cuerpo: unknown = null;
  try {
    cuerpo = await respuesta.json();
  } catch {
    cuerpo = null;
  }
  const error = (cuerpo as Partial<CuerpoError> | null)?.error;
  if (error && typeof error.message === 'string') {
    return new ErrorApi(respuesta.status, String(error.code ?? 'error'), error.message, error.details ?? {});
  }
  return new ErrorApi(respuesta.status, 'error_http', MENSAJE_GENERICO);
}

let refrescoEnCurso: Promise<boolean> | null = null;

/**
 * El refresco rota el token y el servidor revoca la sesión si un token ya usado vuelve a llegar:
 * entre pestañas se hace de a uno (Web Locks), así la segunda ya envía la cookie nueva.
 */
function enviarRefresco(): Promise<Response> {
  const intento = () => enviar(RUTA_REFRESCO, { method: 'POST' });
  if (typeof navigator !== 'undefined' && 'locks' in navigator && navigator.locks) {
    return navigator.locks.request('sac-refresco-sesion', intento);
  }
  return intento();
}

/** Pide un token de acceso nuevo; las llamadas simultáneas comparten un solo intento. */
export function refrescarSesion(): Promise<boolean> {
  refrescoEnCurso ??= enviarRefresco()
    .then((respuesta) => respuesta.ok)
    .catch(() => false)
    .finally(() => {
      refrescoEnCurso = null;
    });
  return refrescoEnCurso;
}

/** Hace la petición; ante 401 refresca una vez y reintenta; si no se puede, avisa y lanza. */
async function solicitarRespuesta(ruta: string, opciones: OpcionesSolicitud = {}): Promise<Response> {
  let respuesta = await enviar(ruta, opciones);
  if (respuesta.status === 401 && !RUTAS_SIN_REFRESCO.has(ruta)) {
    if (await refrescarSesion()) respuesta = await enviar(ruta, opciones);
    if (respuesta.status === 401) {
      const error = await errorDeRespuesta(respuesta);
      if ((opciones.si401 ?? 'avisar') === 'avisar') configuracion.alExpirarSesion();
      throw error;
    }
  }
  if (!respuesta.ok) throw await errorDeRespuesta(respuesta);
  return respuesta;
}

/** Petición JSON: devuelve el cuerpo ya interpretado o lanza `ErrorApi`. */
export async function solicitar<T>(ruta: string, opciones: OpcionesSolicitud = {}): Promise<T> {
  const respuesta = await solicitarRespuesta(ruta, opciones);
  if (respuesta.status === 204) return undefined as T;
  return (await respuesta.json()) as T;
}

export interface ArchivoDescargado {
  blob: Blob;
  nombre: string;
  /** Filas de datos que lleva el archivo (encabezado `X-Total-Filas`), si el servidor lo dice. */
  filas?: number;
}

/** El encabezado `X-Total-Filas` de una descarga: cuántas filas de datos lleva el archivo. */
export function filasDeRespuesta(cabeceras: Headers): number | undefined {
  const valor = cabeceras.get('X-Total-Filas');
  if (valor === null || !/^\d+$/.test(valor.trim())) return undefined;
  return Number(valor.trim());
}

/** Nombre de archivo de `Content-Disposition` (`filename*=UTF-8''…` o `filename="…"`). */
export function nombreDeContentDisposition(cabecera: string | null, porDefecto: string): string {
  if (!cabecera) return porDefecto;
  const extendido = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(cabecera);
  if (extendido?.[1]) {
    try {
      return decodeURIComponent(extendido[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // cae al nombre simple
    }
  }
  const simple = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(cabecera);
  const nombre = (simple?.[2] ?? simple?.[1] ?? '').trim();
  return nombre || porDefecto;
}

/** Descarga un adjunto como blob (con las cookies de sesión) y el nombre que dio el servidor. */
export async function descargarArchivo(
  ruta: string,
  parametros: Parametros,
  nombrePorDefecto: string,
): Promise<ArchivoDescargado> {
  const respuesta = await solicitarRespuesta(ruta, { parametros });
  const nombre = nombreDeContentDisposition(respuesta.headers.get('Content-Disposition'), nombrePorDefecto);
  return { blob: await respuesta.blob(), nombre, filas: filasDeRespuesta(respuesta.headers) };
}

/** Entrega el blob al navegador como descarga, sin scripts en línea (apto para CSP estricta). */
export function guardarArchivo({ blob, nombre }: ArchivoDescargado): void {
  const url = URL.createObjectURL(blob);
  const enlace = document.createElement('a');
  enlace.href = url;
  enlace.download = nombre;
  enlace.rel = 'noopener';
  enlace.style.display = 'none';
  document.body.appendChild(enlace);
  enlace.click();
  enlace.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
