// Lint, including the architecture's import boundaries: an allow-list per folder (eslint/layers.js, after VS Code's
// code-import-patterns), checked by a local rule for code and tests alike.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import importAllowList from './eslint/import-allow-list.js';
import { layers } from './eslint/layers.js';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
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
    files: ['**/*.{ts,js,mjs,cjs,svelte}'],
    plugins: { limber: { rules: { 'import-allow-list': importAllowList } } },
    rules: { 'limber/import-allow-list': ['error', { root: import.meta.dirname, config: layers }] },
  },
);
