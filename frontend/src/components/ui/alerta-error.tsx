import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { mensajeDeError } from '@/lib/api-client';

interface AlertaErrorProps {
  error: unknown;
  titulo?: string;
  children?: ReactNode;
}

/** Muestra el mensaje en español que envió el servidor (o uno genérico si no hubo respuesta). */
export function AlertaError({ error, titulo = 'No se pudo completar la operación', children }: AlertaErrorProps) {
  return (
    <Alert color="red" variant="light" title={titulo} role="alert">
      {mensajeDeError(error)}
      {children}
    </Alert>
  );
}
