import { NavLink } from '@mantine/core';
import { NavLink as EnlaceRuta, useLocation } from 'react-router';
import type { ConPermisos } from '@/lib/permisos';
import { entradasPara } from './entradas-menu';

export function MenuNavegacion({ usuario, alNavegar }: { usuario: ConPermisos; alNavegar?: () => void }) {
  const { pathname } = useLocation();
  return (
    <nav aria-label="Menú principal">
      {entradasPara(usuario).map((entrada) => {
        const activa = entrada.ruta === '/' ? pathname === '/' : pathname.startsWith(entrada.ruta);
        return (
          <NavLink
            key={entrada.ruta}
            component={EnlaceRuta}
            to={entrada.ruta}
            end={entrada.ruta === '/'}
            label={entrada.etiqueta}
            active={activa}
            aria-current={activa ? 'page' : undefined}
            onClick={alNavegar}
            fw={activa ? 700 : 500}
          />
        );
      })}
    </nav>
  );
}
