// The ports app.ts talks to the world through. Electron supplies one set (platform/), the harness another.
import type { Cancel, Clock } from './core/clock.ts';
import type { HistoryRecord } from './core/history.ts';
import type { ActivitySource, PowerEvent } from './core/scheduler.ts';
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

export interface NotificationRequest {
  title: string;
  body: string;
  /** Button labels, where the platform shows them; the answer names the index. */
  actions: string[];
}

export type NotificationAnswer = { kind: 'clicked' } | { kind: 'action'; index: number } | { kind: 'dismissed' } | { kind: 'failed'; reason: string };

export interface NotifierPort {
  notify(req: NotificationRequest, onAnswer: (a: NotificationAnswer) => void): void;
}

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
}

export interface SettingsStorePort {
  /** `message`: what to tell the user once about the file (damaged, repaired, not writable), if anything. */
  load(): { settings: Settings; problems: SettingProblem[]; movedAside: string | null; message?: string | null };
  save(settings: Settings): { ok: true } | { ok: false; message: string };
  /** Changes made to the file by hand while running: the settings now in force, and what was rejected. */
  onExternalChange?(cb: (result: { settings: Settings; problems: SettingProblem[] }) => void): Cancel;
}

export interface HistoryStorePort {
  append(record: HistoryRecord): void;
  readAll(): HistoryRecord[];
}

export interface ActivityPort extends ActivitySource {
  onPower(cb: (e: PowerEvent) => void): Cancel;
}

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
  log: (level: 'info' | 'warn' | 'error', message: string) => void;
}
