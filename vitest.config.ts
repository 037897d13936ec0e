import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Some tests spawn the CLI or the simulator: a busy machine may take a while to start them (no timing is asserted).
const test = { environment: 'node' as const, testTimeout: 60_000 };

export default defineConfig({
  test: {
    projects: [
      { test: { ...test, name: 'node', include: ['electron/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts', 'eslint/**/*.test.ts'] } },
      {
        // The renderer's tests compile its Svelte modules (`.svelte.ts` state, figure components) with Svelte's client
        // runtime, the one the windows use.
        plugins: [svelte({ configFile: resolve(import.meta.dirname, 'svelte.config.js') })],
        resolve: { conditions: ['browser'] },
        // base.css is read as text by a test (colours.test.ts), which Vitest only does for stylesheets it processes.
        test: { ...test, name: 'renderer', include: ['renderer/**/*.test.ts'], css: { include: [/base\.css/] } },
      },
    ],
  },
});
