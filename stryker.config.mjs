// Mutation testing (`npm run mutation`, not part of `npm test`): StrykerJS with the vitest runner over the
// main-process code. Narrow a run with `npm run mutation -- --mutate electron/core/scheduler.ts`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  mutate: [
    'electron/core/**/*.ts',
    'electron/node/**/*.ts',
    'electron/app/**/*.ts',
    'electron/ipc.ts',
    '!**/*.test.ts',
    '!**/*.child.ts',
  ],
  ignorePatterns: ['out', 'dist', 'docs', 'resources', 'test-results', 'playwright-report', 'reports'],
  coverageAnalysis: 'perTest',
  // Two cores at most: the runs share the machine with everything else.
  concurrency: 2,
  timeoutMS: 20000,
  // Only mutants whose code or tests changed are run again; the file is local, not committed.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  cleanTempDir: 'always',
};
