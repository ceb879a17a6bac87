import { NavLink } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { ConPermisos } from '@/lib/permisos';
import { entradaActiva, entradasPara } from './entradas-menu';

export function MenuNavegacion({ usuario, alNavegar }: { usuario: ConPermisos; alNavegar?: () => void }) {
  const { pathname } = useLocation();
  const entradas = entradasPara(usuario);
  const actual = entradaActiva(entradas, pathname);
  return (
    <nav aria-label="Menú principal">
      {entradas.map((entrada) => {
        const activa = entrada === actual;
        return (
          <NavLink
            key={entrada.ruta}
            component={Link}
            to={entrada.ruta}
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
