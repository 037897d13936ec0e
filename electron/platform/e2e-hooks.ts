// Test hooks for the Electron e2e project (LIMBER_E2E=1 only): a virtual clock and handles on the tray and shortcut
// callbacks, reachable from Playwright's electronApp.evaluate(). Never active in a normal run.
import { VirtualClock } from '../core/clock.ts';
import type { TrayView } from '../core/tray-model.ts';
import type { LimberApp } from '../app.ts';
import type { HistoryStorePort, Ports, ShortcutPort, TrayPort } from '../ports.ts';

export interface E2EHooks {
  clock: VirtualClock;
  app?: LimberApp;
  trayViews: TrayView[];
  logs: { level: string; message: string }[];
  notificationsSent: number;
  clickMenu(id: string): void;
  pressShortcut(accelerator: string): void;
  history(): ReturnType<HistoryStorePort['readAll']>;
}

export function e2eEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.LIMBER_E2E === '1';
}

/** Wraps the ports so a test can act as the user would and see what the app did. */
export function instrument(ports: Ports, start: number): { ports: Ports; hooks: E2EHooks } {
  const clock = new VirtualClock(start);
  let menuCb: (id: string) => void = () => {};
  const shortcutCbs = new Map<string, () => void>();
  const hooks: E2EHooks = {
    clock,
    trayViews: [],
    logs: [],
    notificationsSent: 0,
    clickMenu: (id) => menuCb(id),
    pressShortcut: (acc) => {
      const cb = shortcutCbs.get(acc);
      if (!cb) throw new Error(`${acc} is not registered`);
      cb();
    },
    history: () => ports.history.readAll(),
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
      shortcutCbs.set(acc, cb);
      return ports.shortcuts.register(acc, cb);
    },
    unregisterAll: () => {
      shortcutCbs.clear();
      ports.shortcuts.unregisterAll();
    },
  };
  return {
    hooks,
    ports: {
      ...ports,
      clock,
      tray,
      shortcuts,
      notifier: {
        notify: (req, cb) => {
          hooks.notificationsSent++;
          ports.notifier.notify(req, cb);
        },
      },
      log: (level, message) => {
        hooks.logs.push({ level, message });
        ports.log(level, message);
      },
    },
  };
}
