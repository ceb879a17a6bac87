import { Pagina } from '@/components/ui/pagina';
import { ProveedorFechas } from '@/components/ui/proveedor-fechas';
import { RegistroAuditoria } from '@/features/usuarios/components/registro-auditoria';

export function PaginaAuditoria() {
  return (
    <Pagina titulo="Auditoría" descripcion="Quién consultó, exportó o descargó qué, cuándo y desde dónde.">
      <ProveedorFechas>
        <RegistroAuditoria />
      </ProveedorFechas>
    </Pagina>
  );
}

export { PaginaAuditoria as Component };
