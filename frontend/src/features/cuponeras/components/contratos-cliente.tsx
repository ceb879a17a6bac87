import { Alert, Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useBuscarContrato } from '../api/contratos';
import { rutas } from '../lib/etiquetas';
import type { Titular } from '../types';
import { FormularioContrato } from './buscar-contrato';
import { ContratoSac } from './detalle-contrato';

/** Aviso si el contrato buscado no es de este cliente (el agente puede haberse equivocado de número). */
function AvisoTitular({ numero, cliente }: { numero: string; cliente: Pick<Titular, 'tipo_documento' | 'numero_documento'> }) {
  const contrato = useBuscarContrato(numero);
  const titular = contrato.data?.titular ?? contrato.data?.cliente;
  if (!titular) return null;
  if (titular.tipo_documento === cliente.tipo_documento && titular.numero_documento === cliente.numero_documento) return null;
  return (
    <Alert color="rio" variant="light" role="status" title="El contrato es de otro titular">
      El contrato {numero} pertenece a {titular.tipo_documento} {titular.numero_documento}, no a este cliente.
    </Alert>
  );
}

/**
 * Sección de la ficha del cliente (SAC): el contrato que el cliente dicta en la llamada, con sus
 * facturas, el cupón y el historial. El contrato de la API no da una lista de contratos por
 * cliente, así que se busca por número.
 */
export function ContratosCliente({ cliente }: { cliente: Pick<Titular, 'tipo_documento' | 'numero_documento'> }) {
  const [numero, setNumero] = useState<string | null>(null);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="titulo-contratos-cliente">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4" id="titulo-contratos-cliente">
            Contratos y cupones
          </Title>
          <Text size="sm" c="dimmed">
            Pídale al cliente el número de contrato (aparece en su factura).
          </Text>
        </div>
        <FormularioContrato alBuscar={setNumero} />
        {numero ? (
          <Stack gap="md" key={numero}>
            <AvisoTitular numero={numero} cliente={cliente} />
            <ContratoSac numero={numero} nivelTitulo={3} />
            <Anchor component={Link} to={rutas('sac').contrato(numero)} size="sm">
              Abrir el contrato {numero} en su página
            </Anchor>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
