import { lazy, Suspense } from 'react';
import { IndicadorCarga } from '@/components/ui/indicador-carga';
import { Pagina } from '@/components/ui/pagina';
import { useSesion } from '@/features/auth/api/sesion';
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

export function PaginaConsulta() {
  const usuario = useSesion().data?.usuario;
  const conContratos = tienePermiso(usuario, 'cuponeras.consultar');
  const ranuras = useRanurasSac360();
  return (
    <Pagina titulo="Consulta de cliente" descripcion="Busque por tipo y número de documento.">
      <ContextoRanurasFicha value={ranuras}>
        <ConsultaCliente extra={conContratos ? (cliente) => <SeccionContratos cliente={cliente} /> : undefined} />
      </ContextoRanurasFicha>
    </Pagina>
  );
}
