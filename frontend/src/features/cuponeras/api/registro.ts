import { useMutation } from '@tanstack/react-query';
import { solicitar } from '@/lib/api-client';
import type { DatosRegistro, RegistroPendiente } from '../types';

export function registrar(datos: DatosRegistro): Promise<RegistroPendiente> {
  return solicitar<RegistroPendiente>('/api/auth/registro', { method: 'POST', cuerpo: datos, si401: 'silencio' });
}

export function verificarCorreo(token: string): Promise<unknown> {
  return solicitar('/api/auth/verificar', { method: 'POST', cuerpo: { token }, si401: 'silencio' });
}

export function useRegistro() {
  return useMutation({ mutationFn: registrar });
}

export function useVerificarCorreo() {
  return useMutation({ mutationFn: verificarCorreo });
}
