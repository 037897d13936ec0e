import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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
/** A real store over a disk that fills up when the test says so: every write after `fill()` fails with ENOSPC. */
function diskThatFills() {
  let full = false;
  return {
    fill: () => void (full = true),
    makeStore: (o: SettingsStoreOptions) =>
      new Conf<Record<string, unknown>>({
        ...o,
        serialize: (v) => {
          if (full) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
          return JSON.stringify(v, undefined, '\t');
        },
      }),
  };
}

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
      sync: { folder: null },
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
    const disk = diskThatFills();
    const makeStore = disk.makeStore;
    const s = open({ makeStore });
    s.load();
    disk.fill();
    const r = s.save({ ...defaultSettings(), snoozeMinutes: 3 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/ENOSPC/);
    expect(s.load().settings.snoozeMinutes).toBe(defaultSettings().snoozeMinutes); // the file still holds what was last saved
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

/** A clock whose time has no date: the damaged file cannot be given a name to move to. */
const noStamp = () => Number.NaN;
const failingStore = (message: string, code?: string) => () => {
  throw Object.assign(new Error(message), code ? { code } : {});
};

describe('what the user is told, and what stays on disk', () => {
  const stamp = 'settings.json.corrupt-2026-11-23T08-55-00-000Z';

  it.each([
    ['an empty file', '  \n', 'the file is empty'],
    ['a JSON array', '[1]', 'not a JSON object'],
    ['a JSON string', '"x"', 'not a JSON object'],
  ])('names the reason for %s, and where the file was kept', (_name, text, reason) => {
    fs.writeFileSync(file, text);
    const r = open().load();
    expect(r.message).toBe(`settings.json could not be used (${reason}). It was kept as ${stamp} and Limber starts on the default settings.`);
    expect(r.problems).toEqual([{ path: '(settings)', message: `settings.json is damaged: ${reason}` }]);
    expect(r.movedAside).toBe(path.join(dir, stamp));
  });

  it('quotes the JSON error of a file that does not parse', () => {
    fs.writeFileSync(file, '{"snoozeMinutes": 5,');
    let parseError = '';
    try {
      JSON.parse('{"snoozeMinutes": 5,');
    } catch (e) {
      parseError = (e as Error).message;
    }
    const r = open().load();
    expect(r.problems).toEqual([{ path: '(settings)', message: `settings.json is damaged: not valid JSON (${parseError})` }]);
  });

  it('names the error of a settings.json that cannot be read', () => {
    fs.mkdirSync(file);
    const r = open().load();
    expect(r.problems).toEqual([{ path: '(settings)', message: expect.stringMatching(/^settings\.json is damaged: .*settings\.json is a folder, not a regular file/) as unknown as string }]);
  });

  it('never overwrites a damaged file kept earlier', () => {
    fs.writeFileSync(file, 'first');
    open().load();
    fs.writeFileSync(file, 'second');
    const r = open().load();
    expect(path.basename(r.movedAside!)).toBe(`${stamp}-1`);
    expect(fs.readFileSync(path.join(dir, stamp), 'utf8')).toBe('first');
    expect(fs.readFileSync(r.movedAside!, 'utf8')).toBe('second');
  });

  it('leaves a damaged file where it is when it cannot be moved aside, and does not write over it', () => {
    fs.writeFileSync(file, '');
    const r = open({ now: noStamp }).load();
    expect(r).toEqual({
      settings: defaultSettings(),
      problems: [{ path: '(settings)', message: 'settings.json is damaged: the file is empty' }],
      movedAside: null,
      message: 'settings.json could not be used (the file is empty) and could not be moved aside (Invalid time value).',
      persistent: false,
      changed: [],
    });
    expect(fs.readdirSync(dir)).toEqual(['settings.json']);
    expect(fs.readFileSync(file, 'utf8')).toBe('');
  });

  it('keeps the valid values of a file it cannot move aside, in memory, and does not write over it', () => {
    const text = JSON.stringify({ snoozeMinutes: 0, sound: false });
    fs.writeFileSync(file, text);
    const r = open({ now: noStamp }).load();
    expect(r).toEqual({
      settings: { ...defaultSettings(), sound: false },
      problems: [{ path: 'snoozeMinutes', message: 'snoozeMinutes must be a whole number from 1 to 60 minutes' }],
      movedAside: null,
      message: `Limber cannot save settings in ${dir} (Invalid time value). Changes are kept until Limber quits.`,
      persistent: false,
      changed: ['sound'],
    });
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });

  it('says where a repaired file was kept and what was reset', () => {
    fs.writeFileSync(file, JSON.stringify({ snoozeMinutes: 0, sound: false }));
    const r = open().load();
    expect(r.message).toBe(
      `Some settings were not valid and were reset (snoozeMinutes must be a whole number from 1 to 60 minutes). Every other setting was kept; the original file was saved as ${stamp}.`,
    );
    expect(r.persistent).toBe(true);
    expect(onDisk()).toMatchObject({ ...defaultSettings(), sound: false });
  });

  it('uses the file in memory when the store cannot open (a read-only folder), and says so', () => {
    fs.writeFileSync(file, JSON.stringify({ snoozeMinutes: 7, __internal__: { migrations: { version: SETTINGS_VERSION } } }));
    const r = open({ makeStore: failingStore('permission denied', 'EACCES') }).load();
    expect(r).toEqual({
      settings: { ...defaultSettings(), snoozeMinutes: 7 },
      problems: [],
      movedAside: null,
      message: `Limber cannot save settings in ${dir} (EACCES: permission denied). Changes are kept until Limber quits.`,
      persistent: false,
      changed: ['snoozeMinutes'],
    });
  });

  it('uses a repaired file in memory when the store cannot open, reporting both', () => {
    fs.writeFileSync(file, JSON.stringify({ snoozeMinutes: 0, sound: false }));
    const r = open({ makeStore: failingStore('no space left on device', 'ENOSPC') }).load();
    expect(r.settings).toEqual({ ...defaultSettings(), sound: false });
    expect(r.problems.map((p) => p.path)).toEqual(['snoozeMinutes']);
    expect(r.movedAside).toBe(path.join(dir, stamp));
    expect(r.message).toBe(
      `Some settings were not valid and were reset (snoozeMinutes must be a whole number from 1 to 60 minutes). Every other setting was kept; the original file was saved as ${stamp}. Limber cannot save settings in ${dir} (ENOSPC: no space left on device). Changes are kept until Limber quits.`,
    );
    expect(r.persistent).toBe(false);
  });

  it('starts on defaults in memory when a damaged file was moved aside and the store cannot open', () => {
    fs.writeFileSync(file, 'garbage');
    const r = open({ makeStore: failingStore('permission denied', 'EACCES') }).load();
    expect(r.settings).toEqual(defaultSettings());
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.message).toMatch(/^settings\.json is damaged: not valid JSON \(.*"garbage" is not valid JSON\)$/);
    expect(r.persistent).toBe(false);
    expect(fs.readFileSync(path.join(dir, stamp), 'utf8')).toBe('garbage');
  });

  it('repairs what the store refused by its schema, after the store opens again', () => {
    // The store refuses the file (as conf does on a schema violation) and leaves it unmigrated: valibot judges it as it is.
    const old = JSON.stringify({ breakEveryMinutes: 45, snoozeMinutes: 9, __internal__: { migrations: { version: '0.0.3' } } });
    fs.writeFileSync(file, old);
    let calls = 0;
    const makeStore = (o: SettingsStoreOptions) => {
      if (++calls === 1) throw new Error('Config schema violation: `snoozeMinutes` must be <= 60');
      return new Conf<Record<string, unknown>>(o);
    };
    const r = open({ makeStore }).load();
    expect(calls).toBe(2);
    expect(r.problems).toEqual([{ path: 'breakEveryMinutes', message: 'breakEveryMinutes is not a known setting' }]);
    expect(r.settings).toEqual({ ...defaultSettings(), snoozeMinutes: 9 });
    expect(r.message).toBe(`Some settings were not valid and were reset (breakEveryMinutes is not a known setting). The original file was saved as ${stamp}.`);
    expect(fs.readFileSync(path.join(dir, stamp), 'utf8')).toBe(old);
    expect(r.persistent).toBe(true);
    expect(onDisk()).toMatchObject({ ...defaultSettings(), snoozeMinutes: 9 });
  });

  it('keeps the settings in memory when the store refuses by its schema and then cannot open at all', () => {
    fs.writeFileSync(file, JSON.stringify({ snoozeMinutes: 9 }));
    let calls = 0;
    const makeStore = () => {
      throw new Error(++calls === 1 ? 'Config schema violation: odd' : 'EROFS: read-only file system');
    };
    const r = open({ makeStore }).load();
    expect(r.settings).toEqual({ ...defaultSettings(), snoozeMinutes: 9 });
    expect(r.message).toBe(`Limber cannot save settings in ${dir} (EROFS: read-only file system). Changes are kept until Limber quits.`);
    expect(r.persistent).toBe(false);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ snoozeMinutes: 9 });
  });

  it('keeps the settings in memory when the store refuses by its schema and the repaired file cannot be moved aside', () => {
    const old = JSON.stringify({ breakEveryMinutes: 45, __internal__: { migrations: { version: '0.0.3' } } });
    fs.writeFileSync(file, old);
    const makeStore = failingStore('Config schema violation: odd');
    const r = open({ makeStore, now: noStamp }).load();
    expect(r.settings).toEqual(defaultSettings());
    expect(r.movedAside).toBeNull();
    expect(r.persistent).toBe(false);
    expect(r.message).toBe(`Limber cannot save settings in ${dir} (Invalid time value). Changes are kept until Limber quits.`);
    expect(fs.readFileSync(file, 'utf8')).toBe(old);
  });

  it('migrates an older file in memory when the store cannot open, and leaves the file alone', () => {
    const old = JSON.stringify({ snoozeMinutes: 9, idleMinutes: 4, __internal__: { migrations: { version: '0.0.3' } } });
    fs.writeFileSync(file, old);
    const r = open({ makeStore: failingStore('permission denied', 'EACCES') }).load();
    expect(r).toMatchObject({ settings: { ...defaultSettings(), snoozeMinutes: 9, awayAfterMinutes: 4 }, problems: [], movedAside: null, persistent: false });
    expect(asideFiles()).toEqual([]);
    expect(fs.readFileSync(file, 'utf8')).toBe(old);
  });

  it('keeps a repaired file in memory when writing the repair fails', () => {
    const disk = diskThatFills();
    const makeStore = (o: SettingsStoreOptions) => {
      const store = disk.makeStore(o);
      disk.fill(); // the store opened; the disk fills before the repair is written
      return store;
    };
    fs.writeFileSync(file, JSON.stringify({ snoozeMinutes: 0, sound: false }));
    const r = open({ makeStore }).load();
    expect(r.settings).toEqual({ ...defaultSettings(), sound: false });
    expect(r.persistent).toBe(false);
    expect(r.message).toMatch(/was saved as settings\.json\.corrupt-.* Limber cannot save settings in .* \(ENOSPC: no space left on device\)\. Changes are kept until Limber quits\.$/);
  });

  it('reports a file that cannot be written on the first start', () => {
    const makeStore = (o: SettingsStoreOptions) =>
      new Conf<Record<string, unknown>>({
        ...o,
        serialize: () => {
          throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        },
      });
    fs.writeFileSync(file, JSON.stringify({ snoozeMinutes: 9 }));
    const r = open({ makeStore }).load();
    expect(r.settings).toEqual({ ...defaultSettings(), snoozeMinutes: 9 });
    expect(r.persistent).toBe(false);
    expect(r.message).toBe(`Limber cannot save settings in ${dir} (ENOSPC: no space left on device). Changes are kept until Limber quits.`);
  });

  it('words a failed write with the file and the error, and keeps the file as it was (atomic write)', () => {
    const disk = diskThatFills();
    const makeStore = disk.makeStore;
    const s = open({ makeStore });
    s.load();
    const before = fs.readFileSync(file, 'utf8');
    disk.fill();
    expect(s.save({ ...defaultSettings(), snoozeMinutes: 3 })).toEqual({
      ok: false,
      message: `Could not save settings to ${file} (ENOSPC: no space left on device). They are kept until Limber quits.`,
      error: 'ENOSPC: no space left on device',
    });
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['settings.json']);
  });

  it('words a refused save with every problem', () => {
    const s = open();
    s.load();
    expect(s.save({ ...defaultSettings(), snoozeMinutes: 0, awayAfterMinutes: 99 })).toEqual({
      ok: false,
      message: 'Settings not saved: snoozeMinutes must be a whole number from 1 to 60 minutes; awayAfterMinutes must be a whole number from 2 to 30 minutes',
    });
  });

  it('keeps a save in memory when the store still cannot open, and saves once it can', () => {
    let broken = true;
    const makeStore = (o: SettingsStoreOptions) => {
      if (broken) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
      return new Conf<Record<string, unknown>>(o);
    };
    const s = open({ makeStore });
    expect(s.load().persistent).toBe(false);
    expect(s.save({ ...defaultSettings(), snoozeMinutes: 4 })).toEqual({
      ok: false,
      message: `Could not save settings in ${dir} (EACCES: permission denied). They are kept until Limber quits.`,
    });
    expect(s.load()).toMatchObject({ settings: { snoozeMinutes: 4 }, persistent: false });
    broken = false;
    expect(s.save({ ...defaultSettings(), snoozeMinutes: 6 })).toEqual({ ok: true });
    expect(onDisk()).toMatchObject({ snoozeMinutes: 6 });
    expect(s.load()).toMatchObject({ settings: { snoozeMinutes: 6 }, persistent: true });
  });
});

describe('keeping the file of an older version', () => {
  const kept = () => fs.readdirSync(dir).filter((f) => f.includes('.before-'));

  it('is not done for a file of this version, nor for one without settings', () => {
    fs.writeFileSync(file, JSON.stringify({ snoozeMinutes: 7, __internal__: { migrations: { version: SETTINGS_VERSION } } }));
    open().load();
    expect(kept()).toEqual([]);
    fs.writeFileSync(file, JSON.stringify({ __internal__: { migrations: { version: '0.0.3' } } }));
    open().load();
    expect(kept()).toEqual([]);
  });

  it('is done for a file without a version, and never over a copy kept before', () => {
    const text = JSON.stringify({ snoozeMinutes: 7, __internal__: {} });
    fs.writeFileSync(file, text);
    expect(open().load().settings.snoozeMinutes).toBe(7);
    expect(fs.readFileSync(`${file}.before-${SETTINGS_VERSION}`, 'utf8')).toBe(text);
    fs.writeFileSync(file, JSON.stringify({ snoozeMinutes: 8, __internal__: [] }));
    expect(open().load().settings.snoozeMinutes).toBe(8);
    expect(fs.readFileSync(`${file}.before-${SETTINGS_VERSION}`, 'utf8')).toBe(text);
  });
});

describe('re-reading after a hand edit', () => {
  it('keeps the current settings when the file was deleted', () => {
    const s = open();
    s.load();
    s.save({ ...defaultSettings(), snoozeMinutes: 4 });
    fs.rmSync(file);
    expect(s.load()).toEqual({ settings: { ...defaultSettings(), snoozeMinutes: 4 }, problems: [], movedAside: null, message: null, persistent: true, changed: ['snoozeMinutes'] });
  });

  it('words a damaged edit, and the edit is left alone', () => {
    const s = open();
    s.load();
    fs.writeFileSync(file, '[]');
    const message = 'settings.json was changed but not a JSON object; the change was rejected and the current settings stay.';
    expect(s.load()).toEqual({ settings: defaultSettings(), problems: [{ path: '(settings)', message }], movedAside: null, message, persistent: true, changed: [] });
    expect(fs.readFileSync(file, 'utf8')).toBe('[]');
  });

  it('words a rejected value, and takes the rest', () => {
    const s = open();
    s.load();
    fs.writeFileSync(file, JSON.stringify({ ...defaultSettings(), snoozeMinutes: 0, sound: false }));
    const r = s.load();
    expect(r.message).toBe('A change to settings.json was rejected: snoozeMinutes must be a whole number from 1 to 60 minutes. Those settings keep their current values.');
    expect(r.settings).toEqual({ ...defaultSettings(), sound: false });
    expect(r.persistent).toBe(true);
  });

  it('migrates an edit in an older layout', () => {
    const s = open();
    s.load();
    fs.writeFileSync(file, JSON.stringify({ snoozeMinutes: 9, idleMinutes: 4, __internal__: { migrations: { version: '0.0.3' } } }));
    expect(s.load()).toMatchObject({ settings: { snoozeMinutes: 9, awayAfterMinutes: 4 }, problems: [], message: null });
  });

  it('says the settings live in memory when the store never opened', () => {
    const s = open({ makeStore: failingStore('permission denied', 'EACCES') });
    s.load();
    fs.writeFileSync(file, JSON.stringify({ snoozeMinutes: 9 }));
    expect(s.load()).toMatchObject({ settings: { snoozeMinutes: 9 }, persistent: false });
    fs.writeFileSync(file, '');
    expect(s.load().persistent).toBe(false);
    fs.rmSync(file);
    expect(s.load()).toMatchObject({ settings: { snoozeMinutes: 9 }, persistent: false });
  });

  it('starts from the defaults when called before the first load', () => {
    fs.writeFileSync(file, JSON.stringify({ sound: false }));
    expect(open().reload().settings).toEqual({ ...defaultSettings(), sound: false });
  });
});

describe('watching the file', () => {
  const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const waitFor = async (cond: () => boolean) => {
    for (let i = 0; i < 200 && !cond(); i++) await settle(20);
    expect(cond()).toBe(true);
  };

  it('ignores other files in the folder, a deleted file, and anything after it is stopped', async () => {
    const s = open({ debounceMs: 30 });
    s.load();
    const seen: SettingsLoad[] = [];
    const stop = s.onExternalChange((r) => seen.push(r));
    fs.writeFileSync(path.join(dir, 'history.jsonl'), '{}\n');
    fs.rmSync(file);
    await settle(300);
    expect(seen).toEqual([]);
    fs.writeFileSync(file, JSON.stringify({ snoozeMinutes: 9 }));
    await waitFor(() => seen.length === 1);
    expect(seen[0]!.settings.snoozeMinutes).toBe(9);
    fs.writeFileSync(file, JSON.stringify({ snoozeMinutes: 10 }));
    stop();
    await settle(300);
    expect(seen).toHaveLength(1);
  });

  it('does not report a file it left as it was, when the same bytes are written again', async () => {
    const text = JSON.stringify({ ...defaultSettings(), snoozeMinutes: 7, __internal__: { migrations: { version: SETTINGS_VERSION } } });
    fs.writeFileSync(file, text);
    const s = open({ debounceMs: 30 });
    s.load();
    const seen: SettingsLoad[] = [];
    const stop = s.onExternalChange((r) => seen.push(r));
    try {
      fs.writeFileSync(file, text);
      await settle(400);
      expect(seen).toEqual([]);
      fs.writeFileSync(file, text.replace('"snoozeMinutes":7', '"snoozeMinutes":8'));
      await waitFor(() => seen.length === 1);
      expect(seen[0]!.settings.snoozeMinutes).toBe(8);
    } finally {
      stop();
    }
  });

  // A timer never fires early, so "not before" holds however slow the machine is.
  it('reads the file only after the quiet time it was given', async () => {
    const s = open({ debounceMs: 1500 });
    s.load();
    const seen: SettingsLoad[] = [];
    const stop = s.onExternalChange((r) => seen.push(r));
    try {
      fs.writeFileSync(file, JSON.stringify({ snoozeMinutes: 9 }));
      await settle(700);
      expect(seen).toEqual([]);
      await waitFor(() => seen.length === 1);
    } finally {
      stop();
    }
  });

  it('drops a pending read when it is stopped', async () => {
    const s = open({ debounceMs: 1000 });
    s.load();
    const seen: SettingsLoad[] = [];
    const stop = s.onExternalChange((r) => seen.push(r));
    fs.writeFileSync(file, JSON.stringify({ snoozeMinutes: 9 }));
    await settle(400); // the change event has arrived; the read waits for the quiet time
    stop();
    await settle(1500);
    expect(seen).toEqual([]);
  });

  it('polls the file when the folder cannot be watched, and stops polling when stopped', async () => {
    const noWatch = vi.spyOn(fs, 'watch').mockImplementation(() => {
      throw Object.assign(new Error('no inotify watches left'), { code: 'ENOSPC' });
    });
    const s = open({ debounceMs: 30 });
    s.load();
    const seen: SettingsLoad[] = [];
    const stop = s.onExternalChange((r) => seen.push(r));
    try {
      await settle(300); // polling compares with the first look at the file, taken when it starts
      fs.writeFileSync(file, JSON.stringify({ snoozeMinutes: 9 }));
      for (let i = 0; i < 40 && seen.length === 0; i++) await settle(250);
      expect(seen).toHaveLength(1);
      expect(seen[0]!.settings.snoozeMinutes).toBe(9);
    } finally {
      stop();
      noWatch.mockRestore();
    }
    fs.writeFileSync(file, JSON.stringify({ snoozeMinutes: 10 }));
    await settle(2600); // longer than the polling interval
    expect(seen).toHaveLength(1);
  });

  it('waits for the editor to finish: several writes in a row are read once', async () => {
    const s = open({ debounceMs: 400 });
    s.load();
    const seen: SettingsLoad[] = [];
    const stop = s.onExternalChange((r) => seen.push(r));
    try {
      fs.writeFileSync(file, '{"snoozeMinutes": ');
      fs.writeFileSync(file, JSON.stringify({ snoozeMinutes: 9 }));
      await waitFor(() => seen.length === 1);
      expect(seen[0]!.settings.snoozeMinutes).toBe(9);
      expect(seen[0]!.message).toBeNull();
    } finally {
      stop();
    }
  });
});

describe('which settings the user changed (the rest follow the organisation’s recommendation)', () => {
  it('a file without a record counts the values that differ from the defaults', () => {
    fs.writeFileSync(file, JSON.stringify({ snoozeMinutes: 7, microBreak: { everyMinutes: 30, durationSeconds: 90 } }));
    expect(open().load().changed).toEqual(['microBreak.durationSeconds', 'snoozeMinutes']);
  });

  it('records the changed keys with the values, across restarts, also one set back to its default', () => {
    const s = open();
    s.load();
    expect(s.save({ ...defaultSettings(), snoozeMinutes: 5 }, ['snoozeMinutes', 'not.a.setting'])).toEqual({ ok: true });
    expect(onDisk()['userChanged']).toEqual(['snoozeMinutes']);
    expect(open().load().changed).toEqual(['snoozeMinutes']);
  });

  it('keeps the record through a save without one and a conf migration', () => {
    fs.writeFileSync(file, JSON.stringify({ breakSeconds: 90, userChanged: ['microBreak.durationSeconds', 'sound'] }));
    const s = open();
    expect(s.load()).toMatchObject({ settings: { microBreak: { durationSeconds: 90 } }, problems: [], changed: ['microBreak.durationSeconds', 'sound'] });
    s.save({ ...defaultSettings(), sound: false });
    expect(onDisk()['userChanged']).toEqual(['microBreak.durationSeconds', 'sound']);
  });

  it('a value edited by hand becomes the user’s', () => {
    const s = open();
    s.load();
    s.save(defaultSettings(), []);
    fs.writeFileSync(file, JSON.stringify({ ...defaultSettings(), headsUpSeconds: 60, awayAfterMinutes: 9, userChanged: [] }));
    expect(s.load().changed).toEqual(['awayAfterMinutes']);
  });
});
