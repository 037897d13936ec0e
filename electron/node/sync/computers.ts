// The settings window's view of several computers: this computer's identity (device.json) and the computers a sync
// folder holds, read the way `devices` reads them.
import type { ComputerRow, ComputersPort, FolderProblem } from '../../core/sync/port.ts';
import { loadDevice, renameDevice } from './device-file.ts';
import { listDevices } from './offline.ts';
import { checkFolder } from './sync-ports.ts';

/** checkFolder's words as a code the window translates. */
export function folderProblem(folder: string): FolderProblem | null {
  const bad = checkFolder(folder);
  if (bad === null) return null;
  if (bad === 'is not an absolute path') return 'not-absolute';
  if (bad === 'does not exist') return 'missing';
  if (bad === 'is not a folder') return 'not-folder';
  if (bad === 'is not writable') return 'not-writable';
  return 'unusable';
}

export function createComputers(dataDir: string, now: () => number, warn: (m: string) => void): ComputersPort {
  // device.json is made on first use, as the sync port does.
  let device: { id: string; name: string } | null = null;
  const current = () => {
    if (!device) {
      const loaded = loadDevice(dataDir);
      if (loaded.message) warn(loaded.message);
      device = loaded.device;
    }
    return device;
  };
  return {
    checkFolder: folderProblem,
    thisComputer: () => ({ ...current() }),
    rename(name) {
      const r = renameDevice(dataDir, current(), name);
      if (!r.ok) return r;
      device = r.device;
      return { ok: true, name: r.device.name };
    },
    list(folder): { rows: ComputerRow[] } | { problem: FolderProblem } {
      const problem = folderProblem(folder);
      if (problem) return { problem };
      current();
      const r = listDevices(dataDir, now(), warn, folder);
      return 'problem' in r ? { problem: 'unusable' } : r;
    },
  };
}
