// The sync folder as a start composes it (main.ts and the harness): the folder in force decides, the organisation's
// policy included. With `allowSync: false` a folder the user set earlier is left alone: no sync port, no file written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemorySettings } from '../e2e/harness/test-ports.ts';
import { TEST_ORIGIN, startTestApp } from '../e2e/harness/test-app.ts';
import { defaultSettings } from './core/settings.ts';
import type { Ports } from './ports.ts';
import { HistoryFile } from './node/history-file.ts';
import { LinuxPolicyFiles } from './node/policy/linux-files.ts';
import { withSyncFolderInForce } from './node/sync/sync-ports.ts';

const settingsWindow = { window: 'settings' as const, url: `${TEST_ORIGIN}/settings.html` };
const dirs: string[] = [];
const tmp = (name: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), `limber-${name}-`));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function policyRoot(managed: unknown): string {
  const root = tmp('policy');
  fs.mkdirSync(path.join(root, 'managed'));
  fs.writeFileSync(path.join(root, 'managed', '50-test.json'), JSON.stringify(managed));
  return root;
}

/** Composes the ports as a start does, runs the app through one skipped break, and says what reached the folder. */
function run(managed: unknown | null) {
  const dataDir = tmp('data');
  const folder = tmp('sync');
  const settings = new MemorySettings({ ...defaultSettings(), sync: { folder } });
  const policy = managed === null ? undefined : new LinuxPolicyFiles({ root: policyRoot(managed) });
  const warnings: string[] = [];
  const base: Pick<Ports, 'history' | 'settings' | 'sync' | 'policy'> = { history: new HistoryFile(dataDir), settings, ...(policy ? { policy } : {}) };
  const composed = withSyncFolderInForce(base, dataDir, (m) => warnings.push(m));
  const { app, clock } = startTestApp({
    settings,
    ...(policy ? { policy } : {}),
    ...(composed.ports.sync ? { sync: composed.ports.sync } : {}),
    history: () => composed.ports.history,
  });
  clock.advanceBy(30 * 60_000);
  expect(app.status().phase).toBe('prompt');
  app.handleCommandLine(['skip']);
  expect(app.status().phase).not.toBe('prompt');
  app.stop();
  composed.ports.history.close?.();
  return { composed, files: fs.readdirSync(folder, { recursive: true }), own: new HistoryFile(dataDir).readAll(), warnings };
}

describe('the sync folder in force', () => {
  it('with syncing allowed, a set folder becomes the sync port and receives this computer’s files', () => {
    const r = run(null);
    expect(r.composed.ports.sync).toBeDefined();
    expect(r.composed.message).toBeNull();
    expect(r.files.length).toBeGreaterThan(0);
  });

  it('with allowSync false, a folder the user set is not used: no sync port and nothing written there', () => {
    const r = run({ policy: { allowSync: false } });
    expect(r.composed.ports.sync).toBeUndefined();
    expect(r.composed.message).toMatch(/does not allow syncing across computers: the sync folder .* is not used/);
    expect(r.files).toEqual([]);
    // The break is still recorded, on this computer alone.
    expect(r.own.map((x) => x.outcome)).toEqual(['skipped']);
    expect(r.own[0]!.device).toBeUndefined();
  });

  it('with allowSync false, sync.folder shows locked and IPC refuses setting one, naming the rule', async () => {
    const root = policyRoot({ policy: { allowSync: false } });
    const { app } = startTestApp({ policy: new LinuxPolicyFiles({ root }) });
    const got = await app.handleRequest(settingsWindow, { type: 'settings:get' });
    expect(got).toMatchObject({ ok: true, settings: { sync: { folder: null } } });
    expect((got as { policy?: { locked: string[] } }).policy?.locked).toContain('sync.folder');
    const refused = await app.handleRequest(settingsWindow, { type: 'settings:set', patch: { sync: { folder: tmp('other') } } });
    expect(refused).toMatchObject({ ok: false, error: 'Your organisation does not allow syncing across computers: sync.folder cannot be set' });
    app.stop();
  });
});
