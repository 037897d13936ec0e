// The ports app.ts talks to the world through. Electron supplies one set (platform/), the harness another.
import type { Cancel, Clock } from './core/clock.ts';
import type { HistoryRecord } from './core/history.ts';
import type { HoldsPort } from './core/holds.ts';
import type { NotifierPort } from './core/notifications.ts';
import type { PolicySourcePort } from './core/policy.ts';
import type { ActivityPort } from './core/scheduler.ts';
import type { SettingProblem, Settings } from './core/settings.ts';
import type { TrayView } from './core/tray-model.ts';
import type { MainToRenderer, WindowKind } from './ipc.ts';

export interface TrayPort {
  render(view: TrayView): void;
  /** A click on the icon itself (not delivered on most Linux desktops). */
  onClick(cb: () => void): void;
  /** A click on a menu item, by its id. */
  onMenu(cb: (id: string) => void): void;
}

// The notifier is implemented on the Node side too (node/notifier-freedesktop.ts), so its types live in the core.
export type { NotificationAnswer, NotificationRequest, NotifierPort } from './core/notifications.ts';

export interface ShortcutPort {
  /** False when the keys cannot be had (another app holds them, or the platform has no global shortcuts). */
  register(accelerator: string, cb: () => void): boolean;
  unregisterAll(): void;
}

export interface WindowHandle {
  send(message: MainToRenderer): void;
  close(): void;
  isOpen(): boolean;
}

export interface WindowsPort {
  /** Open (or reuse) the window of this kind; `onClosed` fires when the user closes it. */
  open(kind: WindowKind, opts: { focus: boolean; onClosed: () => void }): WindowHandle;
  /** The same message to every open window (a language change). */
  broadcast(message: MainToRenderer): void;
  /** The system's folder picker (the sync folder); null when the user cancels. */
  pickFolder(): Promise<string | null>;
}


export interface SettingsStorePort {
  /** `message`: what to tell the user once about the file (damaged, repaired, not writable), if anything. */
  /** `changed`: the dotted keys the user changed (absent: those that differ from the defaults). */
  load(): { settings: Settings; problems: SettingProblem[]; movedAside: string | null; message?: string | null; changed?: string[] };
  /** `changed`: the keys the user changed, recorded with the values; the others follow the recommendation. */
  save(settings: Settings, changed?: readonly string[]): { ok: true } | { ok: false; message: string };
  /** Changes made to the file by hand while running: the settings now in force, and what was rejected. */
  onExternalChange?(cb: (result: { settings: Settings; problems: SettingProblem[]; changed?: string[] }) => void): Cancel;
}

export interface HistoryStorePort {
  /** Throws when the record could not be written yet; a store that keeps it for later says so once per spell. */
  append(record: HistoryRecord): void;
  readAll(): HistoryRecord[];
  /** On quit: a last try to write kept records; what is still not written, as words for the log, or null. */
  close?(): string | null;
}

// Node-side sources (electron/node/presence) implement these two, so they live in the core that both may import.
export type { ActivityPort } from './core/scheduler.ts';
export type { HoldsPort } from './core/holds.ts';

// Several computers: the sync folder (electron/node/sync implements it); in the core so node/ may implement it.
export type { ComputersPort, SyncPort } from './core/sync/port.ts';
import type { ComputersPort, SyncPort } from './core/sync/port.ts';

export interface AutostartPort {
  set(enabled: boolean): void;
}

export interface Ports {
  clock: Clock;
  activity: ActivityPort;
  tray: TrayPort;
  notifier: NotifierPort;
  shortcuts: ShortcutPort;
  windows: WindowsPort;
  settings: SettingsStorePort;
  history: HistoryStorePort;
  autostart: AutostartPort;
  /** The organisation's policy (managed and recommended settings, what users may do); absent: none. */
  policy?: PolicySourcePort;
  /** Absent where nothing can tell (the harness without a private desktop): breaks are then never held. */
  holds?: HoldsPort;
  /** Absent where no data folder is kept (unit tests): the settings window then offers no sync folder. */
  computers?: ComputersPort;
  /** Absent without `sync.folder`: this computer alone, exactly as before. */
  sync?: SyncPort;
  log: (level: 'info' | 'warn' | 'error', message: string) => void;
}
