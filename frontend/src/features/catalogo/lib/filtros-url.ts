import { useSearchParams } from 'react-router';

/** Espera tras la última tecla antes de buscar (no una petición por letra). */
export const RETRASO_BUSQUEDA_MS = 300;

/**
 * Filtros de una lista guardados en la URL (se pueden compartir y el botón Atrás los recupera):
 * los campos de texto dados más `pagina`, que vuelve a 1 cada vez que cambia un filtro.
 */
export function useFiltrosUrl<C extends string>(campos: readonly C[]) {
  const [parametros, setParametros] = useSearchParams();
  const sinPagina: Partial<Record<C, string>> = {};
  for (const campo of campos) {
    const valor = parametros.get(campo);
    if (valor) sinPagina[campo] = valor;
  }
  const filtros = { ...sinPagina, pagina: Math.max(1, Number(parametros.get('pagina')) || 1) };

  const aplicar = (nuevos: Partial<Record<C, string>>, pagina = 1, reemplazar = false) => {
    const limpios: Record<string, string> = {};
    for (const campo of campos) {
      const valor = (nuevos[campo] ?? '').trim();
      if (valor) limpios[campo] = valor;
    }
    if (pagina > 1) limpios.pagina = String(pagina);
    setParametros(limpios, { replace: reemplazar });
  };

  return {
    filtros,
    /** Cambia filtros (vuelve a la página 1); `reemplazar` no deja una entrada por tecla en el historial. */
    filtrar: (cambios: Partial<Record<C, string>>, reemplazar = false) =>
      aplicar({ ...sinPagina, ...cambios }, 1, reemplazar),
    irAPagina: (pagina: number) => aplicar(sinPagina, pagina),
    sinPagina,
    clave: parametros.toString(),
  };
}
