// The renderer: one page per window, each loading only its own code. Each page is its own build (a Vite
// environment), so no chunk is shared: the break window never downloads runtime code only the other windows use.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { withCsp } from './electron/csp.ts';
import { strictBuild } from './build-checks.ts';

/** Every page gets the one Content-Security-Policy (electron/csp.ts). */
const csp: Plugin = { name: 'limber-csp', transformIndexHtml: (html) => withCsp(html) };

const root = resolve(import.meta.dirname, 'renderer');
const PAGES = ['break', 'settings', 'stats', 'welcome'] as const;

const page = (name: (typeof PAGES)[number]) => ({
  consumer: 'client' as const,
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    // The first page's build empties the folder; the others add to it.
    emptyOutDir: name === PAGES[0],
    target: 'chrome130',
    modulePreload: { polyfill: false },
    rolldownOptions: { ...strictBuild, input: { [name]: resolve(root, `${name}.html`) } },
  },
});

export default defineConfig({
  root,
  base: './',
  plugins: [svelte({ configFile: resolve(import.meta.dirname, 'svelte.config.js') }), csp],
  environments: { client: page('break'), settings: page('settings'), stats: page('stats'), welcome: page('welcome') },
  builder: {
    async buildApp(builder) {
      for (const name of ['client', ...PAGES.slice(1)]) await builder.build(builder.environments[name]!);
    },
  },
});
