// The command line against a running Limber: instance commands reach it over its control socket and print its
// answer; data commands work on the folder alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { nodeCli } from './helpers.ts';

test('pause, status, resume and break from the command line act on the running instance', async ({ limber }) => {
  const app = await limber({ realNotifications: false });
  const paused = await app.cli('pause', '30');
  expect(paused.code).toBe(0);
  expect(paused.stdout).toMatch(/paused until/);
  expect((await app.status()).phase).toBe('paused');
  expect((await app.tray()).icon).toBe('paused');

  const status = await app.cli('status', '--json');
  expect(JSON.parse(status.stdout)).toMatchObject({ phase: 'paused', pausedUntil: (await app.now()) + 30 * 60_000 });

  expect((await app.cli('resume')).code).toBe(0);
  expect((await app.status()).phase).toBe('working');

  expect((await app.cli('break', 'long')).code).toBe(0);
  expect((await app.status()).currentBreak?.kind).toBe('long');
  await app.page('break');

  const bad = await app.cli('pause', 'soon');
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/pause/);
});

test('an instance command with no Limber running says so and exits 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'limber-cli-'));
  try {
    const r = await nodeCli('snooze', '--user-data-dir', dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Limber is not running/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
