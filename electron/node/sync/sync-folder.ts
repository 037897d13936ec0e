// The sync folder (DESIGN §1 "Several computers"): each computer writes only `<folder>/Limber/devices/<its id>/`
// (state.json, history.jsonl), atomically, and reads the others' as untrusted input. Changes are learnt from
// file-system events; where none are delivered, a look once a minute. Sync services' conflict copies are read and
// merged; their temporary files are ignored.
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readSync, readdirSync, renameSync, watch, writeSync } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Cancel } from '../../core/clock.ts';
import { parseHistory, serializeRecord } from '../../core/history.ts';
import type { HistoryRecord } from '../../core/history.ts';
import { STATE_MAX_BYTES, parseDeviceState } from '../../core/sync/wire.ts';
import type { DeviceState } from '../../core/sync/wire.ts';

/** A peer's history larger than this is read only up to here (years of breaks are well under it). */
export const HISTORY_MAX_BYTES = 8 * 1024 * 1024;
/** Where events are not delivered (some network shares), the folder is looked at this often. */
export const FALLBACK_POLL_MS = 60_000;
const DEBOUNCE_MS = 250;

/** Sync services' files in progress (Syncthing, Dropbox, Nextcloud, OneDrive, editors): never read. */
export function isTemporary(name: string): boolean {
  return (
    /^\.syncthing\..*\.tmp$/.test(name) ||
    /^~syncthing~.*\.tmp$/.test(name) ||
    name.startsWith('.~') ||
    name.startsWith('~$') ||
    name.startsWith('.') ||
    /\.(tmp|part|partial|crdownload|download)$/i.test(name) ||
    name.endsWith('~')
  );
}

/**
 * `state.json` or a conflict copy of it: Syncthing `state.sync-conflict-20261123-101500-ABCDEFG.json`, Dropbox
 * `state (laptop's conflicted copy 2026-11-23).json`, Nextcloud `state (conflicted copy 2026-11-23 101500).json`,
 * OneDrive `state-LAPTOP.json`, iCloud `state 2.json`.
 */
export function isStateFile(name: string): boolean {
  return !isTemporary(name) && /^state(\.sync-conflict-[0-9]{8}-[0-9]{6}-[A-Z0-9]{7}| \(.{0,120}conflicted copy.{0,40}\)|-[^/\\]{1,64}| [0-9]{1,3})?\.json$/.test(name);
}

export function isHistoryFile(name: string): boolean {
  return !isTemporary(name) && /^history(\.sync-conflict-[0-9]{8}-[0-9]{6}-[A-Z0-9]{7}| \(.{0,120}conflicted copy.{0,40}\)|-[^/\\]{1,64}| [0-9]{1,3})?\.jsonl$/.test(name);
}

/** Read at most `cap` bytes of a regular file (not a link), in pieces; null with why when it is not readable. */
export function readCapped(path: string, cap: number): { text: string; truncated: boolean } | { error: string } {
  let st;
  try {
    st = lstatSync(path);
  } catch (e) {
    return { error: (e as Error).message };
  }
  if (st.isSymbolicLink()) return { error: 'is a symbolic link, not a file' };
  if (!st.isFile()) return { error: 'is not a regular file' };
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    const buf = Buffer.alloc(16 * 1024);
    for (;;) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, cap + 1 - total), null);
      if (n <= 0) break;
      chunks.push(Buffer.from(buf.subarray(0, n)));
      total += n;
      if (total > cap) break;
    }
    const all = Buffer.concat(chunks);
    return { text: all.subarray(0, cap).toString('utf8'), truncated: total > cap };
  } finally {
    closeSync(fd);
  }
}

/** The settings every computer shares (all but the per-computer ones), with the time of their last change. */
export interface SharedSettings {
  changedAt: number;
  settings: Record<string, unknown>;
}

export interface SyncFolderOptions {
  folder: string;
  deviceId: string;
  /** One message per problem (a bad peer file, a duplicate id), for the log and the user. */
  warn: (message: string) => void;
}

export class SyncFolder {
  readonly root: string;
  private deviceId: string;
  /** Told apart from a second computer writing with the same id (a cloned disk). */
  private readonly instance = randomUUID();
  private lastText = '';
  private lastSeq = 0;
  private readonly told = new Set<string>();
  private watcher: FSWatcher | null = null;
  /** One watcher per computer's folder (see `watch`). */
  private readonly dirWatchers = new Map<string, FSWatcher>();
  private poll: ReturnType<typeof setInterval> | null = null;
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** Whether file-system events are delivered here (doctor says so). */
  eventsDelivered = false;
  /** Another computer writes with this computer's id. */
  onDuplicateId: (() => void) | null = null;

  constructor(private readonly opts: SyncFolderOptions) {
    this.root = join(opts.folder, 'Limber', 'devices');
    this.deviceId = opts.deviceId;
  }

  get ownDir(): string {
    return join(this.root, this.deviceId);
  }

  /** Use a new id (after a duplicate was found). */
  setDeviceId(id: string): void {
    this.deviceId = id;
    this.lastText = '';
  }

  private tell(key: string, message: string): void {
    if (this.told.has(key)) return;
    this.told.add(key);
    this.opts.warn(message);
  }

  /** Write a file of this computer's own folder: a temporary file, flushed, renamed over (never half a file). */
  private writeAtomic(name: string, text: string): void {
    mkdirSync(this.ownDir, { recursive: true });
    const file = join(this.ownDir, name);
    const tmp = join(this.ownDir, `.${name}.tmp-${process.pid}`);
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  }

  /** This computer's state, only when it changed. */
  writeState(state: DeviceState): void {
    const text = JSON.stringify({ ...state, instance: this.instance }) + '\n';
    if (text === this.lastText) return;
    this.writeAtomic('state.json', text);
    this.lastText = text;
    this.lastSeq = state.seq;
  }

  /** This computer's shared settings and when they were last changed here (the newest change wins everywhere). */
  writeSettings(payload: SharedSettings): void {
    this.writeAtomic('settings.json', JSON.stringify(payload) + '\n');
  }

  /** A computer's shared settings, if its file is there and sane (the values are checked by the settings schema later). */
  readSettings(id: string): SharedSettings | null {
    const path = join(this.root, id, 'settings.json');
    const r = readCapped(path, STATE_MAX_BYTES);
    if ('error' in r) return null;
    try {
      const j = JSON.parse(r.text) as { changedAt?: unknown; settings?: unknown };
      if (typeof j.changedAt !== 'number' || !Number.isFinite(j.changedAt) || typeof j.settings !== 'object' || j.settings === null || Array.isArray(j.settings)) {
        this.tell(`${path}:shape`, `Ignored ${path}: not a settings file of Limber.`);
        return null;
      }
      return { changedAt: j.changedAt, settings: j.settings as Record<string, unknown> };
    } catch {
      this.tell(`${path}:json`, `Ignored ${path}: not valid JSON (a copy still arriving, or damaged).`);
      return null;
    }
  }

  /** A break record of this computer, appended and flushed. */
  appendRecord(record: HistoryRecord): void {
    mkdirSync(this.ownDir, { recursive: true });
    const fd = openSync(join(this.ownDir, 'history.jsonl'), 'a', 0o600);
    try {
      writeSync(fd, serializeRecord(record) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** This computer's last state in the folder (a restart continues from it), if it is ours and valid. */
  ownState(): DeviceState | null {
    return this.readDir(this.deviceId, true);
  }

  /** The ids of every computer with a folder here. */
  deviceIds(): string[] {
    try {
      return readdirSync(this.root).filter((n) => !isTemporary(n) && /^[a-z0-9-]{1,64}$/.test(n));
    } catch {
      return [];
    }
  }

  /** Every other computer's newest valid state (its file or a conflict copy of it). */
  peers(): DeviceState[] {
    const out: DeviceState[] = [];
    for (const id of this.deviceIds()) {
      if (id === this.deviceId) {
        this.checkDuplicate();
        continue;
      }
      const s = this.readDir(id, false);
      if (s) out.push(s);
    }
    return out;
  }

  /** The newest valid state among a computer's state file and its conflict copies; bad ones told once. */
  private readDir(id: string, _own: boolean): DeviceState | null {
    const dir = join(this.root, id);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return null;
    }
    let best: DeviceState | null = null;
    for (const name of names.filter(isStateFile)) {
      const path = join(dir, name);
      const r = readCapped(path, STATE_MAX_BYTES);
      if ('error' in r) {
        this.tell(`${path}:${r.error}`, `Ignored ${path}: it ${r.error}.`);
        continue;
      }
      if (r.truncated) {
        this.tell(`${path}:size`, `Ignored ${path}: larger than ${STATE_MAX_BYTES} bytes.`);
        continue;
      }
      let json: unknown;
      try {
        json = JSON.parse(r.text);
      } catch {
        this.tell(`${path}:json`, `Ignored ${path}: not valid JSON (a copy still arriving, or damaged).`);
        continue;
      }
      const rest = typeof json === 'object' && json !== null ? { ...(json as Record<string, unknown>) } : json;
      if (typeof rest === 'object' && rest !== null) delete (rest as Record<string, unknown>).instance;
      const p = parseDeviceState(rest);
      if (!p.ok) {
        this.tell(`${path}:${p.message}`, `Ignored ${path}: ${p.message}.`);
        continue;
      }
      if (p.state.id !== id) {
        this.tell(`${path}:id`, `Ignored ${path}: it names another computer (${p.state.id}).`);
        continue;
      }
      if (!best || p.state.seq > best.seq || (p.state.seq === best.seq && p.state.at > best.at)) best = p.state;
    }
    return best;
  }

  /** A state file in this computer's folder that this process did not write: another computer has the same id. */
  private checkDuplicate(): void {
    const r = readCapped(join(this.ownDir, 'state.json'), STATE_MAX_BYTES);
    if ('error' in r || r.truncated) return;
    try {
      const j = JSON.parse(r.text) as { instance?: unknown; seq?: unknown };
      if (typeof j.instance === 'string' && j.instance !== this.instance && typeof j.seq === 'number' && j.seq > this.lastSeq && this.lastText !== '') {
        this.tell(`dup:${this.deviceId}`, `Another computer uses this computer's id ${this.deviceId} (a copied disk?): this one takes a new id.`);
        this.onDuplicateId?.();
      }
    } catch {
      // a half-synced copy: looked at again on the next change
    }
  }

  /** Every computer's break records (this one's too), each naming its device; conflict copies merged, none lost. */
  records(): HistoryRecord[] {
    const out: HistoryRecord[] = [];
    for (const id of this.deviceIds()) {
      const dir = join(this.root, id);
      let names: string[];
      try {
        names = readdirSync(dir).filter(isHistoryFile);
      } catch {
        continue;
      }
      const seen = new Set<string>();
      for (const name of names) {
        const r = readCapped(join(dir, name), HISTORY_MAX_BYTES);
        if ('error' in r) {
          this.tell(`${dir}/${name}:${r.error}`, `Ignored ${join(dir, name)}: it ${r.error}.`);
          continue;
        }
        for (const rec of parseHistory(r.text).records) {
          const withDevice = { ...rec, device: id };
          const key = serializeRecord(withDevice);
          if (seen.has(key)) continue;
          seen.add(key);
          out.push(withDevice);
        }
      }
    }
    return out.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }

  /** Follow the other computers' changes: file-system events, or a look once a minute where there are none. */
  watch(onState: (s: DeviceState) => void, onSettings?: (id: string, s: SharedSettings) => void): Cancel {
    mkdirSync(this.root, { recursive: true });
    const seenSettings = new Map<string, number>();
    const look = (id: string) => {
      if (id === this.deviceId) return this.checkDuplicate();
      const s = this.readDir(id, false);
      if (s) onState(s);
      const shared = onSettings ? this.readSettings(id) : null;
      if (shared && seenSettings.get(id) !== shared.changedAt) {
        seenSettings.set(id, shared.changedAt);
        onSettings?.(id, shared);
      }
    };
    // Sync services write in bursts (temporary file, rename, times): read once it settles.
    const soon = (id: string) => {
      clearTimeout(this.pending.get(id));
      this.pending.set(
        id,
        setTimeout(() => {
          this.pending.delete(id);
          look(id);
        }, DEBOUNCE_MS),
      );
    };
    // The root for computers arriving, and each computer's folder on its own: Node's recursive watch on Linux stops
    // reporting a file once it has been replaced by a rename — exactly how sync services write (Syncthing: a
    // temporary file renamed over `state.json`), so every change after the first went unseen.
    try {
      this.watcher = watch(this.root, (_event, filename) => {
        const id = typeof filename === 'string' ? filename : '';
        if (!/^[a-z0-9-]{1,64}$/.test(id)) return;
        this.watchDevice(id, soon);
        soon(id);
      });
      this.watcher.on('error', () => this.fallback(look));
      for (const id of this.deviceIds()) this.watchDevice(id, soon);
      this.eventsDelivered = true;
    } catch {
      this.fallback(look);
    }
    return () => this.stop();
  }

  /** Follow one computer's folder (again: it may have been removed and made anew). */
  private watchDevice(id: string, onChange: (id: string) => void): void {
    this.dirWatchers.get(id)?.close();
    this.dirWatchers.delete(id);
    try {
      const w = watch(join(this.root, id), () => onChange(id));
      // Removed: followed again when the root reports it back.
      w.on('error', () => {
        w.close();
        if (this.dirWatchers.get(id) === w) this.dirWatchers.delete(id);
      });
      this.dirWatchers.set(id, w);
    } catch {
      // Not a folder (or gone already): the root reports it again if it comes.
    }
  }

  private fallback(look: (id: string) => void): void {
    this.eventsDelivered = false;
    this.watcher?.close();
    this.watcher = null;
    for (const w of this.dirWatchers.values()) w.close();
    this.dirWatchers.clear();
    if (this.poll) return;
    this.tell('poll', `No file-system events from ${this.opts.folder}: the other computers' changes are looked for once a minute.`);
    this.poll = setInterval(() => {
      for (const id of this.deviceIds()) look(id);
    }, FALLBACK_POLL_MS);
    this.poll.unref?.();
  }

  stop(): void {
    this.watcher?.close();
    this.watcher = null;
    for (const w of this.dirWatchers.values()) w.close();
    this.dirWatchers.clear();
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
  }
}
