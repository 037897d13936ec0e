// The renderer: one page per window, each loading only its own code. Each page is its own build (a Vite
// environment), so no chunk is shared: the break window never downloads runtime code only the other windows use.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
import { createServer, defineConfig, type Plugin } from 'vite';
import { withCsp } from './electron/csp.ts';
import { strictBuild } from './build-checks.ts';
import { breakWords } from './scripts/break-words.ts';

/** Every page gets the one Content-Security-Policy (electron/csp.ts). */
const csp: Plugin = { name: 'limber-csp', transformIndexHtml: (html) => withCsp(html) };

/**
 * Each page asks for its stylesheet before its script: the first paint waits for the stylesheet, not for the script
 * (a module script runs after parsing), so the stylesheet should not queue behind the larger script's loading.
 */
const stylesFirst: Plugin = {
  name: 'limber-styles-first',
  transformIndexHtml: {
    order: 'post',
    handler(html) {
      const links = html.match(/\s*<link rel="stylesheet"[^>]*>/g) ?? [];
      const rest = links.reduce((h, l) => h.replace(l, ''), html);
      const at = rest.search(/<script type="module"/);
      if (!links.length || at < 0) return html;
      return `${rest.slice(0, at)}${links.map((l) => `${l.trim()}\n    `).join('')}${rest.slice(at)}`;
    },
  },
};

const root = resolve(import.meta.dirname, 'renderer');
const svelteConfig = resolve(import.meta.dirname, 'svelte.config.js');

/**
 * The break window's opening frame, drawn at build time into break.html (renderer/src/break/prerender.ts): the
 * window paints it as soon as the page and its stylesheet are in, before its script has loaded or run.
 */
const breakOpening: Plugin = {
  name: 'limber-break-opening',
  async transformIndexHtml(html, ctx) {
    if (!ctx.filename.endsWith('break.html')) return html;
    const server = await createServer({
      configFile: false,
      root,
      logLevel: 'error',
      plugins: [svelte({ configFile: svelteConfig })],
      server: { middlewareMode: true, hmr: false, ws: false },
      appType: 'custom',
    });
    try {
      const { openingFrame } = (await server.ssrLoadModule('/src/break/prerender.ts')) as typeof import('./renderer/src/break/prerender.ts');
      const frame = openingFrame();
      if (!html.includes('<div id="app"></div>')) throw new Error('break.html lacks the empty <div id="app"></div> the opening frame goes into');
      return html.replace('<div id="app"></div>', `<div id="app">${frame}</div>`);
    } finally {
      await server.close();
    }
  },
};
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
  // The break window's build (environment `client`) carries only the words it shows (scripts/break-words.ts).
  plugins: [svelte({ configFile: svelteConfig }), csp, breakOpening, breakWords('client'), stylesFirst],
  environments: { client: page('break'), settings: page('settings'), stats: page('stats'), welcome: page('welcome') },
  builder: {
    async buildApp(builder) {
      for (const name of ['client', ...PAGES.slice(1)]) await builder.build(builder.environments[name]!);
    },
  },
});
