import { useSearchParams } from 'react-router';

/**
 * Los filtros y la página de una lista viven en la URL (se comparten y sobreviven a recargar):
 * `cambiar({ tipo: 'x', pagina: '' })` pone los no vacíos y quita los vacíos, sin tocar el resto.
 */
export function useFiltrosUrl() {
  const [parametros, setParametros] = useSearchParams();
  const cambiar = (cambios: Record<string, string>) => {
    const nuevos = new URLSearchParams(parametros);
    for (const [clave, valor] of Object.entries(cambios)) {
      if (valor) nuevos.set(clave, valor);
      else nuevos.delete(clave);
    }
    setParametros(nuevos);
  };
  /** `?pagina=` como número de 1 en adelante (1 si falta o no es válido). */
  const pagina = Math.max(1, Math.trunc(Number(parametros.get('pagina'))) || 1);
  return { parametros, cambiar, pagina };
}
