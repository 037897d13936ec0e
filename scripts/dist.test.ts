// `npm run dist` where Electron and electron-builder's tools cannot be downloaded: it says what is missing and how to
// provide it, and fails, instead of hanging or printing a stack trace.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const script = resolve(import.meta.dirname, 'dist.mjs');
const emptyCache = mkdtempSync(join(tmpdir(), 'limber-dist-cache-'));
afterAll(() => rmSync(emptyCache, { recursive: true, force: true }));

// Port 9 (discard) on the loopback refuses connections at once: an unreachable download site, offline and fast.
const UNREACHABLE = 'http://127.0.0.1:9/';

function run(env: Record<string, string>) {
  const { ELECTRON_OVERRIDE_DIST_PATH: _ignored, ...rest } = process.env;
  return spawnSync(process.execPath, [script], {
    env: { ...rest, ELECTRON_CACHE: emptyCache, ELECTRON_MIRROR: UNREACHABLE, ELECTRON_BUILDER_BINARIES_MIRROR: UNREACHABLE, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('npm run dist without downloads', () => {
  it('names Electron and the packaging tools as missing, says how to provide them, exits non-zero', () => {
    const r = run({});
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no installers were built');
    expect(r.stderr).toMatch(/Electron \d+\.\d+\.\d+ for \w+-\w+: not in .* and http:\/\/127\.0\.0\.1:9\/ cannot be reached/);
    expect(r.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    expect(r.stderr).toMatch(/packaging tools for .*: http:\/\/127\.0\.0\.1:9\/ cannot be reached/);
    expect(r.stderr).toContain('ELECTRON_BUILDER_BINARIES_MIRROR');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an Electron dist given by hand no longer counts as missing, and a wrong one is named', () => {
    const given = run({ ELECTRON_OVERRIDE_DIST_PATH: emptyCache });
    expect(given.status).toBe(1);
    expect(given.stderr).not.toMatch(/Electron \d+\.\d+\.\d+ for/);
    expect(given.stderr).toMatch(/packaging tools/);
    const wrong = run({ ELECTRON_OVERRIDE_DIST_PATH: join(emptyCache, 'nope') });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/ELECTRON_OVERRIDE_DIST_PATH=.*nope does not exist/);
  });
});
