import { Pagina } from '@/components/ui/pagina';
import { MonitorEntregas } from '@/features/entregas/components/monitor-entregas';

export function PaginaMonitorEntregas() {
  return (
    <Pagina titulo="Monitor de entregas" descripcion="Pedidos entregados de Cargo Express en vivo: repartidores, productos y el retraso de registro.">
      <MonitorEntregas />
    </Pagina>
  );
}

export { PaginaMonitorEntregas as Component };
