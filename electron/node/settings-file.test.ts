import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RANGES, defaultSettings, type Settings } from '../core/settings.ts';
import { SETTINGS_VERSION } from '../core/settings-migrations.ts';
import { SettingsFile, settingsStoreOptions, type SettingsLoad, type SettingsStoreOptions } from './settings-file.ts';
import { bundleForOtherUser } from '../../e2e/harness/for-other-user.ts';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'limber-settings-'));
  file = path.join(dir, 'settings.json');
});
afterEach(() => {
  fs.chmodSync(dir, 0o700);
  fs.rmSync(dir, { recursive: true, force: true });
});

const NOW = Date.parse('2026-11-23T08:55:00.000Z');
const open = (extra: Partial<ConstructorParameters<typeof SettingsFile>[0]> = {}) => new SettingsFile({ dataDir: dir, now: () => NOW, ...extra });
const onDisk = () => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
const asideFiles = () => fs.readdirSync(dir).filter((f) => f.startsWith('settings.json.corrupt-'));

/** Bytes that are no JSON at all, the same every run. */
function garbage(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;
  return bytes;
}

function expectMovedAside(r: SettingsLoad, original: Buffer) {
  expect(r.movedAside).not.toBeNull();
  expect(path.basename(r.movedAside!)).toBe('settings.json.corrupt-2026-11-23T08-55-00-000Z');
  expect(fs.readFileSync(r.movedAside!).equals(original)).toBe(true);
  expect(r.message).toContain('settings.json.corrupt-2026-11-23T08-55-00-000Z');
  expect(r.problems.length).toBeGreaterThan(0);
}

describe('settings store options', () => {
  it('serve conf and electron-store alike, with the schema derived from valibot', () => {
    const o = settingsStoreOptions(dir);
    expect(o).toMatchObject({ name: 'settings', configName: 'settings', cwd: dir, projectVersion: SETTINGS_VERSION, clearInvalidConfig: false });
    const schema = o.schema as Record<string, { properties?: Record<string, { minimum?: number; maximum?: number; default?: unknown }> }>;
    const every = schema['microBreak']!.properties!['everyMinutes']!;
    expect([every.minimum, every.maximum, every.default]).toEqual([RANGES['microBreak.everyMinutes'].min, RANGES['microBreak.everyMinutes'].max, 30]);
    expect(Object.keys(o.migrations ?? {})).toContain(SETTINGS_VERSION);
  });

  it('conf rejects an out-of-range write through that schema', () => {
    const conf = new Conf<Record<string, unknown>>(settingsStoreOptions(dir));
    expect(() => conf.set('snoozeMinutes', 500)).toThrow(/schema violation/);
  });
});

describe('loading settings.json', () => {
  it('starts on defaults without a file and writes a complete file to edit by hand', () => {
    const r = open().load();
    expect(r).toMatchObject({ settings: defaultSettings(), problems: [], movedAside: null, message: null, persistent: true });
    expect(onDisk()).toMatchObject(defaultSettings());
  });

  it('keeps a valid file as it is', () => {
    open().save({ ...defaultSettings(), snoozeMinutes: 7 });
    const before = fs.readFileSync(file);
    const r = open().load();
    expect(r.settings.snoozeMinutes).toBe(7);
    expect(r.message).toBeNull();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('leaves a complete, valid file in its own layout (written by hand, not by the store)', () => {
    const text = JSON.stringify({ ...defaultSettings(), snoozeMinutes: 7, __internal__: { migrations: { version: SETTINGS_VERSION } } });
    fs.writeFileSync(file, text);
    const r = open().load();
    expect(r).toMatchObject({ settings: { ...defaultSettings(), snoozeMinutes: 7 }, problems: [], message: null, persistent: true });
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });

  it('completes a valid file that lacks some settings', () => {
    fs.writeFileSync(file, JSON.stringify({ snoozeMinutes: 7, __internal__: { migrations: { version: SETTINGS_VERSION } } }));
    const r = open().load();
    expect(r).toMatchObject({ settings: { ...defaultSettings(), snoozeMinutes: 7 }, problems: [], message: null });
    expect(onDisk()).toMatchObject({ ...defaultSettings(), snoozeMinutes: 7 });
  });

  it.each([
    ['corrupt JSON', Buffer.from('{"microBreak": {"everyMinutes": 45,, }')],
    ['an empty file', Buffer.alloc(0)],
    ['a truncated file', Buffer.from(JSON.stringify({ ...defaultSettings(), snoozeMinutes: 9 }, null, '\t')).subarray(0, 120)],
    ['a JSON array', Buffer.from('[1, 2, 3]')],
    ['JSON null', Buffer.from('null')],
    ['invalid UTF-8 bytes', Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0x22, 0x7d])],
  ])('moves %s aside byte for byte and starts on defaults', (_name, bytes) => {
    fs.writeFileSync(file, bytes);
    const r = open().load();
    expectMovedAside(r, bytes);
    expect(r.settings).toEqual(defaultSettings());
    expect(r.persistent).toBe(true);
    expect(onDisk()).toMatchObject(defaultSettings());
    // The next start is clean: the message is shown once.
    expect(open().load().message).toBeNull();
  });

  // How long it takes is a bench figure (settingsGarbage10MbMs), not a limit here.
  it('moves a 10 MB garbage file aside, every byte kept', () => {
    const bytes = garbage(10 * 1024 * 1024);
    fs.writeFileSync(file, bytes);
    const r = open().load();
    expectMovedAside(r, bytes);
    expect(r.settings).toEqual(defaultSettings());
  });

  it('moves aside a settings.json that cannot be read as a file', () => {
    fs.mkdirSync(file);
    fs.writeFileSync(path.join(file, 'inside'), 'x');
    const r = open().load();
    expect(r.movedAside).not.toBeNull();
    expect(fs.readFileSync(path.join(r.movedAside!, 'inside'), 'utf8')).toBe('x');
    expect(r.settings).toEqual(defaultSettings());
  });

  it('keeps every other setting when values have the wrong type, and the original file', () => {
    const text = JSON.stringify({
      microBreak: { everyMinutes: 45, durationSeconds: true },
      snoozeMinutes: 'ten',
      sound: false,
      headsUpSeconds: 9999,
      workHours: { enabled: true, start: '08:00', end: '16:30', days: [1, 2, 3] },
      positions: ['seated', 'wall'],
    });
    fs.writeFileSync(file, text);
    const r = open().load();
    expect(r.settings).toEqual({
      ...defaultSettings(),
      microBreak: { enabled: true, everyMinutes: 45, durationSeconds: 60 },
      sound: false,
      workHours: { enabled: true, start: '08:00', end: '16:30', days: [1, 2, 3] },
      positions: ['seated', 'wall'],
    });
    expect(r.problems.map((p) => p.path).sort()).toEqual(['headsUpSeconds', 'microBreak.durationSeconds', 'snoozeMinutes']);
    expect(r.message).toMatch(/snoozeMinutes/);
    expect(fs.readFileSync(r.movedAside!, 'utf8')).toBe(text);
    expect(onDisk()).toMatchObject(r.settings);
  });

  it('repairs a rule the JSON Schema cannot express (work hours ending before they start)', () => {
    fs.writeFileSync(file, JSON.stringify({ snoozeMinutes: 8, workHours: { enabled: true, start: '18:00', end: '09:00' } }));
    const r = open().load();
    expect(r.settings.snoozeMinutes).toBe(8);
    expect(r.settings.workHours.end > r.settings.workHours.start).toBe(true);
    expect(r.problems[0]!.path).toBe('workHours.end');
  });

  it('migrates a hand-written 0.0.x file, keeping the old file once', () => {
    const old = JSON.stringify(
      {
        breakEveryMinutes: 45,
        breakSeconds: 90,
        longBreakEvery: 3,
        longBreakMinutes: 10,
        warnSeconds: 30,
        idleMinutes: 4,
        snoozeMinutes: 10,
        sound: false,
        hotkey: 'Ctrl+Shift+B',
        launchAtLogin: false,
        workHours: { enabled: true, from: '08:30', to: '17:30', weekdays: [1, 2, 3, 4] },
        __internal__: { migrations: { version: '0.0.3' } },
      },
      null,
      2,
    );
    fs.writeFileSync(file, old);
    const r = open().load();
    expect(r.problems).toEqual([]);
    expect(r.settings).toEqual({
      microBreak: { enabled: true, everyMinutes: 45, durationSeconds: 90 },
      longBreak: { enabled: true, everyNth: 3, durationMinutes: 10 },
      headsUpSeconds: 30,
      snoozeMinutes: 10,
      awayAfterMinutes: 4,
      workHours: { enabled: true, days: [1, 2, 3, 4], start: '08:30', end: '17:30' },
      positions: ['seated', 'standing'],
      excludedExercises: [],
      sound: false,
      shortcut: 'Ctrl+Shift+B',
      startAtLogin: false,
      holdDuring: ['call', 'screen-sharing', 'presentation', 'fullscreen', 'do-not-disturb'],
      holdLimitMinutes: 90,
      language: 'system',
    } satisfies Settings);
    const disk = onDisk();
    expect(disk['__internal__']).toEqual({ migrations: { version: SETTINGS_VERSION } });
    expect(disk).not.toHaveProperty('breakEveryMinutes');
    expect(fs.readFileSync(`${file}.before-${SETTINGS_VERSION}`, 'utf8')).toBe(old);
    // A second start finds nothing to migrate or repair.
    const again = open().load();
    expect(again.settings).toEqual(r.settings);
    expect(again.message).toBeNull();
  });
});

describe('saving', () => {
  it('persists valid settings across restarts and refuses invalid ones', () => {
    const s = open();
    s.load();
    expect(s.save({ ...defaultSettings(), awayAfterMinutes: 12 })).toEqual({ ok: true });
    const bad = s.save({ ...defaultSettings(), awayAfterMinutes: 99 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/awayAfterMinutes.*2 to 30/);
    expect(open().load().settings.awayAfterMinutes).toBe(12);
  });

  it('reports a full disk and keeps running with the settings in memory', () => {
    let full = false;
    const makeStore = (o: SettingsStoreOptions) =>
      new Conf<Record<string, unknown>>({
        ...o,
        serialize: (v) => {
          if (full) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
          return JSON.stringify(v, undefined, '\t');
        },
      });
    const s = open({ makeStore });
    s.load();
    full = true;
    const r = s.save({ ...defaultSettings(), snoozeMinutes: 3 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/ENOSPC/);
    expect(s.load().settings.snoozeMinutes).toBe(5); // the file still holds what was last saved
    // A start while the disk is full: defaults in memory, reported.
    fs.rmSync(file);
    const fresh = open({ makeStore }).load();
    expect(fresh.persistent).toBe(false);
    expect(fresh.message).toMatch(/ENOSPC/);
    expect(fresh.settings).toEqual(defaultSettings());
  });

  it('reports a read-only folder and keeps running with the settings in memory', async (ctx) => {
    fs.writeFileSync(file, JSON.stringify({ ...defaultSettings(), snoozeMinutes: 7, __internal__: { migrations: { version: '0.0.1' } } }));
    fs.chmodSync(dir, 0o555);
    let out: { load: SettingsLoad; save: { ok: boolean; message?: string } };
    if (process.getuid?.() === 0) {
      // root writes anywhere, whatever the mode: run the store as an unprivileged user instead.
      fs.chmodSync(file, 0o644);
      // Bundled into a temp folder: the checkout may sit where that user cannot enter (under root's home).
      const script = await bundleForOtherUser(path.join(import.meta.dirname, 'settings-file.child.ts'));
      const child = spawnSync(process.execPath, [script, dir], {
        uid: 65534,
        gid: 65534,
        cwd: os.tmpdir(),
        encoding: 'utf8',
        env: { ...process.env, HOME: os.tmpdir() },
      });
      fs.rmSync(path.dirname(script), { recursive: true, force: true });
      if (child.error || child.status !== 0) {
        ctx.skip(`running as root, where chmod does not stop writes, and an unprivileged child could not run: ${child.error?.message ?? child.stderr}`);
        return;
      }
      out = JSON.parse(child.stdout);
    } else {
      const s = open();
      out = { load: s.load(), save: s.save({ ...defaultSettings(), snoozeMinutes: 9 }) };
    }
    expect(out.load.settings.snoozeMinutes).toBe(7);
    expect(out.load.persistent).toBe(false);
    expect(out.load.message).toMatch(/cannot save settings/);
    expect(out.save.ok).toBe(false);
    expect(out.save.message).toMatch(/EACCES|EPERM|EROFS/);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).snoozeMinutes).toBe(7);
  });
});

describe('edits made while running', () => {
  const waitFor = async (cond: () => boolean) => {
    for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 20));
    expect(cond()).toBe(true);
  };

  it('picks up a valid edit, rejects an invalid one, and ignores its own writes', async () => {
    const s = open({ debounceMs: 30 });
    s.load();
    const seen: SettingsLoad[] = [];
    const stop = s.onExternalChange((r) => seen.push(r));
    try {
      s.save({ ...defaultSettings(), snoozeMinutes: 6 });
      await new Promise((r) => setTimeout(r, 200));
      expect(seen).toEqual([]);

      fs.writeFileSync(file, JSON.stringify({ ...defaultSettings(), snoozeMinutes: 11 }));
      await waitFor(() => seen.length === 1);
      expect(seen[0]!.settings.snoozeMinutes).toBe(11);
      expect(seen[0]!.message).toBeNull();

      const typo = '{"snoozeMinutes": 12,';
      fs.writeFileSync(file, typo);
      await waitFor(() => seen.length === 2);
      expect(seen[1]!.settings.snoozeMinutes).toBe(11);
      expect(seen[1]!.message).toMatch(/rejected/);
      expect(fs.readFileSync(file, 'utf8')).toBe(typo); // left alone while the user is editing

      fs.writeFileSync(file, JSON.stringify({ ...defaultSettings(), snoozeMinutes: 500, sound: false }));
      await waitFor(() => seen.length === 3);
      expect(seen[2]!.settings.snoozeMinutes).toBe(11);
      expect(seen[2]!.settings.sound).toBe(false);
      expect(seen[2]!.problems.map((p) => p.path)).toEqual(['snoozeMinutes']);
    } finally {
      stop();
    }
  });
});

describe('no stray files', () => {
  it('a clean start leaves only settings.json', () => {
    open().load();
    expect(fs.readdirSync(dir)).toEqual(['settings.json']);
    expect(asideFiles()).toEqual([]);
  });
});
