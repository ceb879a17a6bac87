import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { esErrorApi, solicitar } from '@/lib/api-client';
import type { Credenciales, EstadoSesion, Usuario } from '../types';

export const CLAVE_SESION = ['auth', 'sesion'] as const;

interface RespuestaLogin {
  usuario: Usuario;
  // access_token y refresh_token también llegan, pero no se guardan: la sesión viaja en cookies httpOnly.
}

/** Sesión actual; un 401 (tras intentar refrescar) significa "sin sesión", no un error. */
export async function obtenerSesion(signal?: AbortSignal): Promise<EstadoSesion> {
  try {
    const usuario = await solicitar<Usuario>('/api/auth/me', { signal, si401: 'silencio' });
    return { usuario };
  } catch (error) {
    if (esErrorApi(error) && error.estado === 401) return { usuario: null };
    throw error;
  }
}

export async function iniciarSesion(credenciales: Credenciales): Promise<Usuario> {
  const respuesta = await solicitar<RespuestaLogin>('/api/auth/login', { method: 'POST', cuerpo: credenciales });
  return respuesta.usuario;
}

export async function cerrarSesion(): Promise<void> {
  try {
    await solicitar('/api/auth/logout', { method: 'POST' });
  } catch (error) {
    // Si ya no había sesión en el servidor, el resultado es el mismo.
    if (!(esErrorApi(error) && error.estado === 401)) throw error;
  }
}

export function useSesion() {
  return useQuery({
    queryKey: CLAVE_SESION,
    queryFn: ({ signal }) => obtenerSesion(signal),
    staleTime: Infinity,
    retry: false,
  });
}

/** Deja la caché como si la app acabara de abrir, con el estado de sesión dado. */
export function reiniciarCache(queryClient: QueryClient, estado: EstadoSesion): void {
  queryClient.cancelQueries();
  queryClient.removeQueries({ predicate: (consulta) => consulta.queryKey[0] !== CLAVE_SESION[0] });
  queryClient.setQueryData<EstadoSesion>(CLAVE_SESION, estado);
}

export function useIniciarSesion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: iniciarSesion,
    onSuccess: (usuario) => reiniciarCache(queryClient, { usuario }),
  });
}

export function useCerrarSesion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cerrarSesion,
    onSettled: () => reiniciarCache(queryClient, { usuario: null, motivo: 'cerrada' }),
  });
}
