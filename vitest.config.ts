import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts', 'eslint/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
