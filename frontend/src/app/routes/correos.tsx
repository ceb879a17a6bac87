import { Pagina } from '@/components/ui/pagina';
import { BandejaCorreos } from '@/features/correos/components/bandeja-correos';

export function PaginaCorreos() {
  return (
    <Pagina titulo="Bandeja de salida" descripcion="Correos del sistema, el más reciente primero: pendientes, enviados y fallidos.">
      <BandejaCorreos />
    </Pagina>
  );
}

export { PaginaCorreos as Component };
