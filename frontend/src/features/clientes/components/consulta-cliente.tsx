import { Alert, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { AlertaError } from '@/components/ui/alerta-error';
import { AnuncioVivo } from '@/components/ui/anuncio-vivo';
import { IndicadorCarga } from '@/components/ui/indicador-carga';
import { esErrorApi } from '@/lib/api-client';
import { useAdelantarBusqueda, useBuscarCliente } from '../api/buscar-cliente';
import { nombreCompleto } from '../lib/nombre';
import type { Cliente, ConsultaDocumento } from '../types';
import { FormularioConsulta, TIPO_POR_DEFECTO } from './formulario-consulta';
import { ResultadoCliente } from './resultado-cliente';

/** Lee `?tipo=CC&numero=…` de la URL: la búsqueda sobrevive a recargar y al botón Atrás. */
function consultaDeUrl(parametros: URLSearchParams): ConsultaDocumento | null {
  const tipo = parametros.get('tipo')?.toUpperCase() ?? '';
  const numero = parametros.get('numero') ?? '';
  return tipo && numero ? { tipo, numero } : null;
}

function mensajeAnuncio(
  consulta: ConsultaDocumento | null,
  estado: { cargando: boolean; nombre?: string; noEncontrado: boolean; error: boolean },
): string {
  if (!consulta) return '';
  if (estado.cargando) return 'Buscando cliente…';
  if (estado.nombre) return `Cliente encontrado: ${estado.nombre}`;
  if (estado.noEncontrado) return `No se encontró el cliente con ${consulta.tipo} ${consulta.numero}`;
  if (estado.error) return 'La búsqueda no se pudo completar';
  return '';
}

interface ConsultaClienteProps {
  /** Secciones de otros módulos dentro de la ficha del cliente encontrado. */
  extra?: (cliente: Cliente) => ReactNode;
}

export function ConsultaCliente({ extra }: ConsultaClienteProps = {}) {
  const [parametros, setParametros] = useSearchParams();
  const consulta = consultaDeUrl(parametros);
  const busqueda = useBuscarCliente(consulta);
  const adelantar = useAdelantarBusqueda();
  // Búsqueda hecha desde el formulario: este no se vuelve a montar (conserva foco y texto). Si la
  // URL cambia por otra vía (Atrás, un enlace), el formulario se monta de nuevo con sus valores.
  const [enviada, setEnviada] = useState<string | null>(null);
  const claveUrl = consulta ? `${consulta.tipo}|${consulta.numero}` : 'vacia';

  const buscar = (nueva: ConsultaDocumento) => {
    if (consulta && nueva.tipo === consulta.tipo && nueva.numero === consulta.numero) {
      void busqueda.refetch();
      return;
    }
    adelantar(nueva);
    setEnviada(`${nueva.tipo}|${nueva.numero}`);
    // Sin transición: el estado "buscando" se pinta ya y la respuesta no espera a la navegación.
    setParametros({ tipo: nueva.tipo, numero: nueva.numero }, { flushSync: true });
  };

  const error = busqueda.error;
  const noEncontrado = esErrorApi(error) && error.codigo === 'no_encontrado';
  const invalido = esErrorApi(error) && error.estado === 422;
  const errorCampo = invalido ? (error.motivoDe('numero_documento') ?? error.motivoDe('tipo_documento') ?? error.message) : undefined;
  const resultado = busqueda.data;
  const cargando = busqueda.isFetching;
  // El resultado anterior sigue visible (atenuado) mientras llega el nuevo.
  const desactualizado = cargando && (busqueda.isPlaceholderData || busqueda.isRefetching);

  const anuncio = mensajeAnuncio(consulta, {
    cargando,
    nombre: resultado && !busqueda.isPlaceholderData ? nombreCompleto(resultado.cliente) : undefined,
    noEncontrado,
    error: busqueda.isError,
  });

  return (
    <Stack gap="lg">
      <FormularioConsulta
        key={claveUrl === enviada ? 'formulario' : claveUrl}
        inicial={consulta ?? { tipo: TIPO_POR_DEFECTO, numero: '' }}
        buscando={cargando}
        errorServidor={errorCampo}
        alBuscar={buscar}
      />
      <AnuncioVivo mensaje={anuncio} />
      <div style={{ minHeight: 24 }}>
        <IndicadorCarga cargando={cargando} texto="Buscando cliente…" />
      </div>
      {busqueda.isError && !resultado ? (
        noEncontrado ? (
          <Alert color="rio" variant="light" title="No se encontró el cliente" role="note" data-testid="no-encontrado">
            {error.message}
            <Text size="sm" mt={4}>
              Revise el tipo y el número de documento ({consulta?.tipo} {consulta?.numero}).
            </Text>
          </Alert>
        ) : invalido ? null : (
          <AlertaError error={error} titulo="No se pudo consultar el cliente" />
        )
      ) : null}
      {resultado?.por_alias && consulta && !busqueda.isPlaceholderData ? (
        <Alert color="rio" variant="light" title="Documento de un cliente fusionado" role="note" data-testid="por-alias">
          {consulta.tipo} {consulta.numero} pertenecía a un cliente que se fusionó con otro: se muestra el cliente que lo
          conserva ({resultado.cliente.tipo_documento} {resultado.cliente.numero_documento}).
        </Alert>
      ) : null}
      {resultado && consulta ? (
        <ResultadoCliente
          resultado={resultado}
          consulta={{ tipo: resultado.cliente.tipo_documento, numero: resultado.cliente.numero_documento }}
          desactualizado={desactualizado}
          extra={extra}
        />
      ) : null}
      {!consulta ? (
        <Text c="dimmed" size="sm">
          Escriba el número de documento y presione Enter.
        </Text>
      ) : null}
    </Stack>
  );
}
