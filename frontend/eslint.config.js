import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const FUNCIONALIDADES = ['auth', 'busqueda', 'calidad', 'catalogo', 'clientes', 'correos', 'cuponeras', 'entregas', 'reportes', 'sac360', 'usuarios'];

/** Una funcionalidad no importa de otra; lo compartido vive en components/, hooks/, lib/. */
const aislamientoDeFuncionalidades = FUNCIONALIDADES.map((nombre) => ({
  files: [`src/features/${nombre}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['@/features/*', `!@/features/${nombre}`, `!@/features/${nombre}/**`],
            message: 'Sin importaciones entre funcionalidades: mueva lo común a src/components, src/hooks o src/lib.',
          },
          { group: ['@/app', '@/app/**'], message: 'Las funcionalidades no importan de src/app.' },
          { group: ['../../*'], message: 'Use el alias @/ para salir de la funcionalidad.' },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'coverage'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  ...aislamientoDeFuncionalidades,
  {
    files: ['src/components/**/*.{ts,tsx}', 'src/hooks/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}', 'src/config/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/features/*', '@/app/*', '@/app'], message: 'Lo compartido no depende de funcionalidades ni de la app.' }] },
      ],
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'src/testing/**'],
    rules: { 'react-refresh/only-export-components': 'off' },
  },
  {
    files: ['e2e/**/*.ts', 'scripts/**/*.mjs', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
    {
    // medir.mjs corre en Node y pasa funciones a la página (window, document…).
    files: ['scripts/**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
