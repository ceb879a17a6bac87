import { Badge, Button, Code, Group, NativeSelect, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { AlertaError } from '@/components/ui/alerta-error';
import { AnuncioVivo } from '@/components/ui/anuncio-vivo';
import { IndicadorCarga } from '@/components/ui/indicador-carga';
import { Paginacion } from '@/components/ui/paginacion';
import { TablaDesplazable } from '@/components/ui/tabla-desplazable';
import { ConteoFilas } from '@/components/ui/conteo-filas';
import { useTiposDocumento } from '@/hooks/use-tipos-documento';
import { esErrorApi } from '@/lib/api-client';
import { formatoEntero, formatoFechaHora } from '@/lib/formato';
import { useAuditoria } from '../api/auditoria';
import type { FiltrosAuditoria, RegistroAuditoria as Registro } from '../types';

const ACCIONES: Record<string, string> = {
  consulta: 'Consulta de cliente',
  exportacion: 'Exportación de ficha',
  reporte_fidelizacion: 'Reporte de fidelización (Excel)',
  reporte_resumen: 'Vista previa del reporte',
  reporte_fidelizacion_envio: 'Reporte de fidelización enviado por correo',
  importacion: 'Importación de datos',
  depuracion_auditoria: 'Depuración de la auditoría',
  busqueda: 'Búsqueda de clientes',
  resumen: 'Resumen de cliente',
  revelar: 'Dato revelado (con motivo)',
};

const RESULTADOS: Record<string, { etiqueta: string; color: string }> = {
  ok: { etiqueta: 'Correcto', color: '#1b5e20' },
  no_encontrado: { etiqueta: 'No encontrado', color: '#7a4100' },
  datos_invalidos: { etiqueta: 'Datos inválidos', color: '#b71c1c' },
  prohibido: { etiqueta: 'Sin permiso', color: '#b71c1c' },
  conflicto: { etiqueta: 'Conflicto', color: '#7a4100' },
};

const CAMPOS_TEXTO = ['usuario', 'desde', 'hasta', 'tipo_documento', 'numero_documento', 'accion'] as const;
type CampoFiltro = (typeof CAMPOS_TEXTO)[number];

function filtrosDeUrl(parametros: URLSearchParams): FiltrosAuditoria {
  const filtros: FiltrosAuditoria = { pagina: Math.max(1, Number(parametros.get('pagina')) || 1) };
  for (const campo of CAMPOS_TEXTO) {
    const valor = parametros.get(campo);
    if (valor) filtros[campo] = valor;
  }
  return filtros;
}

function describirParametros(parametros: Record<string, unknown> | null): string {
  if (!parametros) return '—';
  const partes = Object.entries(parametros)
    .filter(([, valor]) => valor !== null && valor !== undefined && valor !== '')
    .map(([clave, valor]) => `${clave}=${typeof valor === 'object' ? JSON.stringify(valor) : String(valor)}`);
  return partes.length ? partes.join(' · ') : '—';
}

function Resultado({ registro }: { registro: Registro }) {
  const info = RESULTADOS[registro.resultado] ?? { etiqueta: registro.resultado, color: '#495057' };
  return (
    <Badge color={info.color} variant="filled" tt="none" title={registro.estado_http ? `HTTP ${registro.estado_http}` : undefined}>
      {info.etiqueta}
    </Badge>
  );
}

interface FormularioFiltrosProps {
  inicial: FiltrosAuditoria;
  errorServidor?: (campo: string) => string | undefined;
  alFiltrar: (filtros: Partial<Record<CampoFiltro, string>>) => void;
}

function FormularioFiltros({ inicial, errorServidor = () => undefined, alFiltrar }: FormularioFiltrosProps) {
  const tipos = useTiposDocumento();
  const [valores, setValores] = useState<Partial<Record<CampoFiltro, string>>>(() => {
    const { pagina: _pagina, ...resto } = inicial;
    return resto;
  });
  const cambiar = (campo: CampoFiltro, valor: string | null) => setValores((v) => ({ ...v, [campo]: valor ?? '' }));

  const enviar = (evento: FormEvent<HTMLFormElement>) => {
    evento.preventDefault();
    alFiltrar(valores);
  };

  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={enviar} noValidate aria-label="Filtros de la auditoría">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput label="Usuario" value={valores.usuario ?? ''} onChange={(e) => cambiar('usuario', e.currentTarget.value)} w={150} error={errorServidor('usuario')} />
          <DatePickerInput
            label="Desde"
            value={valores.desde || null}
            onChange={(v) => cambiar('desde', v)}
            valueFormat="DD/MM/YYYY"
            clearable
            clearButtonProps={{ 'aria-label': 'Borrar fecha desde' }}
            maxDate={valores.hasta || undefined}
            w={150}
            error={errorServidor('desde')}
          />
          <DatePickerInput
            label="Hasta"
            value={valores.hasta || null}
            onChange={(v) => cambiar('hasta', v)}
            valueFormat="DD/MM/YYYY"
            clearable
            clearButtonProps={{ 'aria-label': 'Borrar fecha hasta' }}
            minDate={valores.desde || undefined}
            w={150}
            error={errorServidor('hasta')}
          />
          <NativeSelect
            label="Tipo de documento"
            value={valores.tipo_documento ?? ''}
            onChange={(e) => cambiar('tipo_documento', e.currentTarget.value)}
            data={[{ value: '', label: 'Todos' }, ...(tipos.data ?? []).map((t) => ({ value: t.codigo, label: t.codigo }))]}
            w={140}
            error={errorServidor('tipo_documento')}
          />
          <TextInput
            label="Número de documento"
            value={valores.numero_documento ?? ''}
            onChange={(e) => cambiar('numero_documento', e.currentTarget.value)}
            w={180}
            error={errorServidor('numero_documento')}
          />
          <NativeSelect
            label="Acción"
            value={valores.accion ?? ''}
            onChange={(e) => cambiar('accion', e.currentTarget.value)}
            data={[{ value: '', label: 'Todas' }, ...Object.entries(ACCIONES).map(([value, label]) => ({ value, label }))]}
            w={230}
          />
          <Button type="submit">Filtrar</Button>
        </Group>
      </form>
    </Paper>
  );
}

/** Quién consultó, exportó o descargó qué, cuándo y desde dónde (solo lectura). */
export function RegistroAuditoria() {
  const [parametros, setParametros] = useSearchParams();
  const filtros = filtrosDeUrl(parametros);
  const auditoria = useAuditoria(filtros);
  const error = esErrorApi(auditoria.error) ? auditoria.error : null;
  const datos = auditoria.data;

  const irA = (nuevos: Partial<Record<CampoFiltro, string>>, pagina = 1) => {
    const limpios: Record<string, string> = {};
    for (const [clave, valor] of Object.entries(nuevos)) if (valor) limpios[clave] = valor;
    if (pagina > 1) limpios.pagina = String(pagina);
    setParametros(limpios);
  };
  const { pagina: _pagina, ...filtrosSinPagina } = filtros;

  return (
    <Stack gap="md">
      <FormularioFiltros
        key={parametros.toString()}
        inicial={filtros}
        errorServidor={(campo) => error?.motivoDe(campo)}
        alFiltrar={(nuevos) => irA(nuevos)}
      />
      <AnuncioVivo mensaje={auditoria.isFetching ? 'Cargando registros…' : datos ? `${formatoEntero(datos.total)} registros` : ''} />
      <Group justify="space-between">
        <IndicadorCarga cargando={auditoria.isFetching} />
        {datos ? (
          <ConteoFilas total={datos.total} mostradas={datos.items.length} unidad={['registro', 'registros']} />
        ) : null}
      </Group>
      {auditoria.isError ? <AlertaError error={auditoria.error} titulo="No se pudo consultar la auditoría" /> : null}
      {datos && datos.items.length === 0 ? <Text c="dimmed">No hay registros con estos filtros.</Text> : null}
      {datos && datos.items.length > 0 ? (
        <TablaDesplazable etiqueta="Registros de auditoría (tabla desplazable)" anchoMinimo={900}>
          <Table striped verticalSpacing="xs" aria-label="Registros de auditoría" style={{ opacity: auditoria.isPlaceholderData ? 0.5 : 1 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Fecha</Table.Th>
                <Table.Th scope="col">Usuario</Table.Th>
                <Table.Th scope="col">IP</Table.Th>
                <Table.Th scope="col">Acción</Table.Th>
                <Table.Th scope="col">Tipo doc.</Table.Th>
                <Table.Th scope="col">Parámetros</Table.Th>
                <Table.Th scope="col">Resultado</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {datos.items.map((registro) => (
                <Table.Tr key={registro.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatoFechaHora(registro.fecha)}</Table.Td>
                  <Table.Td>{registro.usuario ?? '—'}</Table.Td>
                  <Table.Td>{registro.ip ?? '—'}</Table.Td>
                  <Table.Td>{ACCIONES[registro.accion] ?? registro.accion}</Table.Td>
                  <Table.Td>{registro.tipo_documento ?? '—'}</Table.Td>
                  <Table.Td>
                    <Code>{describirParametros(registro.parametros)}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Resultado registro={registro} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TablaDesplazable>
      ) : null}
      {datos ? <Paginacion pagina={datos.pagina} paginas={datos.paginas} alCambiar={(pagina) => irA(filtrosSinPagina, pagina)} /> : null}
    </Stack>
  );
}
