import { useCallback, useState } from 'react';

/**
 * Las casillas marcadas de una lista de chequeo, guardadas solo en este navegador (no van al
 * servidor): una visita a medias sobrevive a recargar o a volver a la ruta. La clave incluye el
 * día, así cada visita empieza en blanco.
 */
export function useChequeoLocal(clave: string) {
  const leer = (): string[] => {
    try {
      const guardado = window.localStorage.getItem(clave);
      const lista: unknown = guardado ? JSON.parse(guardado) : [];
      return Array.isArray(lista) ? lista.map(String) : [];
    } catch {
      return [];
    }
  };
  const [marcados, setMarcados] = useState<Set<string>>(() => new Set(leer()));

  const guardar = useCallback(
    (siguiente: Set<string>) => {
      setMarcados(siguiente);
      try {
        window.localStorage.setItem(clave, JSON.stringify([...siguiente]));
      } catch {
        // Sin almacenamiento (modo privado lleno): la lista funciona igual, solo no se recuerda.
      }
    },
    [clave],
  );

  const alternar = (codigo: string, marcado: boolean) => {
    const siguiente = new Set(marcados);
    if (marcado) siguiente.add(codigo);
    else siguiente.delete(codigo);
    guardar(siguiente);
  };

  return { marcados, alternar, limpiar: () => guardar(new Set()) };
}
