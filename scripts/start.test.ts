// `npm start`'s last step, run for real: the binary it launches, and what it says when Electron cannot be had.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectron } from './electron-binary.ts';

const root = resolve(import.meta.dirname, '..');
const tsx = join(root, 'node_modules/.bin/tsx');
const dir = mkdtempSync(join(tmpdir(), 'limber-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(env: Record<string, string>) {
  return spawnSync(tsx, ['scripts/start.ts', 'status'], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
}

describe.skipIf(process.platform === 'win32')('npm start (scripts/start.ts)', () => {
  it('launches the binary in ELECTRON_OVERRIDE_DIST_PATH with the app folder and the arguments, and passes on its exit code', () => {
    const bin = join(dir, 'electron');
    writeFileSync(bin, `#!/bin/sh\necho "launched: $*"\nexit 7\n`);
    chmodSync(bin, 0o755);
    const r = start({ ELECTRON_OVERRIDE_DIST_PATH: dir });
    expect(r.stdout).toBe(`launched: ${root} status\n`);
    expect(r.status).toBe(7);
  });

  it('an override folder without a binary: a short message, exit 1, no download, no stack trace', () => {
    const r = start({ ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'nowhere') });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Limber cannot start: ELECTRON_OVERRIDE_DIST_PATH has no Electron binary at .*\n {2}Without Electron, `npm run preview`/);
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
  });

  // With a binary already downloaded there is nothing to download: only then is this case not reachable.
  it.skipIf(findElectron().path !== null)('offline: one line saying it downloads, then the reason and the preview hint, exit 1, no stack trace', () => {
    // A mirror nobody listens on fails at once, online or not.
    const r = start({ ELECTRON_MIRROR: 'http://127.0.0.1:9/', ELECTRON_OVERRIDE_DIST_PATH: '' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^Downloading Electron 45\.\d+\.\d+ for the first start…\n$/);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Limber cannot start: Electron 45\.\d+\.\d+ could not be downloaded \(.+\)\.$/);
    expect(lines[1]).toContain('`npm run preview`');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
