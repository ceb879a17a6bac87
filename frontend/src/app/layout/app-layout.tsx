import { Anchor, AppShell, Burger, Button, Group, Loader, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { BotonAtajos, ProveedorAtajos } from '@/components/ui/atajos-teclado';
import { useCerrarSesion } from '@/features/auth/api/sesion';
import type { Usuario } from '@/features/auth/types';
import { ContadorNotificaciones } from '@/features/cuponeras/components/contador-notificaciones';
import { tienePermiso } from '@/lib/permisos';
import { nombreRol } from '@/lib/roles';
import { MenuNavegacion } from './menu-navegacion';

/** Encabezado con el usuario y "Cerrar sesión", menú según los permisos y el contenido de la ruta. */
export function AppLayout({ usuario }: { usuario: Usuario }) {
  const contenido = <Disposicion usuario={usuario} />;
  // Los atajos del SAC (contrato M10) valen en toda pantalla de quien consulta clientes.
  return tienePermiso(usuario, 'clientes.consultar') ? <ProveedorAtajos rutaBusqueda="/">{contenido}</ProveedorAtajos> : contenido;
}

function Disposicion({ usuario }: { usuario: Usuario }) {
  const [abierto, { toggle, close }] = useDisclosure(false);
  const cerrar = useCerrarSesion();

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !abierto } }} padding="lg">
      <Anchor href="#contenido" className="saltar-al-contenido">
        Saltar al contenido
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={abierto} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={abierto ? 'Cerrar menú' : 'Abrir menú'} />
            <Text fw={700} fz="lg" c="rio.9">
              SAC Ríos del Desierto
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {tienePermiso(usuario, 'cuponeras.portal') ? <ContadorNotificaciones /> : null}
            <BotonAtajos />
            <Text size="sm" visibleFrom="xs" data-testid="usuario-actual">
              {usuario.nombre} · <strong>{nombreRol(usuario.rol)}</strong>
            </Text>
            <Button variant="default" size="xs" onClick={() => cerrar.mutate()} loading={cerrar.isPending}>
              Cerrar sesión
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <MenuNavegacion usuario={usuario} alNavegar={close} />
      </AppShell.Navbar>
      <AppShell.Main id="contenido" tabIndex={-1}>
        <Suspense fallback={<Loader aria-label="Cargando la página" />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
