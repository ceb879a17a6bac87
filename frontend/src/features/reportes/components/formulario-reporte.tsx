import { Button, Group, NumberInput, Paper } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { useState, type FormEvent } from 'react';
import { fechaAMes, mesActualBogota, mesAFecha } from '../lib/meses';
import type { ParametrosReporte } from '../types';

interface FormularioReporteProps {
  inicial: ParametrosReporte;
  erroresServidor?: { mes?: string; umbral?: string };
  descargando: boolean;
  alAplicar: (parametros: ParametrosReporte) => void;
  alDescargar: () => void;
}

/** Mes (sin meses futuros) y umbral en pesos; "Ver vista previa" aplica, "Descargar Excel" baja el libro. */
export function FormularioReporte({ inicial, erroresServidor = {}, descargando, alAplicar, alDescargar }: FormularioReporteProps) {
  const [mes, setMes] = useState<string | null>(mesAFecha(inicial.mes));
  const [umbral, setUmbral] = useState<number | string>(inicial.umbral);
  const [errores, setErrores] = useState<{ mes?: string; umbral?: string }>({});

  const enviar = (evento: FormEvent<HTMLFormElement>) => {
    evento.preventDefault();
    const nuevos = {
      mes: mes ? undefined : 'Elija un mes.',
      umbral: typeof umbral === 'number' && umbral >= 0 ? undefined : 'Escriba un umbral en pesos (0 o más).',
    };
    setErrores(nuevos);
    if (!mes || typeof umbral !== 'number' || nuevos.umbral) return;
    alAplicar({ mes: fechaAMes(mes), umbral });
  };

  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={enviar} noValidate aria-label="Parámetros del reporte">
        <Group align="flex-start" gap="md" wrap="wrap">
          <MonthPickerInput
            label="Mes"
            value={mes}
            onChange={setMes}
            maxDate={mesAFecha(mesActualBogota())}
            valueFormat="MMMM [de] YYYY"
            error={errores.mes ?? erroresServidor.mes}
            w={{ base: '100%', sm: 220 }}
          />
          <NumberInput
            label="Umbral (COP)"
            description="Califica quien lo supere."
            inputWrapperOrder={['label', 'input', 'error', 'description']}
            value={umbral}
            onChange={setUmbral}
            min={0}
            step={100000}
            allowNegative={false}
            allowDecimal={false}
            thousandSeparator="."
            decimalSeparator=","
            prefix="$ "
            error={errores.umbral ?? erroresServidor.umbral}
            w={{ base: '100%', sm: 220 }}
          />
          <Group gap="sm" mt={{ base: 0, sm: 25 }}>
            <Button type="submit">Ver vista previa</Button>
            <Button variant="default" onClick={alDescargar} loading={descargando}>
              Descargar Excel
            </Button>
          </Group>
        </Group>
      </form>
    </Paper>
  );
}
