// settings.json on conf (electron-store passes the same options to the same class): loading that never loses a
// byte of the user's file, saving that survives a read-only folder or a full disk, and hand edits picked up live.
import fs from 'node:fs';
import path from 'node:path';
import Conf, { type Options as ConfOptions } from 'conf';
import { toJsonSchema } from '@valibot/to-json-schema';
import type { Cancel } from '../core/clock.ts';
import { SETTINGS_MIGRATIONS, SETTINGS_VERSION, migrateSettingsData } from '../core/settings-migrations.ts';
import { SettingsSchema, defaultSettings, sanitizeSettings, validateSettings, type SettingProblem, type Settings } from '../core/settings.ts';
import { differingFromDefaults, flattenSettings, settingKeys } from '../core/policy.ts';
import { errorText, moveAside } from './files.ts';
import { ensureDataDir, FILE_MODE, makePrivate, openRegular, readRegularText } from './private-files.ts';

export const SETTINGS_FILE = 'settings.json';
/** Real settings are about 1 KB; every list at its cap stays far below this. A larger file is not read at all. */
export const MAX_SETTINGS_BYTES = 64 * 1024;
const INTERNAL_KEY = '__internal__';
/**
 * Which settings the user changed (dotted keys), kept beside them in settings.json: the others follow the
 * organisation's recommendation (DESIGN §1). A file without it (older versions, written by hand) counts every value
 * that differs from Limber's default as the user's.
 */
export const CHANGED_KEY = 'userChanged';

type Stored = Record<string, unknown>;
export type SettingsStore = Conf<Stored>;
/** conf's options plus electron-store's `name` (it overwrites `configName` with `name`, default 'config'). */
export type SettingsStoreOptions = Partial<ConfOptions<Stored>> & { name: string; configName: string; cwd: string };

/** The JSON Schema conf validates with, derived from the valibot schema (the start < end check stays in valibot). */
export function settingsJsonSchema(): Record<string, unknown> {
  return toJsonSchema(SettingsSchema, { errorMode: 'ignore' }) as unknown as Record<string, unknown>;
}

/** One options object for `new Conf(…)` under Node and `new ElectronStore(…)` in Electron. */
export function settingsStoreOptions(dataDir: string): SettingsStoreOptions {
  const schema = settingsJsonSchema();
  const migrations: Record<string, (store: SettingsStore) => void> = {};
  for (const [version, step] of Object.entries(SETTINGS_MIGRATIONS)) {
    migrations[version] = (store) => {
      const changed = store.store[CHANGED_KEY];
      store.store = { ...step(userData(store.store)), ...(changed === undefined ? {} : { [CHANGED_KEY]: changed }) };
    };
  }
  return {
    name: 'settings',
    configName: 'settings',
    cwd: dataDir,
    projectVersion: SETTINGS_VERSION,
    schema: schema['properties'] as ConfOptions<Stored>['schema'],
    migrations,
    // A bad file must never be silently emptied: it is moved aside here instead.
    clearInvalidConfig: false,
    // The file is watched here, with errors handled; conf's watcher would throw from a timer on a bad edit.
    watch: false,
    // The user's alone, whatever the umask (docs/security-local.md).
    configFileMode: FILE_MODE,
  };
}

function isRecord(x: unknown): x is Stored {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The stored object without conf's bookkeeping and the record of changed keys: the settings alone. */
function userData(data: Stored): Stored {
  const { [INTERNAL_KEY]: _internal, [CHANGED_KEY]: _changed, ...rest } = data;
  return rest;
}

/** The recorded list of changed keys, known keys only; null when the file has none (or not a list). */
function readChanged(data: Stored): string[] | null {
  const list = data[CHANGED_KEY];
  if (!Array.isArray(list)) return null;
  const known = new Set(settingKeys());
  return [...new Set(list.filter((k): k is string => typeof k === 'string' && known.has(k)))];
}

export interface SettingsLoad {
  settings: Settings;
  problems: SettingProblem[];
  /** Where a damaged file was moved, when it was. */
  movedAside: string | null;
  /** What to tell the user once (notification and settings window), or null when all was well. */
  message: string | null;
  /** False while settings live only in memory (the folder cannot be written). */
  persistent: boolean;
  /** The dotted keys the user changed; the other values follow the defaults (or the organisation's recommendation). */
  changed: string[];
}

export interface SettingsFileOptions {
  dataDir: string;
  /** Builds the store: conf under Node, electron-store in Electron. */
  makeStore?: (options: SettingsStoreOptions) => SettingsStore;
  now?: () => number;
  /** Quiet time after a change event before the file is read (editors write in several steps). */
  debounceMs?: number;
}

type Decoded = { kind: 'missing' } | { kind: 'object'; data: Stored } | { kind: 'damaged'; reason: string } | { kind: 'unreadable'; reason: string };

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** The file's text, or why it is not read: missing, or too large to be settings (parsing it would take minutes). */
function readSettingsText(file: string): { kind: 'missing' } | { kind: 'text'; text: string } | { kind: 'unusable'; reason: string; damaged: boolean } {
  try {
    // Only a regular file: a link is not followed, a FIFO does not hang start-up.
    const fd = openRegular(file, fs.constants.O_RDONLY);
    try {
      const size = fs.fstatSync(fd).size;
      if (size > MAX_SETTINGS_BYTES) return { kind: 'unusable', reason: `it is ${sizeText(size)}; settings are never larger than ${sizeText(MAX_SETTINGS_BYTES)}`, damaged: true };
      return { kind: 'text', text: fs.readFileSync(fd, 'utf8') };
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unusable', reason: errorText(e), damaged: false };
  }
}

function decode(file: string): Decoded {
  const read = readSettingsText(file);
  if (read.kind === 'missing') return read;
  if (read.kind === 'unusable') return { kind: read.damaged ? 'damaged' : 'unreadable', reason: read.reason };
  const text = read.text;
  if (text.trim() === '') return { kind: 'damaged', reason: 'the file is empty' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { kind: 'damaged', reason: `not valid JSON (${(e as Error).message})` };
  }
  if (!isRecord(data)) return { kind: 'damaged', reason: 'not a JSON object' };
  return { kind: 'object', data };
}

function listProblems(problems: readonly SettingProblem[]): string {
  return problems.map((p) => p.message).join('; ');
}

/** The settings store port over settings.json in the data folder. */
// Fits ports.ts's SettingsStorePort: node/ may not import the app layer, so main.ts and the harness, which plug it in, check that.
export class SettingsFile {
  readonly path: string;
  private store: SettingsStore | null = null;
  private current: Settings | null = null;
  /** The recorded changed keys, or null: derived from the values (see CHANGED_KEY). */
  private changed: string[] | null = null;
  /** The text last written or accepted, to tell our own writes from hand edits. */
  private lastText: string | null = null;
  private readonly makeStore: (options: SettingsStoreOptions) => SettingsStore;
  private readonly now: () => number;
  private readonly debounceMs: number;

  constructor(private readonly opts: SettingsFileOptions) {
    this.path = path.join(opts.dataDir, SETTINGS_FILE);
    this.makeStore = opts.makeStore ?? ((o) => new Conf<Stored>(o));
    this.now = opts.now ?? Date.now;
    this.debounceMs = opts.debounceMs ?? 150;
  }

  /** First call: open the file, repairing what needs it. Later calls: re-read after a hand edit (see reload). */
  load(): SettingsLoad {
    return this.current ? this.reload() : this.open();
  }

  private open(): SettingsLoad {
    try {
      // conf would make a missing folder with the umask's mode; made here first, it is 0700.
      ensureDataDir(this.opts.dataDir);
    } catch {
      // A read-only or missing parent: the store's own attempt below reports it.
    }
    const notes: string[] = [];
    let movedAside: string | null = null;
    let problems: SettingProblem[] = [];

    const setAside = (reason: string): boolean => {
      try {
        movedAside = moveAside(this.path, this.now());
        notes.push(`settings.json could not be used (${reason}). It was kept as ${path.basename(movedAside)} and Limber starts on the default settings.`);
        problems.push({ path: '(settings)', message: `settings.json is damaged: ${reason}` });
        return true;
      } catch (e) {
        notes.push(`settings.json could not be used (${reason}) and could not be moved aside (${errorText(e)}).`);
        problems.push({ path: '(settings)', message: `settings.json is damaged: ${reason}` });
        return false;
      }
    };

    const first = decode(this.path);
    if (first.kind === 'object') this.changed = readChanged(first.data);
    // Settings repaired before conf sees the file, so the original (not a migrated rewrite) is what gets kept.
    let repaired: Settings | null = null;
    if (first.kind === 'damaged' || first.kind === 'unreadable') {
      if (!setAside(first.reason)) return this.inMemory(defaultSettings(), problems, movedAside, notes, null);
    } else if (first.kind === 'object') {
      const r = sanitizeSettings(migrateSettingsData(userData(first.data)));
      if (r.problems.length === 0) this.keepBeforeMigration(first.data);
      else {
        problems = r.problems;
        repaired = r.settings;
        try {
          movedAside = moveAside(this.path, this.now());
          notes.push(
            `Some settings were not valid and were reset (${listProblems(r.problems)}). Every other setting was kept; the original file was saved as ${path.basename(movedAside)}.`,
          );
        } catch (e) {
          return this.inMemory(r.settings, problems, null, notes, errorText(e));
        }
      }
    }

    try {
      this.store = this.makeStore(settingsStoreOptions(this.opts.dataDir));
    } catch (e) {
      const msg = errorText(e);
      if (!msg.startsWith('Config schema violation')) {
        // Cannot write (read-only folder, full disk) or a migration failed: use what the file says, in memory.
        const fallback = decode(this.path);
        const r = fallback.kind === 'object' ? sanitizeSettings(migrateSettingsData(userData(fallback.data))) : { settings: defaultSettings(), problems: [] };
        return this.inMemory(repaired ?? r.settings, [...problems, ...r.problems], movedAside, notes, msg);
      }
      // Only if conf's schema and valibot disagree: handled below like any value valibot rejects.
    }

    const after = decode(this.path);
    const data = after.kind === 'object' ? userData(after.data) : {};
    const r = sanitizeSettings(data);
    if (repaired === null && r.problems.length > 0) {
      problems = [...problems, ...r.problems];
      if (movedAside === null && after.kind === 'object') {
        try {
          movedAside = moveAside(this.path, this.now());
          notes.push(`Some settings were not valid and were reset (${listProblems(r.problems)}). The original file was saved as ${path.basename(movedAside)}.`);
        } catch (e) {
          return this.inMemory(r.settings, problems, null, notes, errorText(e));
        }
      }
    }
    if (!this.store) {
      try {
        this.store = this.makeStore(settingsStoreOptions(this.opts.dataDir));
      } catch (e) {
        return this.inMemory(repaired ?? r.settings, problems, movedAside, notes, errorText(e));
      }
    }
    const settings = repaired ?? r.settings;
    this.current = settings;
    // Write the complete settings whenever the file lacks any (first start, a repair): easy to edit by hand.
    if (repaired !== null || r.problems.length > 0 || after.kind !== 'object' || JSON.stringify(data) !== JSON.stringify(settings)) {
      const w = this.write(settings);
      if (!w.ok) return this.inMemory(settings, problems, movedAside, notes, w.error);
    } else {
      this.lastText = readRegularText(this.path);
    }
    return { settings, problems, movedAside, message: notes.length ? notes.join(' ') : null, persistent: true, changed: this.changedKeys() };
  }

  /** conf rewrites the file when it migrates: keep the older version's file as it was, once. */
  private keepBeforeMigration(data: Stored): void {
    const internal = data[INTERNAL_KEY];
    const migrations = isRecord(internal) ? internal['migrations'] : undefined;
    const version = isRecord(migrations) ? migrations['version'] : undefined;
    if (version === SETTINGS_VERSION || Object.keys(userData(data)).length === 0) return;
    try {
      fs.copyFileSync(this.path, `${this.path}.before-${SETTINGS_VERSION}`, fs.constants.COPYFILE_EXCL);
      makePrivate(`${this.path}.before-${SETTINGS_VERSION}`);
    } catch {
      // Already kept once, or the folder is read-only (then nothing is rewritten either).
    }
  }

  private inMemory(settings: Settings, problems: SettingProblem[], movedAside: string | null, notes: string[], error: string | null): SettingsLoad {
    this.current = settings;
    if (error !== null) {
      notes.push(`Limber cannot save settings in ${this.opts.dataDir} (${error}). Changes are kept until Limber quits.`);
    }
    return { settings, problems, movedAside, message: notes.join(' ') || null, persistent: false, changed: this.changedKeys() };
  }

  /** The keys the user changed: as recorded, or derived from the values. */
  private changedKeys(): string[] {
    return this.changed ? [...this.changed] : differingFromDefaults(this.current ?? defaultSettings());
  }

  /**
   * After a hand edit: valid values are taken, invalid ones rejected (the current value stays) and reported.
   * The file is not touched: the user may be in the middle of editing it.
   */
  reload(): SettingsLoad {
    const base = this.current ?? defaultSettings();
    const d = decode(this.path);
    const changed = this.changedKeys();
    if (d.kind === 'missing') return { settings: base, problems: [], movedAside: null, message: null, persistent: this.store !== null, changed };
    if (d.kind !== 'object') {
      const message = `settings.json was changed but ${d.reason}; the change was rejected and the current settings stay.`;
      return { settings: base, problems: [{ path: '(settings)', message }], movedAside: null, message, persistent: this.store !== null, changed };
    }
    const r = sanitizeSettings(migrateSettingsData(userData(d.data)), base);
    // A value edited by hand is the user's, as one changed in the window.
    const before = flattenSettings(base);
    const after = flattenSettings(r.settings);
    const edited = settingKeys().filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    const recorded = readChanged(d.data) ?? this.changed;
    if (recorded) this.changed = [...new Set([...recorded, ...edited])];
    this.current = r.settings;
    const message = r.problems.length ? `A change to settings.json was rejected: ${listProblems(r.problems)}. Those settings keep their current values.` : null;
    return { settings: r.settings, problems: r.problems, movedAside: null, message, persistent: this.store !== null, changed: this.changedKeys() };
  }

  /** `changed`: the keys the user changed, recorded with the values (kept as they were when not given). */
  save(settings: Settings, changed?: readonly string[]): { ok: true } | { ok: false; message: string } {
    const v = validateSettings(settings);
    if (!v.ok) return { ok: false, message: `Settings not saved: ${listProblems(v.problems)}` };
    if (changed) {
      const known = new Set(settingKeys());
      this.changed = [...new Set(changed.filter((k) => known.has(k)))];
    }
    this.current = v.settings;
    if (!this.store) {
      try {
        this.store = this.makeStore(settingsStoreOptions(this.opts.dataDir));
      } catch (e) {
        return { ok: false, message: `Could not save settings in ${this.opts.dataDir} (${errorText(e)}). They are kept until Limber quits.` };
      }
    }
    return this.write(v.settings);
  }

  private write(settings: Settings): { ok: true } | { ok: false; message: string; error: string } {
    try {
      const data = structuredClone(settings) as unknown as Stored;
      if (this.changed) data[CHANGED_KEY] = [...this.changed];
      this.store!.store = data;
      this.lastText = readRegularText(this.path);
      return { ok: true };
    } catch (e) {
      const error = errorText(e);
      return { ok: false, message: `Could not save settings to ${this.path} (${error}). They are kept until Limber quits.`, error };
    }
  }

  /** Calls `cb` with the reloaded settings after the file changes by another hand; our own writes are ignored. */
  onExternalChange(cb: (result: SettingsLoad) => void): Cancel {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      timer = undefined;
      const read = readSettingsText(this.path);
      if (read.kind === 'missing') return;
      // A file too large to read is reported by reload; its size stands for its text here.
      const text = read.kind === 'text' ? read.text : read.reason;
      if (text === this.lastText) return;
      this.lastText = text;
      cb(this.reload());
    };
    const poke = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(check, this.debounceMs);
    };
    let stop: () => void;
    try {
      const watcher = fs.watch(this.opts.dataDir, { persistent: false }, (_event, name) => {
        if (name === null || name === SETTINGS_FILE) poke();
      });
      watcher.on('error', () => undefined);
      stop = () => watcher.close();
    } catch {
      // No inotify watches left, or a file system without events: poll instead.
      fs.watchFile(this.path, { persistent: false, interval: 2000 }, poke);
      stop = () => fs.unwatchFile(this.path, poke);
    }
    return () => {
      if (timer) clearTimeout(timer);
      stop();
    };
  }
}

/**
 * settings.json as it stands, without opening the store (nothing is written, migrated on disk or moved aside): for
 * `limber settings`, which works while the app runs or not. Values the file gets wrong are reported and left out.
 */
export function peekSettings(dataDir: string): { settings: Settings; changed: string[]; problems: string[] } {
  const file = path.join(dataDir, SETTINGS_FILE);
  const d = decode(file);
  if (d.kind === 'missing') return { settings: defaultSettings(), changed: [], problems: [] };
  if (d.kind !== 'object') return { settings: defaultSettings(), changed: [], problems: [`${file}: ${d.reason}; the default settings are shown`] };
  const r = sanitizeSettings(migrateSettingsData(userData(d.data)));
  return {
    settings: r.settings,
    changed: readChanged(d.data) ?? differingFromDefaults(r.settings),
    problems: r.problems.map((p) => `${file}: ${p.message}`),
  };
}
