import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** Azul río de la marca; los tonos 7–9 dan contraste AA con texto blanco. */
const rio: MantineColorsTuple = [
  '#e7f5f9',
  '#d0e9f1',
  '#a3d3e4',
  '#72bcd6',
  '#4aa8ca',
  '#2f9bc2',
  '#1e8bb3',
  '#137aa0',
  '#0d6a8c',
  '#0b5d7a',
];

export const tema = createTheme({
  primaryColor: 'rio',
  colors: { rio },
  // Tono 9 en modo claro: botones, enlaces y alertas con contraste ≥ 4.5:1 (WCAG AA).
  primaryShade: { light: 9, dark: 7 },
  autoContrast: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'md',
  cursorType: 'pointer',
  // Botones de solo ícono con nombre accesible en español.
  components: {
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Cerrar' } } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Cerrar aviso' } } },
  },
});

/** Textos atenuados, de error y marcadores con contraste AA sobre blanco (los de Mantine no llegan). */
export const resolverVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#495057',
    '--mantine-color-error': '#c92a2a',
    '--mantine-color-placeholder': '#6b7280',
  },
  dark: {},
});
