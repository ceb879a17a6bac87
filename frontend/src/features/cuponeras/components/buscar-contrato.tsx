import { Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';

const FORMA_CONTRATO = /^\d{6,12}$/;

/** Número de contrato + Buscar (6 a 12 dígitos, como el servidor). */
export function FormularioContrato({ inicial = '', alBuscar, autoFocus = false }: { inicial?: string; alBuscar: (numero: string) => void; autoFocus?: boolean }) {
  const [numero, setNumero] = useState(inicial);
  const [error, setError] = useState<string | undefined>();

  const enviar = (evento: FormEvent<HTMLFormElement>) => {
    evento.preventDefault();
    const limpio = numero.replace(/[\s.-]/g, '');
    if (!FORMA_CONTRATO.test(limpio)) {
      setError('El número de contrato tiene entre 6 y 12 dígitos.');
      return;
    }
    setError(undefined);
    alBuscar(limpio);
  };

  return (
    <form onSubmit={enviar} noValidate role="search" aria-label="Buscar contrato por número">
      <Group align="flex-start" gap="sm">
        <TextInput
          label="Número de contrato"
          name="numero_contrato"
          inputMode="numeric"
          autoComplete="off"
          autoFocus={autoFocus}
          value={numero}
          error={error}
          w={{ base: '100%', sm: 260 }}
          onChange={(e) => {
            setNumero(e.currentTarget.value);
            setError(undefined);
          }}
        />
        <Button type="submit" mt={{ base: 0, sm: 25 }}>
          Buscar contrato
        </Button>
      </Group>
    </form>
  );
}
