import { useParams } from 'react-router';
import { Pagina } from '@/components/ui/pagina';
import { ListaChequeo } from '@/features/catalogo/components/lista-chequeo';
import { PaginaNoEncontrada } from './no-encontrada';

export function PaginaMiRutaEstablecimiento() {
  const { establecimientoId } = useParams();
  const id = Number(establecimientoId);
  if (!Number.isInteger(id) || id < 1) return <PaginaNoEncontrada />;
  return (
    <Pagina titulo="Portafolio del establecimiento" descripcion="Marque cada producto a medida que lo revisa en la visita.">
      <ListaChequeo key={id} establecimientoId={id} />
    </Pagina>
  );
}

export { PaginaMiRutaEstablecimiento as Component };
