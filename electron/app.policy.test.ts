// The organisation's policy through the composed app: a real policy folder (the Linux source with its root given, as
// only unit tests may) locks settings and takes actions away from the tray, the notification, the break window, IPC
// and the command line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordingNotifier } from '../e2e/harness/test-ports.ts';
import { TEST_ORIGIN, startTestApp } from '../e2e/harness/test-app.ts';
import type { MenuItem } from './core/tray-model.ts';
import { LinuxPolicyFiles } from './node/policy/linux-files.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function policyRoot(managed: unknown, recommended?: unknown): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'limber-policy-'));
  dirs.push(root);
  fs.mkdirSync(path.join(root, 'managed'));
  fs.writeFileSync(path.join(root, 'managed', '50-test.json'), JSON.stringify(managed));
  if (recommended !== undefined) {
    fs.mkdirSync(path.join(root, 'recommended'));
    fs.writeFileSync(path.join(root, 'recommended', '50-test.json'), JSON.stringify(recommended));
  }
  return root;
}

const ids = (items: readonly MenuItem[]): string[] => items.flatMap((i) => [i.id, ...ids(i.submenu ?? [])]);
const settingsWindow = { window: 'settings' as const, url: `${TEST_ORIGIN}/settings.html` };
const breakWindow = { window: 'break' as const, url: `${TEST_ORIGIN}/break.html` };

describe('a policy in force', () => {
  it('the command line refuses what the policy forbids, exit 1 and the limit named; allowed ones go through', () => {
    const root = policyRoot({ policy: { allowSkip: false, maxPauseMinutes: 60 } });
    const { app } = startTestApp({ policy: new LinuxPolicyFiles({ root }) });
    expect(app.handleCommandLine(['skip'])).toEqual({ exitCode: 1, output: 'Your organisation does not allow skipping breaks.' });
    const long = app.handleCommandLine(['pause', '90']);
    expect(long.exitCode).toBe(1);
    expect(long.output).toMatch(/at most 1 hour \(maxPauseMinutes 60\)/);
    expect(app.handleCommandLine(['pause']).output).toMatch(/until resumed/);
    expect(app.handleCommandLine(['pause', 'tomorrow']).exitCode).toBe(1);
    expect(app.status().phase).not.toBe('paused');
    expect(app.handleCommandLine(['pause', '30']).exitCode).toBe(0);
    expect(app.status().phase).toBe('paused');
    app.stop();
  });

  it('the tray leaves out Skip and the pauses beyond the limit; the heads-up has no Skip button', () => {
    const notifier = new RecordingNotifier();
    const root = policyRoot({ policy: { allowSkip: false, maxPauseMinutes: 60 } });
    const { app, tray, clock } = startTestApp({ notifier, policy: new LinuxPolicyFiles({ root }) });
    const menu = ids(tray.current.menu);
    expect(menu).not.toContain('skip');
    expect(menu).toEqual(expect.arrayContaining(['pause:30', 'pause:60']));
    expect(menu).not.toEqual(expect.arrayContaining(['pause:120']));
    expect(menu.filter((m) => m === 'pause:tomorrow' || m === 'pause:forever')).toEqual([]);
    clock.advanceBy(30 * 60_000);
    const headsUp = notifier.sent.find((n) => n.req.actions.length > 0)!;
    expect(headsUp.req.actions).toEqual(['Start now', 'Snooze']);
    app.stop();
  });

  it('without pausing at all, the Pause menu is gone', () => {
    const root = policyRoot({ policy: { allowPause: false } });
    const { app, tray } = startTestApp({ policy: new LinuxPolicyFiles({ root }) });
    expect(ids(tray.current.menu).filter((m) => m.startsWith('pause'))).toEqual([]);
    app.stop();
  });

  it('IPC refuses a change to a managed setting with a clear message, and the break window cannot skip', async () => {
    const root = policyRoot({ microBreak: { everyMinutes: 45 }, policy: { allowSkip: false } }, { snoozeMinutes: 10 });
    const { app, clock } = startTestApp({ policy: new LinuxPolicyFiles({ root }) });
    const got = await app.handleRequest(settingsWindow, { type: 'settings:get' });
    expect(got).toMatchObject({ ok: true, settings: { microBreak: { everyMinutes: 45 }, snoozeMinutes: 10 }, policy: { locked: ['microBreak.everyMinutes'] } });
    const refused = await app.handleRequest(settingsWindow, { type: 'settings:set', patch: { microBreak: { everyMinutes: 20 } } });
    expect(refused).toMatchObject({ ok: false, error: 'microBreak.everyMinutes is set by your organisation and cannot be changed' });
    expect(app.currentSettings().microBreak.everyMinutes).toBe(45);
    clock.advanceBy(45 * 60_000);
    expect(app.status().phase).toBe('prompt');
    expect(await app.handleRequest(breakWindow, { type: 'hello' })).toMatchObject({ break: { screen: 'prompt', canSkip: false } });
    expect(await app.handleRequest(breakWindow, { type: 'break:skip' })).toMatchObject({ ok: false, error: 'Your organisation does not allow skipping breaks.' });
    expect(app.status().phase).toBe('prompt');
    // The running break's player has no Skip either.
    await app.handleRequest(breakWindow, { type: 'break:start' });
    expect(app.status().phase).toBe('on-break');
    expect(await app.handleRequest(breakWindow, { type: 'hello' })).toMatchObject({ break: { screen: 'player', canSkip: false } });
    app.stop();
  });

  it('status --json lists the policy in force', () => {
    const root = policyRoot({ sound: false, bogus: 1 });
    const { app } = startTestApp({ policy: new LinuxPolicyFiles({ root }) });
    const status = JSON.parse(app.handleCommandLine(['status', '--json']).output) as Record<string, unknown>;
    expect(status['policy']).toMatchObject({
      locked: ['sound'],
      managed: { sound: false },
      sources: { sound: path.join(root, 'managed', '50-test.json') },
      problems: [`${path.join(root, 'managed', '50-test.json')}: bogus is not a known setting; ignored`],
    });
    app.stop();
  });
});
