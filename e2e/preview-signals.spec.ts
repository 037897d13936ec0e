// `npm run preview` on a desktop, stopped with Ctrl+C (SIGINT) or SIGTERM: it closes its windows and leaves no
// control socket and no Chromium profile folder behind. Runs the real preview (on the built renderer, so here after
// the build) on a private Xvfb display.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

const root = resolve(import.meta.dirname, '..');
// eslint-disable-next-line no-empty-pattern -- Playwright reads a hook's fixtures from this pattern.
test.beforeEach(({}, info) => test.skip(info.project.name !== 'harness', 'the preview is Chromium only: runs once, in the harness project'));
const node = join(root, 'node_modules/.bin/node');
const started: ChildProcess[] = [];
const dirs: string[] = [];
test.afterEach(() => {
  for (const p of started.splice(0)) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(name: string): string {
  const d = mkdtempSync(join(tmpdir(), `limber-${name}-`));
  dirs.push(d);
  return d;
}

/** An X display of our own: Xvfb picks a free number and writes it to fd 3. */
async function xvfb(): Promise<string> {
  const x = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  started.push(x);
  const fd = x.stdio[3] as NodeJS.ReadableStream;
  return new Promise((ok, fail) => {
    fd.on('data', (b: Buffer) => ok(`:${b.toString().trim()}`));
    x.on('exit', () => fail(new Error('Xvfb did not start')));
  });
}

/** Every file and folder under `dir`, relative, depth first. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

async function previewStoppedBy(signal: 'SIGINT' | 'SIGTERM') {
  const display = await xvfb();
  const tmp = tempDir('preview-tmp');
  const runtime = tempDir('preview-runtime');
  const data = tempDir('preview-data');
  // Node itself with tsx's loader: one process, so the signal reaches the preview and nothing in between.
  const p = spawn(node, ['--import', 'tsx', 'scripts/preview.ts', '--user-data-dir', data], {
    cwd: root,
    env: { ...process.env, DISPLAY: display, WAYLAND_DISPLAY: '', TMPDIR: tmp, XDG_RUNTIME_DIR: runtime, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(p);
  let out = '';
  p.stdout!.on('data', (b: Buffer) => (out += b));
  p.stderr!.on('data', (b: Buffer) => (out += b));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) => p.on('exit', (code, sig) => ok({ code, signal: sig })));
  for (const start = Date.now(); !out.includes('close it (or press Ctrl+C) to quit'); await new Promise((r) => setTimeout(r, 100))) {
    if (p.exitCode !== null || Date.now() - start > 120_000) throw new Error(`the preview did not come up:\n${out}`);
  }
  const whileRunning = { tmp: tree(tmp), runtime: tree(runtime) };
  p.kill(signal);
  const end = await Promise.race([exited, new Promise<null>((r) => setTimeout(() => r(null), 60_000))]);
  return { end, out, whileRunning, after: { tmp: tree(tmp), runtime: tree(runtime) }, data: tree(data) };
}

test.describe('the preview, stopped by a signal', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    test(`${signal}: ends, and leaves no socket and no profile folder`, async () => {
      test.setTimeout(240_000);
      const r = await previewStoppedBy(signal);
      // It was really running: a profile folder per window and the control socket existed.
      expect(r.whileRunning.tmp.some((f) => f.startsWith('limber-preview-window-')), r.out).toBe(true);
      expect([...r.whileRunning.runtime, ...r.whileRunning.tmp].some((f) => f.endsWith('.sock')), r.out).toBe(true);
      expect(r.end, `the preview did not end on ${signal}:\n${r.out}`).toEqual({ code: signal === 'SIGINT' ? 130 : 143, signal: null });
      expect(r.after.tmp.filter((f) => f.startsWith('limber-preview-window-') && !f.includes('/')), r.out).toEqual([]);
      expect([...r.after.runtime, ...r.after.tmp].filter((f) => f.endsWith('.sock')), r.out).toEqual([]);
      // The user's data stays.
      expect(r.data).toContain('settings.json');
      expect(r.out).not.toMatch(/ENOTEMPTY|Unhandled|TypeError/);
    });
  }
});
