import { Stack } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { IndicadorCarga } from '@/components/ui/indicador-carga';
import { Pagina } from '@/components/ui/pagina';
import { useSesion } from '@/features/auth/api/sesion';
import { CajaBusqueda } from '@/features/busqueda/components/caja-busqueda';
import { ClientesRecientes } from '@/features/busqueda/components/clientes-recientes';
import type { DocumentoCliente } from '@/features/busqueda/types';
import { ConsultaCliente } from '@/features/clientes/components/consulta-cliente';
import { ContextoRanurasFicha } from '@/features/clientes/lib/ranuras-ficha';
import type { Cliente } from '@/features/clientes/types';
import { tienePermiso } from '@/lib/permisos';
import { useRanurasSac360 } from './consulta-sac360';

// Los contratos (M6) se cargan al mostrar la ficha: la consulta sigue siendo liviana.
const ContratosCliente = lazy(() =>
  import('@/features/cuponeras/components/contratos-cliente').then((m) => ({ default: m.ContratosCliente })),
);

function SeccionContratos({ cliente }: { cliente: Cliente }) {
  return (
    <Suspense fallback={<IndicadorCarga cargando texto="Cargando los contratos…" />}>
      <ContratosCliente key={cliente.id} cliente={cliente} />
    </Suspense>
  );
}

/** Abrir un cliente es siempre la consulta por documento de la URL (`?tipo=&numero=`). */
const parametrosDe = ({ tipo, numero }: DocumentoCliente) => new URLSearchParams({ tipo, numero });

export function PaginaConsulta() {
  const usuario = useSesion().data?.usuario;
  const [, setParametros] = useSearchParams();
  const conContratos = tienePermiso(usuario, 'cuponeras.consultar');
  const ranuras = useRanurasSac360();
  return (
    <Pagina titulo="Consulta de cliente" descripcion="Busque por documento, teléfono, correo o nombre, o por tipo y número de documento.">
      <Stack gap="lg">
        <CajaBusqueda alElegir={(documento) => setParametros(parametrosDe(documento))} />
        <ClientesRecientes enlaceDe={(documento) => `/?${parametrosDe(documento).toString()}`} />
        <ContextoRanurasFicha value={ranuras}>
          <ConsultaCliente extra={conContratos ? (cliente) => <SeccionContratos cliente={cliente} /> : undefined} />
        </ContextoRanurasFicha>
      </Stack>
    </Pagina>
  );
}
