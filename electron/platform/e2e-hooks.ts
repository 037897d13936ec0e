// Test hooks for the Electron e2e project (LIMBER_E2E=1 only): a virtual clock, scripted presence and handles on the
// tray, shortcut, notification and window ports, reachable from Playwright's electronApp.evaluate(). They mirror the
// harness's test ports (e2e/harness/test-ports.ts), so one spec drives either backend. Never active in a normal run.
import { VirtualClock } from '../core/clock.ts';
import { findMenuItem, type TrayView } from '../core/tray-model.ts';
import type { WindowKind } from '../ipc.ts';
import type { LimberApp } from '../app.ts';
import type { ActivityPort, HistoryStorePort, NotificationAnswer, NotificationRequest, Ports, ShortcutPort, TrayPort, WindowsPort } from '../ports.ts';

export interface E2EHooks {
  clock: VirtualClock;
  app?: LimberApp;
  trayViews: TrayView[];
  logs: { level: string; message: string }[];
  /** Every notification the app sent, with the callback a click on it or its buttons reaches. */
  notifications: { req: NotificationRequest; answer: (a: NotificationAnswer) => void }[];
  /** The tags of notifications the app took back, in order. */
  withdrawn: string[];
  /** Every window the app opened, in order, with whether it asked for focus. */
  windowsOpened: { kind: WindowKind; focus: boolean }[];
  /** Keys "another application" holds: registering them fails, as the OS refuses a grab it cannot have. */
  heldElsewhere: Set<string>;
  registeredShortcuts(): string[];
  clickMenu(id: string): void;
  pressShortcut(accelerator: string): void;
  /** The user stops using keyboard and mouse (now, or from an earlier moment on the virtual clock). */
  goIdle(from?: number): void;
  comeBack(): void;
  history(): ReturnType<HistoryStorePort['readAll']>;
}

export function e2eEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.LIMBER_E2E === '1';
}

/** Click a menu item of this view as a user can: only one that exists and is enabled responds. */
export function clickableMenuItem(view: TrayView | undefined, id: string): void {
  if (!view) throw new Error('the tray was never rendered');
  const item = findMenuItem(view.menu, id);
  if (!item) throw new Error(`no menu item ${id}`);
  if (item.enabled === false) throw new Error(`menu item ${id} is disabled`);
}

/** Wraps the ports so a test can act as the user would and see what the app did. */
export function instrument(ports: Ports, start: number): { ports: Ports; hooks: E2EHooks } {
  const clock = new VirtualClock(start);
  let menuCb: (id: string) => void = () => {};
  const shortcutCbs = new Map<string, () => void>();
  // Presence is scripted, as in the harness: the desktop's real idle time runs on the wall clock, not the virtual one.
  let idleFrom: number | null = null;
  const hooks: E2EHooks = {
    clock,
    trayViews: [],
    logs: [],
    notifications: [],
    withdrawn: [],
    windowsOpened: [],
    heldElsewhere: new Set(),
    registeredShortcuts: () => [...shortcutCbs.keys()],
    clickMenu: (id) => {
      clickableMenuItem(hooks.trayViews.at(-1), id);
      menuCb(id);
    },
    pressShortcut: (acc) => {
      const cb = shortcutCbs.get(acc);
      if (!cb) throw new Error(`${acc} is not registered`);
      cb();
    },
    goIdle: (from = clock.now()) => {
      idleFrom = from;
    },
    comeBack: () => {
      idleFrom = null;
    },
    history: () => ports.history.readAll(),
  };
  const activity: ActivityPort = {
    idleSeconds: () => (idleFrom === null ? 0 : Math.max(0, (clock.now() - idleFrom) / 1000)),
    isLocked: () => false,
    onPower: (cb) => ports.activity.onPower(cb),
  };
  const tray: TrayPort = {
    render: (v) => {
      hooks.trayViews.push(v);
      ports.tray.render(v);
    },
    onClick: (cb) => ports.tray.onClick(cb),
    onMenu: (cb) => {
      menuCb = cb;
      ports.tray.onMenu(cb);
    },
  };
  const shortcuts: ShortcutPort = {
    register: (acc, cb) => {
      const ok = !hooks.heldElsewhere.has(acc) && ports.shortcuts.register(acc, cb);
      if (ok) shortcutCbs.set(acc, cb);
      return ok;
    },
    unregisterAll: () => {
      shortcutCbs.clear();
      ports.shortcuts.unregisterAll();
    },
  };
  const windows: WindowsPort = {
    open: (kind, opts) => {
      hooks.windowsOpened.push({ kind, focus: opts.focus });
      return ports.windows.open(kind, opts);
    },
    broadcast: (m) => ports.windows.broadcast(m),
    pickFolder: () => ports.windows.pickFolder(),
  };
  return {
    hooks,
    ports: {
      ...ports,
      clock,
      activity,
      tray,
      shortcuts,
      windows,
      notifier: {
        notify: (req, cb) => {
          hooks.notifications.push({ req, answer: cb });
          ports.notifier.notify(req, cb);
        },
        withdraw: (tag) => {
          hooks.withdrawn.push(tag);
          ports.notifier.withdraw(tag);
        },
      },
      log: (level, message) => {
        hooks.logs.push({ level, message });
        ports.log(level, message);
      },
    },
  };
}
