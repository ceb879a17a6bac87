import { InsigniaEstado } from '@/components/ui/insignia-estado';
import { nombreEstado, tonoEstado } from '../lib/etiquetas';

/** Estado de un contrato, factura, cupón o beneficio. */
export function Estado({ estado }: { estado: string }) {
  return <InsigniaEstado etiqueta={nombreEstado(estado)} tono={tonoEstado(estado)} valor={estado} />;
}
