// The unit tests that judge mutants (`npm run mutation`): those of the mutated folders, without the ones that spawn
// whole command-line processes (they time out under the mutation runner's load and are covered in process too).
import { configDefaults, defineConfig } from 'vitest/config';

// MUTATION_TESTS (comma-separated globs) narrows the judges to a file's own tests: a mutant of a module-level constant
// ("static") runs every test there is, which on a shared machine takes minutes per mutant.
const narrowed = process.env['MUTATION_TESTS']?.split(',').filter(Boolean);

export default defineConfig({
  test: {
    include: narrowed?.length ? narrowed : ['electron/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'electron/cli/cli.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
