import { Pagina } from '@/components/ui/pagina';
import { ConsultaCliente } from '@/features/clientes/components/consulta-cliente';

export function PaginaConsulta() {
  return (
    <Pagina titulo="Consulta de cliente" descripcion="Busque por tipo y número de documento.">
      <ConsultaCliente />
    </Pagina>
  );
}
