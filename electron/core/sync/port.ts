// The sync folder as the app sees it: a port (electron/node/sync implements it over a folder; tests in memory).
import type { Cancel } from '../clock.ts';
import type { DeviceState } from './wire.ts';

/** Settings every computer shares (all but the per-computer ones), with the time of their last change. */
export interface SharedSettings {
  changedAt: number;
  settings: Record<string, unknown>;
}

export interface SyncPort {
  readonly deviceId: string;
  readonly deviceName: string;
  /** What this computer wrote last (a restart continues from it). */
  previous(): DeviceState | null;
  /** The other computers' newest states. */
  peers(): DeviceState[];
  write(state: DeviceState): void;
  /** Follow the other computers' changes (their states, and their shared settings). */
  watch(onState: (s: DeviceState) => void, onSettings?: (s: SharedSettings) => void): Cancel;
  /** This computer's shared settings, after a change made here. */
  writeSettings(s: SharedSettings): void;
  /** The newest shared settings among the other computers, if any. */
  newestSettings(): SharedSettings | null;
  /** How the folder is followed, for `doctor` and the settings window. */
  describe(): { folder: string; events: boolean };
}

/** Why a folder cannot be the sync folder (the settings window words each one). */
export type FolderProblem = 'not-absolute' | 'missing' | 'not-folder' | 'not-writable' | 'unusable';

/** A computer sharing the sync folder, as the settings window lists it. */
export interface ComputerRow {
  id: string;
  name: string;
  self: boolean;
  /** When its state file last changed (this computer's clock), ISO-8601, or null. */
  lastHeard: string | null;
  state: 'present' | 'away' | 'off';
  /** Its clock minus this one's, in seconds (includes the sync delay), or null. */
  clockDifferenceSeconds: number | null;
}

/** Several computers, for the settings window: this computer's identity and what a sync folder holds. */
export interface ComputersPort {
  /** Why this folder cannot be the sync folder, or null. */
  checkFolder(folder: string): FolderProblem | null;
  thisComputer(): { id: string; name: string };
  /** Saved to device.json; the message says why a name was refused. */
  rename(name: string): { ok: true; name: string } | { ok: false; message: string };
  /** The computers seen in the folder (this one first). */
  list(folder: string): { rows: ComputerRow[] } | { problem: FolderProblem };
}
