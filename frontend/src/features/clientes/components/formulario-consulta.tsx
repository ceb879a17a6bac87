import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTiposDocumento } from '@/hooks/use-tipos-documento';
import { validarDocumento } from '../lib/documento';
import type { ConsultaDocumento } from '../types';

interface FormularioConsultaProps {
  inicial: ConsultaDocumento;
  buscando: boolean;
  /** Motivo que dio el servidor (422) para el número o el tipo. */
  errorServidor?: string;
  alBuscar: (consulta: ConsultaDocumento) => void;
}

export const TIPO_POR_DEFECTO = 'CC';

/** Tipo + número + Buscar. El número recibe el foco; Enter busca; se valida como el servidor. */
export function FormularioConsulta({ inicial, buscando, errorServidor, alBuscar }: FormularioConsultaProps) {
  const tipos = useTiposDocumento();
  const [tipo, setTipo] = useState(inicial.tipo || TIPO_POR_DEFECTO);
  const [numero, setNumero] = useState(inicial.numero);
  const [error, setError] = useState<string | undefined>(undefined);
  const [editado, setEditado] = useState(false);
  const campoNumero = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Al cargar, el foco va al número; no se le quita a otro control en uso (la caja de búsqueda,
    // un cliente reciente) cuando el formulario se monta de nuevo al abrir un cliente desde ahí.
    const activo = document.activeElement;
    if (!activo || activo === document.body) campoNumero.current?.focus();
  }, []);

  const opciones = tipos.data?.map((t) => ({ value: t.codigo, label: `${t.nombre} (${t.codigo})` })) ?? [
    { value: tipo, label: tipo },
  ];

  const enviar = (evento: FormEvent<HTMLFormElement>) => {
    evento.preventDefault();
    const resultado = validarDocumento(tipo, numero);
    if (!resultado.valido) {
      setError(resultado.motivo);
      campoNumero.current?.focus();
      return;
    }
    setError(undefined);
    setEditado(false);
    alBuscar({ tipo, numero: resultado.numero });
  };

  const errorVisible = error ?? (editado ? undefined : errorServidor);

  return (
    <form onSubmit={enviar} noValidate role="search" aria-label="Consulta de cliente por documento">
      <Group align="flex-start" gap="sm" wrap="wrap">
        <NativeSelect
          label="Tipo de documento"
          name="tipo_documento"
          value={tipo}
          data={opciones}
          w={{ base: '100%', sm: 260 }}
          onChange={(e) => {
            setTipo(e.currentTarget.value);
            setError(undefined);
            setEditado(true);
          }}
        />
        <TextInput
          ref={campoNumero}
          label="Número de documento"
          name="numero_documento"
          description="Puede llevar puntos o guiones; en el NIT, el dígito de verificación es opcional."
          inputWrapperOrder={['label', 'input', 'error', 'description']}
          inputMode={tipo === 'PA' ? 'text' : 'numeric'}
          autoComplete="off"
          spellCheck={false}
          maxLength={30}
          value={numero}
          error={errorVisible}
          w={{ base: '100%', sm: 300 }}
          onChange={(e) => {
            setNumero(e.currentTarget.value);
            setEditado(true);
            if (error) setError(undefined);
          }}
        />
        <Button type="submit" mt={{ base: 0, sm: 25 }} aria-busy={buscando}>
          Buscar
        </Button>
      </Group>
    </form>
  );
}
