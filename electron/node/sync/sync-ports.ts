// The sync folder as ports for app.ts: the SyncPort, and the history port that also writes each record to this
// computer's folder (naming the device) and reads every computer's records for statistics and export.
import type { Cancel } from '../../core/clock.ts';
import type { HistoryRecord } from '../../core/history.ts';
import type { DeviceState } from '../../core/sync/wire.ts';
import type { SyncPort } from '../../core/sync/port.ts';

/** The history store the app writes records to (the shape of ports.ts's HistoryStorePort). */
interface HistoryStorePort {
  append(record: HistoryRecord): void;
  readAll(): HistoryRecord[];
  close?(): string | null;
}
import { differingFromDefaults, emptyPolicy, ownLeaves, resolveSettings, type PolicySourcePort } from '../../core/policy.ts';
import type { Settings } from '../../core/settings.ts';
import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { loadDevice, renewDeviceId } from './device-file.ts';
import type { Device } from './device-file.ts';
import { SyncFolder } from './sync-folder.ts';
import type { SharedSettings } from './sync-folder.ts';

export function syncPorts(
  folder: string,
  device: Device,
  history: HistoryStorePort,
  warn: (message: string) => void,
): { sync: SyncPort; history: HistoryStorePort; folder: SyncFolder } {
  const f = new SyncFolder({ folder, deviceId: device.id, warn });
  const sync: SyncPort = {
    deviceId: device.id,
    deviceName: device.name,
    previous: () => f.ownState(),
    peers: () => f.peers(),
    write: (s: DeviceState) => {
      try {
        f.writeState(s);
      } catch (e) {
        warn(`Could not write to the sync folder ${folder}: ${(e as Error).message}`);
      }
    },
    watch: (cb: (s: DeviceState) => void, onSettings?: (s: SharedSettings) => void): Cancel => f.watch(cb, onSettings ? (_id, st) => onSettings(st) : undefined),
    writeSettings: (st: SharedSettings) => {
      try {
        f.writeSettings(st);
      } catch (e) {
        warn(`Could not write to the sync folder ${folder}: ${(e as Error).message}`);
      }
    },
    newestSettings: () => {
      let best: SharedSettings | null = null;
      for (const id of f.deviceIds()) {
        if (id === device.id) continue;
        const st = f.readSettings(id);
        if (st && (!best || st.changedAt > best.changedAt)) best = st;
      }
      return best;
    },
    describe: () => ({ folder, events: f.eventsDelivered }),
  };
  const merged: HistoryStorePort = {
    append(record: HistoryRecord) {
      const r = { ...record, device: device.id };
      history.append(r);
      try {
        f.appendRecord(r);
      } catch (e) {
        warn(`Could not write a break record to the sync folder ${folder}: ${(e as Error).message}`);
      }
    },
    readAll() {
      // Every computer's records from the folder; this computer's own file for what never reached it.
      const all = f.records();
      const seen = new Set(all.map((r) => `${r.device}|${r.at}|${r.outcome}`));
      for (const r of history.readAll()) {
        const d = r.device ?? device.id;
        if (!seen.has(`${d}|${r.at}|${r.outcome}`)) all.push({ ...r, device: d });
      }
      return all.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    },
    close: () => {
      f.stop();
      return history.close?.() ?? null;
    },
  };
  return { sync, history: merged, folder: f };
}

/**
 * The ports with the sync folder, when `sync.folder` names a usable one; otherwise unchanged (this computer alone,
 * exactly as before) with a message saying why.
 */
export function withSyncFolder<P extends { history: HistoryStorePort; sync?: SyncPort }>(
  ports: P,
  dataDir: string,
  folder: string | null,
  warn: (message: string) => void,
): { ports: P; message: string | null } {
  if (!folder) return { ports, message: null };
  const problem = checkFolder(folder);
  if (problem) return { ports, message: `The sync folder ${folder} ${problem}: Limber works on this computer alone until it is back.` };
  const { device, message } = loadDevice(dataDir);
  if (message) warn(message);
  const s = syncPorts(folder, device, ports.history, warn);
  s.folder.onDuplicateId = () => {
    // A copied disk: this computer takes a new id (used from the next start; its files stay under the old one).
    renewDeviceId(dataDir, device);
  };
  return { ports: { ...ports, sync: s.sync, history: s.history }, message: null };
}

/** The ports a start composes the sync folder into: the settings file and the organisation's policy decide it. */
interface StartPorts {
  history: HistoryStorePort;
  sync?: SyncPort;
  settings: { load(): { settings: Settings; changed?: string[] } };
  policy?: PolicySourcePort;
}

/**
 * `withSyncFolder` with the folder in force (the user's file merged with the policy), not the raw file: where the
 * organisation does not allow syncing, a folder the user set earlier is left alone and this computer works alone.
 */
export function withSyncFolderInForce<P extends StartPorts>(ports: P, dataDir: string, warn: (message: string) => void): { ports: P; message: string | null } {
  const loaded = ports.settings.load();
  // The app's own first load gets this same result: loading again would lose what it says about the file (a damaged
  // file moved aside is told to the user once, by the app). The store is patched in place: it may be a class instance.
  const store = ports.settings;
  const again = store.load.bind(store);
  let first: typeof loaded | null = loaded;
  store.load = () => {
    if (!first) return again();
    const r = first;
    first = null;
    return r;
  };
  const policy = ports.policy?.read() ?? emptyPolicy();
  const own = loaded.settings.sync.folder;
  if (!policy.rules.allowSync && own) {
    return { ports, message: `Your organisation does not allow syncing across computers: the sync folder ${own} is not used, and Limber works on this computer alone.` };
  }
  const inForce = resolveSettings(ownLeaves(loaded.settings, loaded.changed ?? differingFromDefaults(loaded.settings)), policy).settings;
  return withSyncFolder(ports, dataDir, inForce.sync.folder, warn);
}

/** Why a folder cannot be the sync folder (absolute, exists, a folder, writable), or null. */
export function checkFolder(folder: string): string | null {
  if (!isAbsolute(folder)) return 'is not an absolute path';
  try {
    if (!statSync(folder).isDirectory()) return 'is not a folder';
    accessSync(folder, constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'does not exist' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'is not writable' : `cannot be used (${code ?? 'error'})`;
  }
  return null;
}
