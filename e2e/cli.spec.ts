// The command line against a running Limber: instance commands reach it over its control socket and print its
// answer; data commands work on the folder alone.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from './fixtures.ts';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', join(root, 'electron/cli/main.ts'), ...args], { cwd: root });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

test('pause, status, resume and break from the command line act on the running instance', async ({ launch }) => {
  const dir = mkdtempSync(join(tmpdir(), 'limber-cli-'));
  try {
    const h = await launch({ realNotifications: false, dataDir: dir });
    const paused = await cli('pause', '30', '--user-data-dir', dir);
    expect(paused.code).toBe(0);
    expect(paused.stdout).toMatch(/paused until/);
    expect(h.app.status().phase).toBe('paused');
    expect(h.tray.current.icon).toBe('paused');

    const status = await cli('status', '--json', '--user-data-dir', dir);
    expect(JSON.parse(status.stdout)).toMatchObject({ phase: 'paused', pausedUntil: h.clock.now() + 30 * 60_000 });

    expect((await cli('resume', '--user-data-dir', dir)).code).toBe(0);
    expect(h.app.status().phase).toBe('working');

    expect((await cli('break', 'long', '--user-data-dir', dir)).code).toBe(0);
    expect(h.app.status().currentBreak?.kind).toBe('long');
    await h.windows.page('break');

    const bad = await cli('pause', 'soon', '--user-data-dir', dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/pause/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an instance command with no Limber running says so and exits 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'limber-cli-'));
  try {
    const r = await cli('snooze', '--user-data-dir', dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Limber is not running/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
