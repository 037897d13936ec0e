// Who may import what, as an allow-list: one layer per folder (docs/architecture.md explains it).
// A file belongs to the first layer whose `files` cover it; tests (`tests.files`) may also import the test
// libraries and their layer's `testPaths`/`testPackages`. Anything not listed is refused, and a file no layer
// covers is an error.

const CORE = ['electron/core/**'];
const IPC = ['electron/ipc.ts'];
const CSP = ['electron/csp.ts'];
const NODE = ['electron/node/**'];
const CLI = ['electron/cli/**'];
const APP = ['electron/app/**', 'electron/app.ts', 'electron/ports.ts'];
const PLATFORM = ['electron/platform/**'];
const RENDERER = ['renderer/**'];
const E2E = ['e2e/**'];
const BUILTINS = 'node:*';
/** Libraries that run anywhere (no Node built-ins, no DOM). */
const PURE = ['valibot'];
/**
 * Libraries the Node side uses (`conf` is electron-store's Node core; D-Bus and native calls for presence sources;
 * an XML parser for macOS managed preferences and the admin templates' checks).
 */
const NODE_LIBS = ['conf', '@valibot/to-json-schema', '@particle/dbus-next', 'koffi', '@xmldom/xmldom'];
/** The desktop: only the platform layer and the entry points touch these. */
const DESKTOP = ['electron', 'electron-store', 'node-notifier'];
const PLAYWRIGHT = ['@playwright/test', 'playwright-core', '@axe-core/playwright'];
/** Our own test doubles of the ports: a test library of this project. */
const TEST_PORTS = ['e2e/harness/test-ports.ts'];
/** The app started on those test doubles, for the tests that drive the composed app. */
const TEST_APP = ['e2e/harness/test-app.ts'];
/** Runs a script as another user wherever the checkout sits (tests that drop privileges). */
const OTHER_USER = ['e2e/harness/for-other-user.ts'];

export const layers = {
  tests: { files: ['**/*.test.ts', '**/*.spec.ts'], packages: ['vitest', 'fast-check'] },
  layers: [
    { name: 'electron/core', files: CORE, paths: CORE, packages: PURE, testPaths: ['scenarios/*.json'] },
    { name: 'electron/ipc.ts', files: [...IPC, 'electron/ipc.test.ts'], paths: [...CORE, ...IPC], packages: PURE },
    // The one Content-Security-Policy: plain data, like the IPC contract. Its test reads every page from disk.
    { name: 'electron/csp.ts', files: ['electron/csp.ts', 'electron/csp.test.ts'], paths: CSP, packages: [], testPackages: [BUILTINS] },
    // Tests may bundle a child script (esbuild) to run a second writer process, and check generated JSON Schemas (ajv).
    // node/app-protocol.ts sends the CSP as a header of every page it serves.
    { name: 'electron/node', files: NODE, paths: [...CORE, ...IPC, ...CSP, ...NODE], packages: [BUILTINS, ...PURE, ...NODE_LIBS], testPaths: [...TEST_PORTS, ...OTHER_USER], testPackages: ['esbuild', 'ajv'] },
    { name: 'electron/cli', files: CLI, paths: [...CORE, ...NODE, ...IPC, ...CLI], packages: [BUILTINS, ...PURE], testPaths: OTHER_USER },
    // Tests at the top of electron/ not claimed above drive the composed app (LimberApp). The app reaches files only
    // through node/; its tests may make a temporary data folder to hand it.
    {
      name: 'electron/app',
      files: [...APP, 'electron/*.test.ts'],
      paths: [...CORE, ...NODE, ...IPC, ...APP],
      packages: PURE,
      testPaths: [...TEST_PORTS, ...TEST_APP],
      testPackages: [BUILTINS],
    },
    {
      name: 'electron/platform',
      files: PLATFORM,
      paths: [...CORE, ...IPC, ...NODE, ...CLI, ...APP, ...PLATFORM],
      packages: [BUILTINS, ...PURE, ...NODE_LIBS, ...DESKTOP],
      testPaths: TEST_PORTS,
    },
    // The entry points wire the platform into the app; the preload only exposes the IPC contract.
    { name: 'electron/main.ts', files: ['electron/main.ts'], paths: [...CORE, ...IPC, ...CSP, ...NODE, ...CLI, ...APP, ...PLATFORM], packages: [BUILTINS, 'electron'] },
    { name: 'electron/preload.ts', files: ['electron/preload.ts'], paths: IPC, packages: ['electron'] },
    { name: 'renderer', files: RENDERER, paths: [...RENDERER, ...CORE, ...IPC], packages: [...PURE, 'svelte', 'uplot'] },
    // End-to-end tests drive the whole app: everything but the renderer's sources (they load the built pages).
    {
      name: 'e2e',
      files: E2E,
      paths: [...CORE, ...IPC, ...CSP, ...NODE, ...CLI, ...APP, ...PLATFORM, ...E2E, 'scripts/electron-binary.ts', 'package.json'],
      // `electron` only to find its binary for the Electron project; `vite` to bundle a script for another user.
      packages: [BUILTINS, ...PURE, ...PLAYWRIGHT, 'vitest', 'electron', 'typescript', 'vite'],
    },
    // Tools (simulator, catalog, screenshots, preview, icons, packaging) use the app the way e2e does.
    {
      name: 'scripts',
      files: ['scripts/**'],
      paths: [...CORE, ...IPC, ...CSP, ...NODE, ...CLI, ...APP, ...E2E, 'scripts/**', 'scenarios/*.json', 'package.json'],
      // Launching and packaging tools name Electron's binary and electron-builder's schema; build plugins (and the release-build test), Vite.
      packages: [BUILTINS, ...PURE, ...PLAYWRIGHT, 'ajv', '@valibot/to-json-schema', 'electron', 'app-builder-lib', 'js-yaml', 'vite'],
    },
    { name: 'bench', files: ['bench/**'], paths: [...CORE, ...IPC, ...NODE, ...APP, ...E2E, 'bench/**'], packages: [BUILTINS, ...PURE, ...PLAYWRIGHT] },
    { name: 'build configs', files: ['*.{ts,js,mjs}'], paths: [...CSP, 'build-checks.ts', 'e2e/fixtures.ts', 'eslint/*.js', 'scripts/break-words.ts', 'package.json'], packages: [BUILTINS, 'vite', 'vitest', '@sveltejs/vite-plugin-svelte', '@playwright/test', '@eslint/js', 'eslint-plugin-svelte', 'globals', 'typescript-eslint'] },
    // The lint rule, and its test, which lints probes and type-checks them.
    { name: 'eslint rules', files: ['eslint/**'], paths: ['eslint/**'], packages: [BUILTINS, 'eslint'], testPackages: ['typescript'] },
  ],
};
