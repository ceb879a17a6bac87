import { Pagina } from '@/components/ui/pagina';
import { ProveedorFechas } from '@/components/ui/proveedor-fechas';
import { ReporteFidelizacion } from '@/features/reportes/components/reporte-fidelizacion';

export function PaginaReporteFidelizacion() {
  return (
    <Pagina
      titulo="Reporte de fidelización"
      descripcion="Clientes cuyas compras pagadas del mes superan el umbral (hora de Bogotá)."
    >
      <ProveedorFechas>
        <ReporteFidelizacion />
      </ProveedorFechas>
    </Pagina>
  );
}

export { PaginaReporteFidelizacion as Component };
