/** Nombre y apellido; una empresa (NIT) no tiene apellido. */
export function nombreCompleto(cliente: { nombre: string; apellido: string }): string {
  return [cliente.nombre, cliente.apellido].filter(Boolean).join(' ');
}
