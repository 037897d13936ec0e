import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts', 'eslint/**/*.test.ts'],
    environment: 'node',
    // Some tests spawn the CLI or the simulator: a busy machine may take a while to start them (no timing is asserted).
    testTimeout: 60_000,
  },
});
