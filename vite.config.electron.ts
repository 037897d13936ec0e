// Main process (ESM), preload (one CommonJS file: a sandboxed preload cannot import) and the harness bridge (an IIFE
// installed into test pages). Selected with --mode.
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };
import { strictBuild } from './build-checks.ts';

const here = import.meta.dirname;
const external = [
  'electron',
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  // node-notifier finds its vendor binaries through __dirname, so it must stay a real package.
  ...Object.keys(pkg.dependencies),
];

const targets = {
  main: { entry: 'electron/main.ts', formats: ['es'], fileName: () => 'main.js', outDir: 'out/main' },
  // What `npm run dist` packages: main without the LIMBER_E2E=1 test hooks (see __LIMBER_E2E_HOOKS__ in main.ts).
  release: { entry: 'electron/main.ts', formats: ['es'], fileName: () => 'main.js', outDir: 'out/main' },
  preload: { entry: 'electron/preload.ts', formats: ['cjs'], fileName: () => 'preload.cjs', outDir: 'out/preload' },
  bridge: { entry: 'e2e/harness/bridge.ts', formats: ['iife'], fileName: () => 'bridge.js', outDir: 'out/harness' },
} as const;

export default defineConfig(({ mode }) => {
  const t = targets[mode as keyof typeof targets];
  if (!t) throw new Error(`unknown build mode ${mode}: use one of ${Object.keys(targets).join(', ')}`);
  return {
    ...(mode === 'preload' ? { ssr: { noExternal: true } } : {}),
    // A constant, so the release build drops the hooks' branch and, with it, the hooks module.
    define: { __LIMBER_E2E_HOOKS__: JSON.stringify(mode !== 'release') },
    build: {
      outDir: resolve(here, t.outDir),
      emptyOutDir: true,
      target: 'node20',
      ssr: mode !== 'bridge',
      minify: false,
      lib: { entry: resolve(here, t.entry), formats: [...t.formats], fileName: t.fileName, name: 'limberBridge' },
      // A sandboxed preload can require only 'electron': everything else is bundled into it.
      rolldownOptions: { ...strictBuild, external: mode === 'bridge' ? [] : mode === 'preload' ? ['electron'] : external },
    },
  };
});
