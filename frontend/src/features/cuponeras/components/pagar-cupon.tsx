import { Alert, Anchor, Button, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { mensajeDeError } from '@/lib/api-client';
import { formatoCop } from '@/lib/formato';
import { usePagar } from '../api/cupones';
import { rutas } from '../lib/etiquetas';
import type { Cupon } from '../types';

/** Referencia del pago (el id de la transacción del pagador), única por cupón y por intento de pago. */
function nuevaReferencia(): string {
  return `portal-${crypto.randomUUID()}`;
}

/**
 * Pago simulado desde el portal. La referencia se genera una vez al abrir el cupón: si la
 * respuesta se pierde y la persona vuelve a intentar, el servidor reconoce el mismo pago (200).
 */
export function PagarCupon({ cupon }: { cupon: Cupon }) {
  const pagar = usePagar();
  const [referencia] = useState(nuevaReferencia);
  const facturas = cupon.facturas;

  if (pagar.isSuccess) {
    return (
      <Alert color="rio" variant="light" role="status" title="Pago aplicado">
        <Stack gap={4}>
          <Text size="sm">
            Pagó {formatoCop(cupon.valor)} con el cupón {cupon.numero}. Le enviamos el comprobante por correo.
          </Text>
          <Text size="sm">Facturas pagadas:</Text>
          <List size="sm">
            {facturas.map((f) => (
              <List.Item key={f.numero_factura}>
                <Anchor component={Link} to={rutas('portal').factura(f.numero_factura)} underline="always">
                  Ver la factura {f.numero_factura}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Stack>
      </Alert>
    );
  }
  if (cupon.estado !== 'emitido') return null;

  return (
    <Stack gap="xs">
      {pagar.isError ? (
        <Alert color="red" variant="light" role="alert" title="No se pudo aplicar el pago">
          {mensajeDeError(pagar.error)}
        </Alert>
      ) : null}
      <div>
        <Button
          color="teal"
          loading={pagar.isPending}
          onClick={() => pagar.mutate({ numero_cupon: cupon.numero, valor: cupon.valor, canal: 'portal', referencia })}
        >
          Pagar {formatoCop(cupon.valor)} (simulado)
        </Button>
      </div>
      <Text size="xs" c="dimmed">
        Pago de demostración: no se cobra nada; el cupón y sus facturas quedan pagados.
      </Text>
    </Stack>
  );
}
