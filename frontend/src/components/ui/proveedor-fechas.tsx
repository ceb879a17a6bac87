import 'dayjs/locale/es';
import '@mantine/dates/styles.css';
import { DatesProvider } from '@mantine/dates';
import type { ReactNode } from 'react';

/**
 * Calendarios en español (lunes primero). Se usa solo en las pantallas cargadas bajo demanda que
 * tienen selectores de fecha, para que @mantine/dates no pese en la carga inicial.
 */
export function ProveedorFechas({ children }: { children: ReactNode }) {
  return <DatesProvider settings={{ locale: 'es', firstDayOfWeek: 1, consistentWeeks: true }}>{children}</DatesProvider>;
}
