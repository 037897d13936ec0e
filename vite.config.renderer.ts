// The renderer: one page per window, each loading only its own code.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, 'renderer');

export default defineConfig({
  root,
  base: './',
  plugins: [svelte({ configFile: resolve(import.meta.dirname, 'svelte.config.js') })],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        break: resolve(root, 'break.html'),
        settings: resolve(root, 'settings.html'),
        stats: resolve(root, 'stats.html'),
      },
    },
  },
});
