import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { Pagina } from '@/components/ui/pagina';
import { ProveedorFechas } from '@/components/ui/proveedor-fechas';
import { useSesion } from '@/features/auth/api/sesion';
import { ReporteFidelizacion } from '@/features/reportes/components/reporte-fidelizacion';
import { tienePermiso } from '@/lib/permisos';

export function PaginaReporteFidelizacion() {
  const usuario = useSesion().data?.usuario;
  return (
    <Pagina
      titulo="Reporte de fidelización"
      descripcion="Clientes cuyas compras pagadas del mes superan el umbral (hora de Bogotá)."
      acciones={
        tienePermiso(usuario, 'reportes.historial') ? (
          <Anchor component={Link} to="/reportes/historial" size="sm">
            Ver el historial de reportes generados
          </Anchor>
        ) : null
      }
    >
      <ProveedorFechas>
        <ReporteFidelizacion />
      </ProveedorFechas>
    </Pagina>
  );
}

export { PaginaReporteFidelizacion as Component };
