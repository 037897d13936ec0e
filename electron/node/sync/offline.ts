// The sync folder for the command line (`devices`, `stats`, `export`, `doctor`), without the app running.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import type { BadLine, HistoryRecord } from '../../core/history.ts';
import { readHistoryFile, HISTORY_FILE } from '../history-file.ts';
import { DeviceSchema } from './device-file.ts';
import type { Device } from './device-file.ts';
import { checkFolder } from './sync-ports.ts';
import { SyncFolder } from './sync-folder.ts';

/** `sync.folder` from settings.json (null when unset or unreadable). */
export function syncFolderOf(dataDir: string): string | null {
  try {
    const j = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { sync?: { folder?: unknown } };
    const f = j.sync?.folder;
    return typeof f === 'string' && f ? f : null;
  } catch {
    return null;
  }
}

function deviceOf(dataDir: string): Device | null {
  const file = join(dataDir, 'device.json');
  if (!existsSync(file)) return null;
  try {
    const r = v.safeParse(DeviceSchema, JSON.parse(readFileSync(file, 'utf8')));
    return r.success ? r.output : null;
  } catch {
    return null;
  }
}

/** Every computer's records when a sync folder is set (each naming its device), else this computer's. */
export function mergedHistory(dataDir: string, warn: (m: string) => void): { records: HistoryRecord[]; bad: BadLine[]; badCount: number } {
  const own = readHistoryFile(join(dataDir, HISTORY_FILE));
  const folder = syncFolderOf(dataDir);
  const device = deviceOf(dataDir);
  if (!folder || !device || checkFolder(folder)) return own;
  const all = new SyncFolder({ folder, deviceId: device.id, warn }).records();
  const seen = new Set(all.map((r) => `${r.device}|${r.at}|${r.outcome}`));
  for (const r of own.records) {
    const d = r.device ?? device.id;
    if (!seen.has(`${d}|${r.at}|${r.outcome}`)) all.push({ ...r, device: d });
  }
  all.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return { records: all, bad: own.bad, badCount: own.badCount };
}

export interface DeviceRow {
  id: string;
  name: string;
  self: boolean;
  /** When its state file last changed (this computer's clock), ISO-8601, or null. */
  lastHeard: string | null;
  state: 'present' | 'away' | 'off';
  /** Its clock minus this one's, in seconds, as far as the file's time tells (includes the sync delay). */
  clockDifferenceSeconds: number | null;
}

/** The computers sharing the folder, this one first; null without a usable folder (with why). */
export function listDevices(
  dataDir: string,
  now: number,
  warn: (m: string) => void,
  folder: string | null = syncFolderOf(dataDir),
): { rows: DeviceRow[] } | { problem: string } {
  if (!folder) return { problem: 'No sync folder is set (settings: sync.folder): this computer works alone.' };
  const bad = checkFolder(folder);
  if (bad) return { problem: `The sync folder ${folder} ${bad}.` };
  const device = deviceOf(dataDir);
  const f = new SyncFolder({ folder, deviceId: device?.id ?? '-', warn });
  const rows: DeviceRow[] = [];
  for (const id of f.deviceIds()) {
    const probe = new SyncFolder({ folder, deviceId: id, warn });
    const s = probe.ownState();
    if (!s) continue;
    let mtime: number | null;
    try {
      mtime = statSync(join(f.root, id, 'state.json')).mtimeMs;
    } catch {
      mtime = null;
    }
    const stale = mtime === null || (s.refreshBy !== null && now - mtime > s.refreshBy + 90_000);
    const state = s.power === 'off' || stale && s.refreshBy !== null ? 'off' : s.power === 'active' && s.using ? 'present' : 'away';
    rows.push({
      id,
      name: s.name,
      self: id === device?.id,
      lastHeard: mtime === null ? null : new Date(mtime).toISOString(),
      state,
      clockDifferenceSeconds: mtime === null ? null : Math.round((s.at - mtime) / 1000),
    });
  }
  rows.sort((a, b) => Number(b.self) - Number(a.self));
  return { rows };
}

/** What `doctor` says of the sync folder: present, writable, each computer's last write and clock difference. */
export function doctorSync(dataDir: string, now: number, warn: (m: string) => void): string[] {
  const folder = syncFolderOf(dataDir);
  if (!folder) return ['Several computers: no sync folder set; this computer works alone.'];
  const bad = checkFolder(folder);
  if (bad) return [`Several computers: the sync folder ${folder} ${bad}; Limber works on this computer alone until it is back.`];
  const lines = [`Several computers: sync folder ${folder} is present and writable.`];
  const r = listDevices(dataDir, now, warn);
  if ('problem' in r) return [...lines, r.problem];
  for (const d of r.rows) {
    const diff = d.clockDifferenceSeconds;
    const clock = diff === null ? '' : Math.abs(diff) > 120 ? `; its clock differs by ${diff} s (more than 2 minutes: times may shift)` : `; clock difference ${diff} s`;
    lines.push(`  ${d.self ? 'this computer' : d.name} (${d.id}): last wrote ${d.lastHeard ?? 'never'}${clock}`);
  }
  return lines;
}
