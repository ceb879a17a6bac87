import { useMemo } from 'react';
import { useSesion } from '@/features/auth/api/sesion';
import type { RanurasFicha } from '@/features/clientes/lib/ranuras-ficha';
import { NotasCliente } from '@/features/sac360/components/notas-cliente';
import { ResumenVistazo } from '@/features/sac360/components/resumen-vistazo';
import { RevelarDato } from '@/features/sac360/components/revelar-dato';
import { tienePermiso } from '@/lib/permisos';

/**
 * SAC 360 en la ficha del cliente, según los permisos del usuario: el cliente de un vistazo, el
 * botón «Revelar» junto a cada dato enmascarado (quien tiene `clientes.contacto_completo` ya lo ve
 * entero y no lo necesita) y las notas de llamadas.
 */
export function useRanurasSac360(): RanurasFicha {
  const usuario = useSesion().data?.usuario ?? null;
  const enmascarado = !tienePermiso(usuario, 'clientes.contacto_completo');
  const puedeRevelar = enmascarado && tienePermiso(usuario, 'clientes.revelar');
  const conNotas = tienePermiso(usuario, 'clientes.notas');
  const nombreUsuario = usuario?.usuario ?? null;
  return useMemo<RanurasFicha>(
    () => ({
      contacto: (cliente, campo, valor) => (
        <RevelarDato key={`${cliente.id}-${campo}`} clienteId={cliente.id} campo={campo} valor={valor} puedeRevelar={puedeRevelar} />
      ),
      vistazo: (cliente) => <ResumenVistazo clienteId={cliente.id} />,
      notas: conNotas ? (cliente) => <NotasCliente clienteId={cliente.id} usuarioActual={nombreUsuario} /> : undefined,
    }),
    [puedeRevelar, conNotas, nombreUsuario],
  );
}
