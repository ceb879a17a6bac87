import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { mensajeDeError } from '@/lib/api-client';
import { useEnviarFactura } from '../api/facturas';

/**
 * "Enviar por correo": el servidor deja el correo con el PDF en la bandeja de salida (202) y lo
 * manda al correo verificado del portal o, si no hay, al del cliente.
 */
export function BotonEnviarFactura({ numero, alEnviar }: { numero: string; alEnviar?: (mensaje: string) => void }) {
  const enviar = useEnviarFactura();
  return (
    <Button
      variant="default"
      size="xs"
      loading={enviar.isPending}
      aria-label={`Enviar la factura ${numero} por correo`}
      onClick={() =>
        enviar.mutate(numero, {
          onSuccess: () => {
            const mensaje = `La factura ${numero} quedó en la bandeja de salida para enviarse por correo.`;
            alEnviar?.(mensaje);
            notifications.show({ color: 'teal', title: 'Factura enviada', message: mensaje });
          },
          onError: (error) => {
            alEnviar?.(`No se pudo enviar la factura ${numero}: ${mensajeDeError(error)}`);
            notifications.show({ color: 'red', title: 'No se pudo enviar la factura', message: mensajeDeError(error) });
          },
        })
      }
    >
      Enviar por correo
    </Button>
  );
}
