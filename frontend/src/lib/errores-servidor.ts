import { esErrorApi, mensajeDeError } from '@/lib/api-client';

/**
 * Errores del servidor repartidos en el formulario: el 422 por campo (`details.campos`), el 409
 * en el campo de la llave que chocó, y lo demás (o un campo que el formulario no muestra) arriba.
 */
export function erroresServidor<C extends string>(error: unknown, campos: readonly C[], campoConflicto?: C) {
  const api = esErrorApi(error) ? error : null;
  const deCampo = (campo: C): string | undefined => {
    if (!api) return undefined;
    if (campo === campoConflicto && api.estado === 409) return api.message;
    return api.motivoDe(campo);
  };
  const enCampos = campos.some((campo) => deCampo(campo));
  const otros = api
    ? Object.entries(api.campos)
        .filter(([campo]) => !(campos as readonly string[]).includes(campo))
        .flatMap(([, motivos]) => motivos)
    : [];
  /** Mensaje general: el del servidor si ningún campo lo explica, más los motivos sin campo. */
  const general = error && !enCampos ? [mensajeDeError(error), ...otros] : otros;
  return { deCampo, general };
}
