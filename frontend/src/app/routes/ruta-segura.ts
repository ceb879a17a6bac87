/** `/login?volver=…` solo acepta rutas internas (evita redirecciones abiertas a otros sitios). */
export function rutaSegura(volver: string | null): string {
  if (!volver || !volver.startsWith('/') || volver.startsWith('//') || volver.startsWith('/\\')) return '/';
  return volver.startsWith('/login') ? '/' : volver;
}
