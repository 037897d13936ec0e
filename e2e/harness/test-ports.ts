// Test ports for the harness: the same interfaces Electron's adapters implement, recording what the app did and
// letting a test act as the user would (click a tray item, press the shortcut, go idle).
import type { Cancel } from '../../electron/core/clock.ts';
import type { HistoryRecord } from '../../electron/core/history.ts';
import type { PowerEvent } from '../../electron/core/scheduler.ts';
import { defaultSettings, type Settings } from '../../electron/core/settings.ts';
import type { TrayView } from '../../electron/core/tray-model.ts';
import { clickableMenuItem } from '../../electron/platform/e2e-hooks.ts';
import type { ActivityPort, HistoryStorePort, NotificationAnswer, NotificationRequest, NotifierPort, SettingsStorePort, ShortcutPort, TrayPort } from '../../electron/ports.ts';

export class RecordingTray implements TrayPort {
  views: TrayView[] = [];
  private clickCb: () => void = () => {};
  private menuCb: (id: string) => void = () => {};

  render(view: TrayView): void {
    this.views.push(view);
  }
  onClick(cb: () => void): void {
    this.clickCb = cb;
  }
  onMenu(cb: (id: string) => void): void {
    this.menuCb = cb;
  }
  get current(): TrayView {
    const v = this.views.at(-1);
    if (!v) throw new Error('the tray was never rendered');
    return v;
  }
  /** Click a menu item as a user would: only items that exist and are enabled respond. */
  clickMenu(id: string): void {
    clickableMenuItem(this.views.at(-1), id);
    this.menuCb(id);
  }
  clickIcon(): void {
    this.clickCb();
  }
}

export class FakeShortcuts implements ShortcutPort {
  registered = new Map<string, () => void>();
  /** Keys another application holds. */
  heldElsewhere = new Set<string>();

  register(accelerator: string, cb: () => void): boolean {
    if (this.heldElsewhere.has(accelerator)) return false;
    this.registered.set(accelerator, cb);
    return true;
  }
  unregisterAll(): void {
    this.registered.clear();
  }
  press(accelerator: string): void {
    const cb = this.registered.get(accelerator);
    if (!cb) throw new Error(`${accelerator} is not registered`);
    cb();
  }
}

export class ScriptedActivity implements ActivityPort {
  locked = false;
  /** When the user last touched keyboard or mouse before going idle; null while they are active. */
  private idleFrom: number | null = null;
  private listeners = new Set<(e: PowerEvent) => void>();

  constructor(private readonly now: () => number = Date.now) {}

  idleSeconds(): number {
    return this.idleFrom === null ? 0 : Math.max(0, (this.now() - this.idleFrom) / 1000);
  }
  /** The user stops using the computer (now, or from an earlier moment). */
  goIdle(from = this.now()): void {
    this.idleFrom = from;
  }
  /** The user is back at the keyboard. */
  comeBack(): void {
    this.idleFrom = null;
  }
  isLocked(): boolean {
    return this.locked;
  }
  onPower(cb: (e: PowerEvent) => void): Cancel {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }
  emit(e: PowerEvent): void {
    for (const l of this.listeners) l(e);
  }
}

export class MemorySettings implements SettingsStorePort {
  saved: Settings[] = [];
  constructor(private settings: Settings = defaultSettings()) {}
  load() {
    return { settings: structuredClone(this.settings), problems: [], movedAside: null };
  }
  save(s: Settings) {
    this.settings = structuredClone(s);
    this.saved.push(this.settings);
    return { ok: true as const };
  }
}

export class MemoryHistory implements HistoryStorePort {
  records: HistoryRecord[] = [];
  append(r: HistoryRecord): void {
    this.records.push(r);
  }
  readAll(): HistoryRecord[] {
    return [...this.records];
  }
}

/** Wraps a real notifier and keeps what was sent, so a test can answer a notification as the user would. */
export class RecordingNotifier implements NotifierPort {
  sent: { req: NotificationRequest; answer: (a: NotificationAnswer) => void }[] = [];
  /** Tags of the notifications the app took back, in order. */
  withdrawn: string[] = [];
  constructor(private readonly inner?: NotifierPort) {}
  notify(req: NotificationRequest, onAnswer: (a: NotificationAnswer) => void): void {
    this.sent.push({ req, answer: onAnswer });
    this.inner?.notify(req, onAnswer);
  }
  withdraw(tag: string): void {
    this.withdrawn.push(tag);
    this.inner?.withdraw(tag);
  }
}
