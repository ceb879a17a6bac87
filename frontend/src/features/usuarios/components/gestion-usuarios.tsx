import { Badge, Button, Group, Modal, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { AlertaError } from '@/components/ui/alerta-error';
import { IndicadorCarga } from '@/components/ui/indicador-carga';
import { TablaDesplazable } from '@/components/ui/tabla-desplazable';
import { ConteoFilas } from '@/components/ui/conteo-filas';
import { mensajeDeError } from '@/lib/api-client';
import { formatoFecha } from '@/lib/formato';
import { esRol, nombreRol, NOMBRE_ROL } from '@/lib/roles';
import { useCambiarUsuario, useUsuarios } from '../api/usuarios';
import { ROLES_ASIGNABLES, type CambioUsuario, type UsuarioSistema } from '../types';
import { FormularioUsuario } from './formulario-usuario';

/** Los roles asignables y, si el usuario tiene otro (de un módulo futuro), también el suyo. */
function opcionesRol(actual: string) {
  const roles: string[] = ROLES_ASIGNABLES.includes(actual as never) ? ROLES_ASIGNABLES : [...ROLES_ASIGNABLES, actual];
  return roles.map((rol) => ({ value: rol, label: nombreRol(rol) }));
}

interface GestionUsuariosProps {
  /** Login de quien administra: no puede quitarse a sí mismo el rol ni desactivarse. */
  usuarioActual?: string;
}

export function GestionUsuarios({ usuarioActual }: GestionUsuariosProps) {
  const usuarios = useUsuarios();
  const cambiar = useCambiarUsuario();
  const [creando, setCreando] = useState(false);

  const aplicar = (usuario: UsuarioSistema, cambio: CambioUsuario, exito: string) =>
    cambiar.mutate(
      { id: usuario.id, cambio },
      {
        onSuccess: () => notifications.show({ color: 'teal', title: 'Usuario actualizado', message: exito }),
        onError: (error) => notifications.show({ color: 'red', title: 'No se pudo actualizar', message: mensajeDeError(error) }),
      },
    );

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <IndicadorCarga cargando={usuarios.isFetching} />
        <Button onClick={() => setCreando(true)}>Nuevo usuario</Button>
      </Group>
      {usuarios.isError ? <AlertaError error={usuarios.error} titulo="No se pudieron cargar los usuarios" /> : null}
      {usuarios.data ? <ConteoFilas total={usuarios.data.length} unidad={['usuario', 'usuarios']} /> : null}
      {usuarios.data ? (
        <TablaDesplazable etiqueta="Usuarios (tabla desplazable)" anchoMinimo={720}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-label="Usuarios del sistema">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Usuario</Table.Th>
                <Table.Th scope="col">Nombre</Table.Th>
                <Table.Th scope="col">Rol</Table.Th>
                <Table.Th scope="col">Estado</Table.Th>
                <Table.Th scope="col">Creado</Table.Th>
                <Table.Th scope="col">Acciones</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {usuarios.data.map((usuario) => {
                const esUnoMismo = usuario.usuario === usuarioActual;
                return (
                  <Table.Tr key={usuario.id}>
                    <Table.Td ff="monospace">{usuario.usuario}</Table.Td>
                    <Table.Td>
                      {usuario.nombre}
                      {usuario.zona ? (
                        <Text size="xs" c="dimmed">
                          Zona {usuario.zona}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <NativeSelect
                        aria-label={`Rol de ${usuario.usuario}`}
                        size="xs"
                        value={usuario.rol}
                        disabled={esUnoMismo || cambiar.isPending}
                        data={opcionesRol(usuario.rol)}
                        onChange={(e) => {
                          const rol = e.currentTarget.value;
                          if (esRol(rol)) aplicar(usuario, { rol }, `${usuario.usuario} ahora es ${NOMBRE_ROL[rol]}.`);
                        }}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Badge color={usuario.activo ? '#1b5e20' : '#495057'} variant="filled" tt="none">
                        {usuario.activo ? 'Activo' : 'Inactivo'}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{formatoFecha(usuario.creado_en)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant={usuario.activo ? 'outline' : 'light'}
                        color={usuario.activo ? 'red' : 'rio'}
                        disabled={esUnoMismo || cambiar.isPending}
                        aria-label={`${usuario.activo ? 'Desactivar' : 'Activar'} a ${usuario.usuario}`}
                        onClick={() =>
                          aplicar(
                            usuario,
                            { activo: !usuario.activo },
                            `${usuario.usuario} quedó ${usuario.activo ? 'inactivo' : 'activo'}.`,
                          )
                        }
                      >
                        {usuario.activo ? 'Desactivar' : 'Activar'}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TablaDesplazable>
      ) : null}
      {usuarios.data?.length === 0 ? <Text c="dimmed">No hay usuarios.</Text> : null}
      <Modal opened={creando} onClose={() => setCreando(false)} title="Nuevo usuario" centered>
        <FormularioUsuario
          alCancelar={() => setCreando(false)}
          alCrear={(usuario) => {
            setCreando(false);
            notifications.show({ color: 'teal', title: 'Usuario creado', message: `${usuario.usuario} (${nombreRol(usuario.rol)})` });
          }}
        />
      </Modal>
    </Stack>
  );
}
