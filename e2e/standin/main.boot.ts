// The real entry, exercised without Electron: the production build of electron/main.ts (and its platform adapters)
// runs under Node in a production-only install, against a stand-in for the `electron` module typed from
// electron.d.ts (e2e/standin/electron.ts). It shows that a packaged app would load and boot; it draws nothing and
// complements the electron Playwright project, which runs the same app in real Electron wherever a binary exists.
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../electron/csp.ts';
import { REQUEST_CHANNEL } from '../../electron/ipc.ts';
import type { StandInConfig, StandInRecord } from './electron.ts';
import { root, scratchApp } from './prod-install.ts';

interface Seen {
  dataDir?: string | null;
  dataDirFiles?: boolean;
  headers?: Record<string, string[]>;
  activateOpened?: string[];
  tooltipAfterPause?: string;
  navigationBlocked?: boolean;
  windowOpen?: string | null;
  preloadExists?: boolean;
  historyAfterSessionEnd?: { kind: string; outcome: string }[];
  appPage?: { status: number; csp: string | null; type: string | null; html: boolean } | null;
  appEscapes?: Record<string, number | null>;
}

// One scratch app for the whole file: the install is cached per lock file, the copy of the build is made once.
let app = '';
test.beforeAll(() => {
  test.setTimeout(300_000);
  app = scratchApp();
});
test.afterAll(() => rmSync(app, { recursive: true, force: true }));

function boot(app: string, scenario: string, args: string[], opts: { lock?: boolean; failIn?: 'Tray'; platform?: NodeJS.Platform } = {}) {
  const work = join(app, `run-${scenario}`);
  mkdirSync(work, { recursive: true });
  const config: StandInConfig = { lock: opts.lock ?? true, userData: join(work, 'electron-default'), report: join(work, 'record.json'), ...(opts.failIn ? { failIn: opts.failIn } : {}) };
  const { LIMBER_E2E: _e2e, ...env } = process.env;
  const r = spawnSync(process.execPath, [join(app, 'standin/run.js'), ...args], {
    cwd: app,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
    env: {
      ...env,
      LIMBER_STANDIN: JSON.stringify(config),
      LIMBER_BOOT_SCENARIO: scenario,
      LIMBER_BOOT_MAIN: join(app, 'out/main/main.js'),
      LIMBER_BOOT_SEEN: join(work, 'seen.json'),
      ...(opts.platform ? { LIMBER_BOOT_PLATFORM: opts.platform } : {}),
    },
  });
  const read = <T>(f: string): T | null => (existsSync(join(work, f)) ? (JSON.parse(readFileSync(join(work, f), 'utf8')) as T) : null);
  const record = read<StandInRecord>('record.json');
  expect(r.stderr, 'main must load with no missing module').not.toMatch(/ERR_MODULE_NOT_FOUND|Cannot find (module|package)/);
  expect(record, `the stand-in's record (stderr: ${r.stderr.slice(-2000)})`).not.toBeNull();
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, record: record!, seen: read<Seen>('seen.json') ?? {} };
}

test('boots: single-instance lock, tray, shortcut, secure break window with CSP, second launch, session end', async () => {
  const { status, record, seen, stderr } = boot(app, 'boot', ['--user-data-dir', 'data']);
  expect(status, stderr).toBe(0);
  expect(record.lockRequests).toEqual([{ argv: ['--user-data-dir', 'data'] }]);
  // A relative --user-data-dir is resolved against the working folder, as the command line does.
  expect(record.setPath).toEqual([['userData', join(app, 'data')]]);
  expect(seen.dataDirFiles).toBe(true);
  expect(record.errorBoxes).toEqual([]);
  expect(record.applicationMenu, 'no default menu with Reload and DevTools').toBeNull();
  expect(record.trays).toHaveLength(1);
  expect(record.trays[0]!.images[0]).toMatch(/resources\/icons\/tray-working-22\.png$/);
  expect(record.missingImages).toEqual([]);
  expect(record.trays[0]!.tooltips.at(0)).toMatch(/^Limber/);
  expect(record.shortcuts).toEqual(['CommandOrControl+Alt+B']);
  expect(record.ipcHandlers).toContain(REQUEST_CHANNEL);
  expect(seen.headers?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  expect(seen.headers?.['Content-Type']).toEqual(['text/html']);
  // Pages from app://limber/, registered before ready and answered with the CSP as a header; nothing outside.
  expect(record.privilegedSchemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }), beforeReady: true }]);
  expect(record.handledSchemes).toEqual(['app']);
  expect(seen.appPage).toEqual({ status: 200, csp: CONTENT_SECURITY_POLICY, type: 'text/html; charset=utf-8', html: true });
  for (const [url, status] of Object.entries(seen.appEscapes ?? {})) expect(status, url).not.toBe(200);
  expect(record.windows.every((w) => w.url?.startsWith('app://limber/')), 'no file:// page').toBe(true);
  // The first run shows the welcome window.
  expect(record.windows[0]).toMatchObject({ url: expect.stringMatching(/\/welcome\.html$/), urlFileExists: true, shown: 'focused' });
  const breakWin = record.windows.find((w) => w.url?.endsWith('/break.html'));
  // Started by hand from the tray, so shown with focus (a scheduled one comes without).
  expect(breakWin).toMatchObject({ urlFileExists: true, shown: 'focused' });
  expect(breakWin!.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
  expect(breakWin!.options.webPreferences!.preload).toBe(join(app, 'out/preload/preload.cjs'));
  expect(seen.preloadExists).toBe(true);
  expect(breakWin!.allWorkspaces).toEqual({ visible: true, options: { visibleOnFullScreen: true, skipTransformProcessType: true } });
  expect(seen.navigationBlocked).toBe(true);
  expect(seen.windowOpen).toBe('deny');
  // A second launch's command line (second-instance's additionalData) is carried out.
  expect(seen.tooltipAfterPause).toMatch(/paused/i);
  // Windows' session-end (no will-quit at log-off) records the running break.
  expect(seen.historyAfterSessionEnd).toEqual([expect.objectContaining({ kind: 'micro' })]);
});

test('macOS: an Edit menu, no Dock icon, template tray icons, and a relaunch (activate) acts like a second launch', async () => {
  const { status, record, seen, stderr } = boot(app, 'mac', ['--user-data-dir=mac-data'], { platform: 'darwin' });
  expect(status, stderr).toBe(0);
  expect(record.setPath).toEqual([['userData', join(app, 'mac-data')]]);
  expect(record.applicationMenu).toEqual(['appMenu', 'editMenu']);
  expect(record.dockHidden).toBe(true);
  expect(record.trays[0]!.images[0]).toMatch(/tray-workingTemplate\.png$/);
  expect(record.missingImages).toEqual([]);
  expect(seen.activateOpened).toEqual([expect.stringMatching(/\/settings\.html$/)]);
});

test('Windows: the app id and a fixed toast activator for notification buttons, 16 px tray icons, no default menu', async () => {
  const { status, record, seen, stderr } = boot(app, 'windows', ['--user-data-dir', 'win-data'], { platform: 'win32' });
  expect(status, stderr).toBe(0);
  expect(record.appUserModelId).toBe('app.limber.Limber');
  expect(record.toastActivatorCLSID).toMatch(/^\{[0-9A-F-]{36}\}$/);
  expect(record.applicationMenu).toBeNull();
  expect(record.trays[0]!.images[0]).toMatch(/tray-working-16\.png$/);
  expect(record.missingImages).toEqual([]);
  expect(seen.historyAfterSessionEnd).toEqual([expect.objectContaining({ kind: 'micro' })]);
});

test('a second launch hands its command line to the first instance and quits without a tray', async () => {
  const { status, record } = boot(app, 'second-launch', ['--user-data-dir', 'data', '--hidden'], { lock: false });
  expect(status).toBe(0);
  expect(record.lockRequests).toEqual([{ argv: ['--user-data-dir', 'data', '--hidden'] }]);
  expect(record.quit).toBe(1);
  expect(record.trays).toEqual([]);
});

test('a start-up that throws shows an error dialog and exits non-zero, holding no lock without a tray', async () => {
  const { status, record } = boot(app, 'fails', ['--user-data-dir', 'data-fails'], { failIn: 'Tray' });
  expect(status).toBe(1);
  expect(record.exitCode).toBe(1);
  expect(record.errorBoxes).toEqual([{ title: 'Limber could not start', content: expect.stringContaining('no status notifier host') }]);
});

test('a command line run through the app writes all its output before exiting', async () => {
  const dir = join(app, 'cli-data');
  mkdirSync(dir, { recursive: true });
  const n = 20_000;
  const line = (i: number) => JSON.stringify({ at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), kind: 'micro', outcome: 'completed', seconds: 60, exercises: ['shoulder-roll'] });
  writeFileSync(join(dir, 'history.jsonl'), Array.from({ length: n }, (_, i) => line(i)).join('\n') + '\n');
  const { status, stdout, record } = boot(app, 'cli', ['export', '--format', 'json', '--user-data-dir', dir]);
  expect(status).toBe(0);
  expect(record.exitCode).toBe(0);
  expect(stdout.length).toBeGreaterThan(64 * 1024 * 10);
  expect((JSON.parse(stdout) as unknown[]).length).toBe(n);
});

test('every bare import of the built main and preload is a dependency, a built-in or electron, and resolves in the production-only install', async () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  const bare = (file: string) => {
    const code = readFileSync(join(app, file), 'utf8');
    const specs = [
      ...code.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gm),
      ...code.matchAll(/^\s*import\s*["']([^"']+)["']/gm),
      ...code.matchAll(/\b(?:require|import)\s*\(\s*["']([^"']+)["']\s*\)/g),
    ]
      .map((m) => m[1]!)
      .filter((s) => !s.startsWith('.') && !s.startsWith('/'));
    return [...new Set(specs)].sort();
  };
  const packageName = (s: string) => s.split('/').slice(0, s.startsWith('@') ? 2 : 1).join('/');
  const main = bare('out/main/main.js');
  const preload = bare('out/preload/preload.cjs');
  expect(main).toContain('electron');
  expect(main).toContain('conf');
  expect(preload).toEqual(['electron']);
  const external = main.filter((s) => !builtins.has(s) && s !== 'electron');
  for (const s of external) expect(Object.keys(pkg.dependencies), `${s} is imported at run time`).toContain(packageName(s));
  // Resolved the way main resolves them: from its own file, in the production-only install.
  const probe = join(app, 'out/main/resolve-probe.mjs');
  writeFileSync(probe, `for (const s of ${JSON.stringify(external)}) console.log(s, import.meta.resolve(s));\n`);
  const r = spawnSync(process.execPath, [probe], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.stdout.trim().split('\n')).toHaveLength(external.length);
});
