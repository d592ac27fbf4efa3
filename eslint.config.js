// Lint is where the architecture is enforced: each runtime may import only what it can run.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import { layerRules } from './build/eslintLayers.js';
import prettierCompatible from 'eslint-config-prettier/flat';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

const noNode = { paths: nodeBuiltins.map((name) => ({ name, message: 'Node is not available in this runtime.' })) };
const noElectron = [
  { name: 'electron', message: 'Only the shell files in electron/main and electron/preload may import electron.' },
  { name: 'electron-store', message: 'Only the shell (electron/main) may use electron-store.' },
];
const noReact = [
  { name: 'react', message: 'React belongs to renderer/.' },
  { name: 'react-dom', message: 'React belongs to renderer/.' },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/', 'coverage/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json', './tsconfig.e2e.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  {
    // The CLI's launcher and freshness check are CommonJS (bin/badgefolio.cjs says why).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...noNode.paths, ...noElectron, ...noReact, { name: 'conf', message: 'shared/ is pure TypeScript.' }],
          patterns: [
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ may not depend on a runtime folder.' },
            { group: ['react-dom/*'], message: 'React belongs to renderer/.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'process', 'Buffer', 'require', '__dirname'].map((name) => ({
          name,
          message: 'shared/ runs in every runtime: no DOM or Node globals.',
        })),
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...noNode.paths, ...noElectron, { name: 'conf', message: 'The renderer reaches settings through window.wallet.' }],
          patterns: [{ group: ['**/electron/**'], message: 'The renderer reaches the main process only through window.wallet.' }],
        },
      ],
      'no-restricted-globals': ['error', ...['process', 'Buffer', 'require', '__dirname'].map((name) => ({ name, message: 'The renderer has no Node.' }))],
    },
  },
  // electron/: each folder imports only the layers below it; Electron itself only in the shell
  // (main, preload), React nowhere.
  ...layerRules([...noElectron, ...noReact]).map((config) =>
    config.files[0]?.startsWith('electron/main/') || config.files[0]?.startsWith('electron/preload/')
      ? { ...config, rules: { 'no-restricted-imports': ['error', { ...config.rules['no-restricted-imports'][1], paths: noReact }] } }
      : config,
  ),
  {
    files: ['tests/e2e/fixtures.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  // Layout is Prettier's job (npm run lint checks it); switch off the style rules that would fight it.
  prettierCompatible,
);
