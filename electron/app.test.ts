// LimberApp with test ports: settings out of range through IPC, notifications that cannot be
// shown, a shortcut another application holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordingNotifier } from '../e2e/harness/test-ports.ts';
import { TEST_ORIGIN as ORIGIN, startTestApp as setup } from '../e2e/harness/test-app.ts';
import type { LimberApp } from './app.ts';
import { VirtualClock } from './core/clock.ts';
import type { NotifierPort, SettingsStorePort } from './ports.ts';
import { HistoryFile, type HistoryFs } from './node/history-file.ts';
import { serializeRecord } from './core/history.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultSettings } from './core/settings.ts';
import { loadLocale, tEnglish, translator } from './core/i18n/locales.ts';
import { holdNoticeBody, speak } from './app/messages.ts';

// Which messages are valid is judged against a hand-written contract in ipc.fuzz.test.ts.
describe('IPC fuzzing', () => {
  it('out-of-range settings through a valid message are refused with the range, and nothing is saved', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer({ max: 4 }), fc.integer({ min: 241 }), fc.double({ noInteger: true })), async (n) => {
        const { app, settings } = setup();
        const reply = await app.handleRequest({ window: 'settings', url: `${ORIGIN}settings.html` }, { type: 'settings:set', patch: { microBreak: { everyMinutes: n } } });
        expect(reply.ok).toBe(false);
        if (!reply.ok) expect(reply.error).toMatch(/microBreak\.everyMinutes must be a whole number from 5 to 240/);
        expect(settings.saved).toEqual([]);
        expect(app.currentSettings().microBreak.everyMinutes).toBe(30);
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it('messages from a frame that is not ours are refused before they are read', async () => {
    const { app, logs } = setup();
    const reply = await app.handleRequest({ window: 'break', url: 'https://example.com/' }, { type: 'break:start' });
    expect(reply).toEqual({ ok: false, error: 'untrusted sender' });
    expect(app.status().phase).toBe('working');
    expect(logs.some((l) => l.includes('untrusted'))).toBe(true);
  });
});

describe('when the disk says no', () => {
  function fullDisk() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'limber-app-history-'));
    const disk = { full: true };
    const io: HistoryFs = {
      ...fs,
      openSync: ((...a: Parameters<typeof fs.openSync>) => {
        if (disk.full) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        return fs.openSync(...a);
      }) as typeof fs.openSync,
    };
    let store: HistoryFile | undefined;
    const history = (clock: VirtualClock) => (store = new HistoryFile(dir, { fs: io, schedule: (ms, fn) => clock.setTimer(clock.now() + ms, fn) }));
    return { dir, disk, history, file: () => new HistoryFile(dir).readAll(), store: () => store! };
  }

  it('breaks that cannot be written are kept, the user is told once, and they are written when the disk allows', async () => {
    const d = fullDisk();
    const notifier = new RecordingNotifier();
    try {
      const { app, clock } = setup({ notifier, history: d.history });
      for (let i = 0; i < 3; i++) {
        app.run({ name: 'break', kind: 'micro' });
        clock.advanceBy(60_000);
        await app.handleRequest({ window: 'break', url: `${ORIGIN}break.html` }, { type: 'break:finish', exercises: ['shoulder-roll'], seconds: 60 });
      }
      const told = notifier.sent.filter((n) => /could not be written to the history/.test(n.req.body));
      expect(told).toHaveLength(1);
      expect(told[0]!.req.body).toMatch(/ENOSPC/);
      expect(app.notices.filter((n) => /could not be written/.test(n))).toHaveLength(1);
      expect(d.file()).toEqual([]);
      expect(d.store().readAll()).toHaveLength(3);
      d.disk.full = false;
      clock.advanceBy(10 * 60_000); // the backoff retry
      expect(d.file()).toHaveLength(3);
      expect(d.store().waiting).toBe(0);
    } finally {
      fs.rmSync(d.dir, { recursive: true, force: true });
    }
  });

  it('on quit, records still kept are tried once more, and what the disk refuses goes to the log word for word', async () => {
    const d = fullDisk();
    try {
      const { app, clock, logs } = setup({ history: d.history });
      app.run({ name: 'break', kind: 'micro' });
      clock.advanceBy(60_000);
      await app.handleRequest({ window: 'break', url: `${ORIGIN}break.html` }, { type: 'break:finish', exercises: ['shoulder-roll'], seconds: 60 });
      const kept = d.store().readAll();
      expect(kept).toHaveLength(1);
      app.stop();
      expect(logs.some((l) => l.includes(serializeRecord(kept[0]!)))).toBe(true);
    } finally {
      fs.rmSync(d.dir, { recursive: true, force: true });
    }
  });
});

describe('when the desktop says no', () => {
  it('a notification that cannot be shown is reported once, and the tray still shows the break coming', () => {
    let calls = 0;
    const failing: NotifierPort = {
      notify(_req, answer) {
        calls++;
        answer({ kind: 'failed', reason: 'no notification daemon' });
      },
      withdraw() {},
    };
    const { app, clock, tray } = setup({ notifier: failing });
    clock.advanceBy(29 * 60_000);
    expect(tray.current.icon).toBe('soon');
    clock.advanceBy(31 * 60_000 + 29 * 60_000);
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(app.notices.filter((n) => n.includes('no notification daemon'))).toHaveLength(1);
  });

  it('a shortcut another application holds is refused with a message and the previous one stays', async () => {
    const { app, shortcuts } = setup({ held: ['CommandOrControl+Shift+K'] });
    const reply = await app.handleRequest({ window: 'settings', url: `${ORIGIN}settings.html` }, { type: 'settings:set', patch: { shortcut: 'CommandOrControl+Shift+K' } });
    expect(reply.ok).toBe(false);
    expect([...shortcuts.registered.keys()]).toEqual(['CommandOrControl+Alt+B']);
    expect(app.currentSettings().shortcut).toBe('CommandOrControl+Alt+B');
  });

  it('the default shortcut being taken at start-up leaves Limber running, with a message', () => {
    const { app, shortcuts } = setup({ held: ['CommandOrControl+Alt+B'] });
    expect(shortcuts.registered.size).toBe(0);
    expect(app.notices.some((n) => n.includes('CommandOrControl+Alt+B'))).toBe(true);
    app.run({ name: 'break', kind: null });
    expect(app.status().phase).toBe('on-break');
  });
});

describe('a damaged settings file', () => {
  it('is reported once, by notification and to the settings window, and defaults are used', async () => {
    const message = 'Your settings file was damaged; it was kept as settings.json.corrupt-20261123T090000 and defaults are in use.';
    const store: SettingsStorePort = {
      load: () => ({ settings: defaultSettings(), problems: [], movedAside: 'settings.json.corrupt-20261123T090000', message }),
      save: () => ({ ok: true }),
    };
    const notifier = new RecordingNotifier();
    const { app } = setup({ settings: store, notifier });
    expect(notifier.sent.map((n) => n.req.body)).toEqual([message]);
    const first = await app.handleRequest({ window: 'settings', url: `${ORIGIN}settings.html` }, { type: 'settings:get' });
    expect(first.ok && first.notice).toBe(message);
    const second = await app.handleRequest({ window: 'settings', url: `${ORIGIN}settings.html` }, { type: 'settings:get' });
    expect(second.ok && second.notice).toBeFalsy();
    expect(app.currentSettings()).toEqual(defaultSettings());
  });
});

describe('the tray menu', () => {
  it('carries out the command each item names, through the same dispatcher as the command line', () => {
    const { app, tray, windows, logs } = setup();
    tray.clickMenu('stats');
    tray.clickMenu('settings');
    expect(windows.opened).toEqual(['stats', 'settings']);
    tray.clickMenu('pause:30');
    expect(app.status().phase).toBe('paused');
    expect(app.handleCommandLine(['status']).output).toBe(tray.current.tooltip);
    tray.clickMenu('resume');
    expect(app.status().phase).toBe('working');
    expect(logs.filter((l) => l.includes('without a command'))).toEqual([]);
  });
});

describe('a second launch', () => {
  it('shows the settings window when plain, does nothing at login, and carries out a command', () => {
    const { app, windows } = setup();
    app.secondLaunch(['--hidden']);
    expect(windows.opened).toEqual([]);
    app.secondLaunch([]);
    expect(windows.opened).toEqual(['settings']);
    app.secondLaunch(['pause', '30']);
    expect(app.status().phase).toBe('paused');
  });
});

describe('language', () => {
  const sender = { window: 'settings' as const, url: `${ORIGIN}settings.html` };
  // `locale:get` answers once a language being loaded is in force.
  const settle = (app: LimberApp) => app.handleRequest(sender, { type: 'locale:get' });

  it('system follows the OS list with its fallbacks: the tray speaks Brazilian Portuguese for pt-PT', async () => {
    const { tray, app } = setup({ preferred: ['pt-PT', 'en-US'] });
    await settle(app);
    const view = tray.views.at(-1)!;
    expect(view.menu[0]!.label).toBe('Fazer uma pausa agora');
    expect(view.tooltip).toMatch(/^Limber — próxima pausa em/);
    expect(await app.handleRequest(sender, { type: 'locale:get' })).toMatchObject({ ok: true, locale: 'pt-BR' });
  });

  it('switching the setting turns the tray, the notifications and every open window without a restart', async () => {
    const notifier = new RecordingNotifier();
    const { app, tray, windows, clock } = setup({ notifier, preferred: ['en-US'] });
    await settle(app);
    expect(tray.views.at(-1)!.menu[0]!.label).toBe('Start break now');
    const r = await app.handleRequest(sender, { type: 'settings:set', patch: { language: 'de' } });
    expect(r.ok).toBe(true);
    await settle(app);
    expect(tray.views.at(-1)!.menu[0]!.label).toBe('Jetzt Pause machen');
    expect(windows.sent).toContainEqual({ type: 'locale', locale: 'de' });
    expect(await app.handleRequest(sender, { type: 'locale:get' })).toMatchObject({ locale: 'de' });
    // The heads-up comes a minute before the break, in German, with German buttons.
    clock.advanceBy(30 * 60_000);
    const headsUp = notifier.sent.find((n) => n.req.actions.length > 0)!;
    expect(headsUp.req.body).toBe('Eine Bewegungspause beginnt in 60 Sekunden.');
    expect(headsUp.req.actions).toEqual(['Jetzt starten', 'Später', 'Überspringen']);
    // The command line's own output stays English, whatever the language.
    expect(app.handleCommandLine(['status']).output).toMatch(/^Limber — /);
    expect(app.handleCommandLine(['status']).output).not.toMatch(/Pause|pausiert/);
  });

  it('a new app speaks its own language, not the one an earlier app in the same process switched to', async () => {
    await settle(setup({ preferred: ['de-DE'] }).app);
    const notifier = new RecordingNotifier();
    const { app, clock } = setup({ notifier, preferred: ['en-US'] });
    await settle(app);
    clock.advanceBy(30 * 60_000);
    expect(notifier.sent.find((n) => n.req.actions.length > 0)!.req.body).toBe('A movement break starts in 60 seconds.');
  });

  it('the hold notice names the reason in the language in force', async () => {
    speak(translator(await loadLocale('de')));
    expect(holdNoticeBody('micro', 'call')).toBe('Eine Bewegungspause wartet (du bist in einem Anruf); sie kommt 2 Minuten, nachdem du fertig bist.');
    speak(tEnglish);
    expect(holdNoticeBody('long', null)).toBe('A stretch session is waiting; it comes 2 minutes after you are done.');
  });

  it('refuses a language Limber does not ship, naming the choices, and keeps the one in force', async () => {
    const { app, tray } = setup({ preferred: ['ja-JP'] });
    await settle(app);
    const r = await app.handleRequest(sender, { type: 'settings:set', patch: { language: 'xx' } });
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.error).toMatch(/language must be system or a shipped language: en, de/);
    expect(app.currentSettings().language).toBe('system');
    expect(tray.views.at(-1)!.menu[0]!.label).toBe('今すぐ休憩する');
  });
});
