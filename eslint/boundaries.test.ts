// The house rules, tried: for every edge the layer table forbids, a probe import fails lint (code and tests alike), and
// `process` or `document` in electron/core fails the type check. The table below is transcribed from docs/architecture.md
// independently of eslint/layers.js, so a drift between the two fails here.
import path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const RULE = 'limber/import-allow-list';

/** A file in each place of the table, or a package, to import. */
const TARGETS = {
  core: 'electron/core/scheduler.ts',
  ipc: 'electron/ipc.ts',
  csp: 'electron/csp.ts',
  node: 'electron/node/files.ts',
  cli: 'electron/cli/run.ts',
  app: 'electron/app/commands.ts',
  'app.ts': 'electron/app.ts',
  'ports.ts': 'electron/ports.ts',
  platform: 'electron/platform/tray.ts',
  main: 'electron/main.ts',
  preload: 'electron/preload.ts',
  'app test': 'electron/app.test.ts',
  renderer: 'renderer/src/lib/api.ts',
  e2e: 'e2e/driver.ts',
  'e2e fixtures': 'e2e/fixtures.ts',
  'test ports': 'e2e/harness/test-ports.ts',
  'test app': 'e2e/harness/test-app.ts',
  scripts: 'scripts/simulate.ts',
  'electron binary': 'scripts/electron-binary.ts',
  'break words': 'scripts/break-words.ts',
  bench: 'bench/run.ts',
  eslint: 'eslint/layers.js',
  scenario: 'scenarios/normal-day.json',
  'package.json': 'package.json',
  electron: 'electron',
  'electron-store': 'electron-store',
  'node-notifier': 'node-notifier',
  'node built-in': 'node:fs',
  valibot: 'valibot',
  conf: 'conf',
  svelte: 'svelte',
  playwright: '@playwright/test',
  vitest: 'vitest',
  vite: 'vite',
  typescript: 'typescript',
  eslintPackage: 'eslint',
} as const;
type Target = keyof typeof TARGETS;
const ALL = Object.keys(TARGETS) as Target[];
const ELECTRON_SIDE: Target[] = ['core', 'ipc', 'node', 'cli', 'app', 'app.ts', 'ports.ts'];
/** What the app layer may import: it reaches files only through node/. */
const APP_MAY: Target[] = ['core', 'node', 'ipc', 'app', 'app.ts', 'ports.ts', 'valibot'];
/** The app as e2e, the tools and the bench drive it: everything in electron/ but the entry points and the tests. */
const WHOLE_APP: Target[] = ['core', 'ipc', 'node', 'app', 'app.ts', 'ports.ts'];
/** e2e/ as a library: its drivers and its port doubles. */
const E2E_FILES: Target[] = ['e2e', 'e2e fixtures', 'test ports', 'test app'];

/**
 * Who may import what (docs/architecture.md). The importing file stands in its folder; `test` adds a test of that
 * folder, which may also import `testMay` and the test libraries (`vitest`; `fast-check` is tried below).
 */
const TABLE: { from: string; test?: string; may: Target[]; testMay?: Target[] }[] = [
  { from: 'electron/core/probe.ts', test: 'electron/core/probe.test.ts', may: ['core', 'valibot'], testMay: ['scenario'] },
  { from: 'electron/ipc.ts', test: 'electron/ipc.test.ts', may: ['core', 'ipc', 'valibot'] },
  { from: 'electron/csp.ts', test: 'electron/csp.test.ts', may: ['csp'], testMay: ['node built-in'] },
  { from: 'electron/node/probe.ts', test: 'electron/node/probe.test.ts', may: ['core', 'ipc', 'csp', 'node', 'node built-in', 'valibot', 'conf'], testMay: ['test ports'] },
  { from: 'electron/cli/probe.ts', test: 'electron/cli/probe.test.ts', may: ['core', 'node', 'ipc', 'cli', 'node built-in', 'valibot'] },
  // App tests may make a temporary data folder (Node built-ins) and start the app on the test ports (test-app.ts);
  // the app itself reaches files only through node/.
  { from: 'electron/app/probe.ts', test: 'electron/app/probe.test.ts', may: APP_MAY, testMay: ['node built-in', 'test ports', 'test app'] },
  { from: 'electron/app.ts', test: 'electron/app.test.ts', may: APP_MAY, testMay: ['node built-in', 'test ports', 'test app'] },
  { from: 'electron/ports.ts', test: 'electron/probe.test.ts', may: APP_MAY, testMay: ['node built-in', 'test ports', 'test app'] },
  {
    from: 'electron/platform/probe.ts',
    test: 'electron/platform/probe.test.ts',
    may: [...ELECTRON_SIDE, 'platform', 'electron', 'electron-store', 'node-notifier', 'node built-in', 'valibot', 'conf'],
    testMay: ['test ports'],
  },
  { from: 'electron/main.ts', may: [...ELECTRON_SIDE, 'csp', 'platform', 'electron', 'node built-in'] },
  { from: 'electron/preload.ts', may: ['ipc', 'electron'] },
  { from: 'renderer/src/lib/probe.ts', test: 'renderer/src/lib/probe.test.ts', may: ['renderer', 'core', 'ipc', 'valibot', 'svelte'] },
  { from: 'renderer/src/lib/Probe.svelte', may: ['renderer', 'core', 'ipc', 'valibot', 'svelte'] },
  {
    from: 'e2e/probe.ts',
    test: 'e2e/probe.spec.ts',
    may: [...WHOLE_APP, 'csp', 'cli', 'platform', ...E2E_FILES, 'electron binary', 'package.json', 'node built-in', 'valibot', 'playwright', 'vitest', 'electron', 'typescript', 'vite'],
  },
  {
    from: 'scripts/probe.ts',
    test: 'scripts/probe.test.ts',
    may: [...WHOLE_APP, 'csp', 'cli', ...E2E_FILES, 'scripts', 'electron binary', 'break words', 'scenario', 'package.json', 'node built-in', 'valibot', 'playwright', 'electron', 'vite'],
  },
  { from: 'bench/probe.ts', test: 'bench/probe.test.ts', may: [...WHOLE_APP, ...E2E_FILES, 'bench', 'node built-in', 'valibot', 'playwright'] },
  { from: 'probe.config.ts', may: ['csp', 'e2e fixtures', 'eslint', 'break words', 'package.json', 'node built-in', 'vite', 'vitest', 'playwright'] },
  { from: 'eslint/probe.js', test: 'eslint/probe.test.ts', may: ['eslint', 'node built-in', 'eslintPackage'], testMay: ['typescript'] },
];

const eslint = new ESLint({ cwd: ROOT });

function specifier(from: string, target: Target): string {
  const t = TARGETS[target];
  if (!/\.\w+$/.test(t)) return t; // a package: files have an extension
  const rel = path.relative(path.dirname(path.join(ROOT, from)), path.join(ROOT, t)).split(path.sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** The allow-list's complaints about `code` placed at `file`. */
async function refusals(file: string, code: string): Promise<string[]> {
  const text = file.endsWith('.svelte') ? `<script lang="ts">\n${code}\n</script>\n` : code;
  const [result] = await eslint.lintText(text, { filePath: path.join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

// Linting and type-checking whole programs is slow on a busy machine: generous time, no timing asserted.
describe('the import allow-list', { timeout: 120_000 }, () => {
  for (const row of TABLE) {
    for (const from of [row.from, ...(row.test ? [row.test] : [])]) {
      it(`${from}: refuses exactly what the table forbids`, async () => {
        const may: Target[] = from === row.test ? [...row.may, ...(row.testMay ?? []), 'vitest'] : row.may;
        const refused: Target[] = [];
        for (const target of ALL) {
          if ((await refusals(from, `import '${specifier(from, target)}';\n`)).length > 0) refused.push(target);
        }
        expect(refused).toEqual(ALL.filter((t) => !may.includes(t)));
      });
    }
  }

  it('counts type-only imports and re-exports too', async () => {
    expect(await refusals('electron/core/probe.ts', "import type { Ports } from '../ports.ts';\n")).toHaveLength(1);
    expect(await refusals('electron/node/probe.ts', "export * from '../cli/run.ts';\n")).toHaveLength(1);
    expect(await refusals('renderer/src/lib/probe.ts', "const m = await import('../../../electron/node/files.ts');\nexport { m };\n")).toHaveLength(1);
  });

  it('lets tests use the test libraries, and only tests', async () => {
    expect(await refusals('electron/core/probe.test.ts', "import 'vitest';\nimport 'fast-check';\n")).toEqual([]);
    expect(await refusals('electron/core/probe.ts', "import 'vitest';\n")).toHaveLength(1);
  });

  it('refuses a file no layer covers', async () => {
    expect((await refusals('electron/newcomer.ts', ''))[0]).toMatch(/No import rule covers electron\/newcomer\.ts/);
    expect((await refusals('tools/thing.ts', ''))[0]).toMatch(/No import rule covers tools\/thing\.ts/);
  });
});

/** Type-check `code` as if it were `file`, with the options and the files of `config`. */
function typeErrors(config: string, file: string, code: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, config), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); } })!;
  const probe = path.join(ROOT, file);
  const host = ts.createCompilerHost(parsed.options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, ...rest) => (path.resolve(name) === probe ? ts.createSourceFile(name, code, ts.ScriptTarget.ES2023, true) : getSourceFile.call(host, name, ...rest));
  host.fileExists = (name) => path.resolve(name) === probe || fileExists.call(host, name);
  host.readFile = (name) => (path.resolve(name) === probe ? code : readFile.call(host, name));
  const program = ts.createProgram([...parsed.fileNames.filter((f) => f.endsWith('.d.ts')), probe], parsed.options, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(probe)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('one tsconfig per environment', { timeout: 120_000 }, () => {
  it('checks every core file in the core environment', () => {
    const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.core.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    const files = parsed.fileNames.map((f) => path.relative(ROOT, f).split(path.sep).join('/'));
    expect(files).toContain('electron/core/scheduler.ts');
    expect(files.every((f) => f.startsWith('electron/core/') && !f.endsWith('.test.ts'))).toBe(true);
  });

  it('refuses process, Buffer, document and window in electron/core, and allows what every runtime has', () => {
    const code = [
      'export const a = process.env.HOME;',
      "export const b = Buffer.from('x');",
      'export const c = document.title;',
      'export const d = window.innerWidth;',
      'export const ok = structuredClone({ a: 1 });',
      'clearTimeout(setTimeout(() => {}, 1));',
    ].join('\n');
    const errors = typeErrors('tsconfig.core.json', 'electron/core/probe.ts', code);
    expect(errors.map((e) => /Cannot find name '(\w+)'/.exec(e)?.[1])).toEqual(['process', 'Buffer', 'document', 'window']);
  });

  it('gives the main process Node but no DOM, and the renderer the DOM but no Node', () => {
    const code = 'export const a = process.env.HOME;\nexport const c = document.title;\n';
    const names = (errors: string[]) => errors.map((e) => /Cannot find name '(\w+)'/.exec(e)?.[1]);
    expect(names(typeErrors('tsconfig.node.json', 'electron/node/probe.ts', code))).toEqual(['document']);
    expect(names(typeErrors('tsconfig.renderer.json', 'renderer/src/lib/probe.ts', code))).toEqual(['process']);
  });
});
