import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { Pagina } from '@/components/ui/pagina';
import { HistorialReportes } from '@/features/reportes/components/historial-reportes';

export function PaginaHistorialReportes() {
  return (
    <Pagina
      titulo="Historial de reportes"
      descripcion="Cada reporte de fidelización generado como archivo (pantalla, API, línea de comandos o envío programado), con su archivo exacto."
      acciones={
        <Anchor component={Link} to="/reportes/fidelizacion" size="sm">
          Ir al reporte de fidelización
        </Anchor>
      }
    >
      <HistorialReportes />
    </Pagina>
  );
}

export { PaginaHistorialReportes as Component };
