import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { solicitar } from '@/lib/api-client';
import type { CambioUsuario, NuevoUsuario, UsuarioSistema } from '../types';

export const CLAVE_USUARIOS = ['usuarios'] as const;

export function listarUsuarios(signal?: AbortSignal): Promise<UsuarioSistema[]> {
  return solicitar<UsuarioSistema[]>('/api/usuarios', { signal });
}

export function crearUsuario(datos: NuevoUsuario): Promise<UsuarioSistema> {
  return solicitar<UsuarioSistema>('/api/usuarios', { method: 'POST', cuerpo: datos });
}

export function cambiarUsuario(id: number, cambio: CambioUsuario): Promise<UsuarioSistema> {
  return solicitar<UsuarioSistema>(`/api/usuarios/${id}`, { method: 'PATCH', cuerpo: cambio });
}

export function useUsuarios() {
  return useQuery({ queryKey: CLAVE_USUARIOS, queryFn: ({ signal }) => listarUsuarios(signal) });
}

function reemplazar(lista: UsuarioSistema[] | undefined, usuario: UsuarioSistema): UsuarioSistema[] {
  const actual = lista ?? [];
  return actual.some((u) => u.id === usuario.id) ? actual.map((u) => (u.id === usuario.id ? usuario : u)) : [...actual, usuario];
}

export function useCrearUsuario() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: crearUsuario,
    onSuccess: (usuario) => {
      queryClient.setQueryData<UsuarioSistema[]>(CLAVE_USUARIOS, (lista) => reemplazar(lista, usuario));
      void queryClient.invalidateQueries({ queryKey: CLAVE_USUARIOS });
    },
  });
}

export function useCambiarUsuario() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, cambio }: { id: number; cambio: CambioUsuario }) => cambiarUsuario(id, cambio),
    onSuccess: (usuario) => {
      queryClient.setQueryData<UsuarioSistema[]>(CLAVE_USUARIOS, (lista) => reemplazar(lista, usuario));
    },
  });
}
