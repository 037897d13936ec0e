// The unit tests that judge mutants (`npm run mutation`): those of the mutated folders, without the ones that spawn
// whole command-line processes (they time out under the mutation runner's load and are covered in process too).
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'electron/cli/cli.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
