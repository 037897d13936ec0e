// The unit tests that judge mutants (`npm run mutation`): those of the mutated folders — electron/ under Node, and
// renderer/ compiled with Svelte's client runtime as in vitest.config.ts — without the ones that spawn whole
// command-line processes (they time out under the mutation runner's load and are covered in process too).
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

// MUTATION_TESTS (comma-separated globs) narrows the judges to a file's own tests: a mutant of a module-level constant
// ("static") runs every test there is, which on a shared machine takes minutes per mutant.
const narrowed = process.env['MUTATION_TESTS']?.split(',').filter(Boolean);
const only = (globs: string[]) => (narrowed?.length ? narrowed.filter((n) => globs.some((g) => n.startsWith(g.split('/')[0]!))) : globs);
const test = { environment: 'node' as const, testTimeout: 60_000, exclude: [...configDefaults.exclude, 'electron/cli/cli.test.ts'] };

export default defineConfig({
  test: {
    projects: [
      { test: { ...test, name: 'node', include: only(['electron/**/*.test.ts']) } },
      {
        plugins: [svelte({ configFile: resolve(import.meta.dirname, 'svelte.config.js') })],
        resolve: { conditions: ['browser'] },
        test: { ...test, name: 'renderer', include: only(['renderer/**/*.test.ts']), css: { include: [/base\.css/] } },
      },
    ],
  },
});
