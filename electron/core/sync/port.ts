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
