// Lint, including the architecture's import boundaries (after VS Code's per-folder import rules):
//   electron/core   plain TypeScript: no Electron, no Node-only modules, no platform code
//   electron/node   Node, but no Electron
//   electron/platform, main.ts, preload.ts   the only code that may import electron, electron-store, node-notifier
//   renderer        browser code: reaches main only through the IPC contract
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ELECTRON_ONLY = ['electron', 'electron-store', 'node-notifier'];
const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'util', 'url', 'stream', 'events', 'module', 'conf'];

const restrict = (names, patterns = [], message) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: names.map((name) => ({ name, message })),
      patterns: patterns.length ? [{ group: patterns, message }] : [],
    },
  ],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.svelte'],
    ignores: ['electron/platform/**', 'electron/main.ts', 'electron/preload.ts'],
    rules: restrict(ELECTRON_ONLY, [], 'Only electron/platform/, main.ts and preload.ts may import electron, electron-store or node-notifier.'),
  },
  {
    files: ['electron/core/**/*.ts'],
    ignores: ['electron/core/**/*.test.ts'],
    rules: restrict(
      [...ELECTRON_ONLY, ...NODE_BUILTINS.filter((n) => !n.includes('*'))],
      ['node:*', 'fs/*', '../platform/*', '../node/*', '../cli/*', '../app.ts', '../main.ts', '../preload.ts'],
      'electron/core is plain TypeScript: no Electron, no Node-only modules, no platform code. Put it in electron/node or electron/platform.',
    ),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte'],
    ignores: ['renderer/**/*.test.ts'],
    rules: restrict(
      [...ELECTRON_ONLY, ...NODE_BUILTINS.filter((n) => !n.includes('*'))],
      ['node:*', '**/electron/platform/*', '**/electron/node/*', '**/electron/app.ts', '**/electron/main.ts'],
      'The renderer reaches main only through the IPC contract (electron/ipc.ts) and may share electron/core.',
    ),
  },
);
