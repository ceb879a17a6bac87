import { Alert, List } from '@mantine/core';

/** Lo que el servidor respondió y no corresponde a un campo visible del formulario. */
export function MensajesFormulario({ mensajes, titulo = 'No se pudo guardar' }: { mensajes: string[]; titulo?: string }) {
  if (mensajes.length === 0) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={titulo}>
      {mensajes.length === 1 ? (
        mensajes[0]
      ) : (
        <List size="sm">
          {mensajes.map((mensaje) => (
            <List.Item key={mensaje}>{mensaje}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
