import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const test = { environment: 'node' as const, testTimeout: 20_000 };

export default defineConfig({
  test: {
    projects: [
      { test: { ...test, name: 'node', include: ['electron/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts', 'eslint/**/*.test.ts'] } },
      {
        // The renderer's tests compile its Svelte modules (`.svelte.ts` state, figure components) with Svelte's client
        // runtime, the one the windows use.
        plugins: [svelte({ configFile: resolve(import.meta.dirname, 'svelte.config.js') })],
        resolve: { conditions: ['browser'] },
        test: { ...test, name: 'renderer', include: ['renderer/**/*.test.ts'] },
      },
    ],
  },
});
