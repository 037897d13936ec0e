// The harness: the real LimberApp under Node with test ports — a virtual clock, scripted activity, a recording tray,
// real notifications through node-notifier, and windows that are real Chromium pages.
import { createComputers } from '../../electron/node/sync/computers.ts';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { LimberApp } from '../../electron/app.ts';
import { VirtualClock, type Clock } from '../../electron/core/clock.ts';
import { defaultSettings, type Settings } from '../../electron/core/settings.ts';
import { serveControl } from '../../electron/node/control-socket.ts';
import { HistoryFile } from '../../electron/node/history-file.ts';
import { SettingsFile } from '../../electron/node/settings-file.ts';
import { NOTIFICATION_CALL_MS, createFreedesktopNotifier, type FreedesktopNotifier } from '../../electron/node/notifier-freedesktop.ts';
import { createDbus } from '../../electron/node/presence/dbus.ts';
import { LinuxPolicyFiles } from '../../electron/node/policy/linux-files.ts';
import type { PolicySourcePort } from '../../electron/core/policy.ts';
import { createNodeNotifier } from '../../electron/platform/notifier-node.ts';
import type { Reply } from '../../electron/ipc.ts';
import type { ActivityPort, HistoryStorePort, HoldsPort, Ports, SettingsStorePort, SyncPort } from '../../electron/ports.ts';
import type { DeviceState } from '../../electron/core/sync/wire.ts';
import { withSyncFolderInForce } from '../../electron/node/sync/sync-ports.ts';
import { launchChromium } from './chromium.ts';
import { ChromiumWindows, HARNESS_ORIGIN, type ChromiumWindowsOptions } from './chromium-windows.ts';
import { FakeShortcuts, MemoryHistory, MemorySettings, RecordingNotifier, RecordingTray, ScriptedActivity } from './test-ports.ts';

const ROOT = resolve(import.meta.dirname, '../..');
export const RENDERER_DIR = resolve(ROOT, 'out/renderer');
export const BRIDGE_SCRIPT = resolve(ROOT, 'out/harness/bridge.js');
export const ICON = resolve(ROOT, 'resources/icons/limber.png');

export interface HarnessOptions<C extends Clock = VirtualClock> {
  start?: string | number;
  /** Defaults to a VirtualClock at `start`; the preview passes the system clock. */
  clock?: C;
  activity?: ScriptedActivity;
  settings?: Partial<Settings>;
  settingsStore?: SettingsStorePort;
  /** The organisation's policy source (default: the Linux files at their fixed place). */
  policy?: PolicySourcePort;
  historyStore?: HistoryStorePort;
  browser?: Browser;
  headless?: boolean;
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
  fakePageClock?: boolean;
  /**
   * Send notifications for real, as main.ts does on Linux: over D-Bus to the session's notification server, or
   * node-notifier → notify-send where it shows no buttons. Default true.
   */
  realNotifications?: boolean;
  timeZone?: string;
  /** First-run state, as main.ts keeps it in the data folder. */
  welcome?: { due: boolean; markShown: () => void };
  /** A real data folder: settings.json and history.jsonl through the app's own stores, and the control socket. */
  dataDir?: string;
  /** Windows as Chromium app windows at their real sizes and places (the preview); see ChromiumWindowsOptions. */
  appWindows?: ChromiumWindowsOptions['appWindows'];
  /** Several computers: this computer's sync port (e.g. node/sync's syncPorts over a real folder). */
  sync?: SyncPort;
  /** Hold sources (a HoldMonitor over a private desktop); without them no break is ever held. */
  holds?: HoldsPort;
  /** Presence from a private desktop's services, in place of the scripted activity. */
  presence?: ActivityPort;
  /** The OS's preferred languages the `system` language follows (Electron asks the OS); default none → English. */
  preferredLanguages?: readonly string[];
}

export interface Harness<C extends Clock = VirtualClock> {
  app: LimberApp;
  clock: C;
  tray: RecordingTray;
  shortcuts: FakeShortcuts;
  activity: ScriptedActivity;
  notifier: RecordingNotifier;
  /** The real notifier behind `notifier` (absent with realNotifications: false). */
  desktopNotifier: FreedesktopNotifier | null;
  windows: ChromiumWindows;
  history: HistoryStorePort;
  /**
   * With a data folder whose settings name a usable `sync.folder`: the sync port main.ts would add (the real folder
   * adapter), and the newest state of each other computer it has handed the app (id → seq).
   */
  sync: SyncPort | null;
  peersTakenIn: Map<string, number>;
  logs: { level: string; message: string }[];
  browser: Browser;
  close(): Promise<void>;
}

export async function startHarness<C extends Clock = VirtualClock>(opts: HarnessOptions<C> = {}): Promise<Harness<C>> {
  for (const f of [RENDERER_DIR, BRIDGE_SCRIPT]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run \`npm run build\` first`);
  }
  const ownBrowser = !opts.browser;
  const browser = opts.browser ?? (await launchChromium(opts.headless ?? true));
  // Without an explicit clock C is VirtualClock (the default type argument), so this cast is what the type says.
  const clock = opts.clock ?? (new VirtualClock(opts.start ?? '2026-11-23T09:00:00+01:00') as unknown as C);
  const tray = new RecordingTray();
  const shortcuts = new FakeShortcuts();
  const activity = opts.activity ?? new ScriptedActivity(() => clock.now());
  const notificationBus = opts.realNotifications === false ? null : createDbus(() => {}, {}, NOTIFICATION_CALL_MS);
  const desktopNotifier = notificationBus
    ? createFreedesktopNotifier({
        bus: notificationBus,
        appName: 'Limber',
        icon: ICON,
        desktopEntry: 'app.limber.Limber',
        fallback: createNodeNotifier({ appName: 'Limber', icon: ICON, desktopEntry: 'app.limber.Limber' }),
      })
    : null;
  const notifier = new RecordingNotifier(desktopNotifier ?? undefined);
  const history = opts.historyStore ?? (opts.dataDir ? new HistoryFile(opts.dataDir) : new MemoryHistory());
  const settings =
    opts.settingsStore ?? (opts.dataDir ? new SettingsFile({ dataDir: opts.dataDir }) : new MemorySettings({ ...defaultSettings(), ...opts.settings }));
  const logs: { level: string; message: string }[] = [];
  const windows = new ChromiumWindows({
    browser,
    rendererDir: RENDERER_DIR,
    bridgeScript: BRIDGE_SCRIPT,
    colorScheme: opts.colorScheme,
    reducedMotion: opts.reducedMotion,
    fakePageClock: opts.fakePageClock,
    appWindows: opts.appWindows,
    // Pages only exist once the app has opened one, so `app` is always set by the time this runs.
    handle: (kind, url, raw): Promise<Reply> => app.handleRequest({ window: kind, url }, raw),
  });
  let ports: Ports = {
    clock,
    activity: opts.presence ?? activity,
    tray,
    notifier,
    shortcuts,
    windows,
    settings,
    history,
    autostart: { set: () => {} },
    ...(opts.dataDir ? { computers: createComputers(opts.dataDir, () => clock.now(), (m) => logs.push({ level: 'warn', message: m })) } : {}),
    // The real Linux source at its fixed place: empty here, unless a test runs in a private mount namespace.
    policy: opts.policy ?? new LinuxPolicyFiles(),
    ...(opts.holds ? { holds: opts.holds } : {}),
    ...(opts.sync ? { sync: opts.sync } : {}),
    log: (level, message) => logs.push({ level, message }),
  };
  // Several computers, as main.ts wires them: a data folder whose settings in force (the policy included) name a
  // usable sync folder adds the port.
  const peersTakenIn = new Map<string, number>();
  if (opts.dataDir && !opts.sync) {
    const synced = withSyncFolderInForce(ports, opts.dataDir, (m) => logs.push({ level: 'warn', message: m }));
    if (synced.message) logs.push({ level: 'warn', message: synced.message });
    ports = synced.ports;
    const inner = ports.sync;
    if (inner) {
      // Keeps what the folder handed the app, so a test can wait until a peer's state has been taken in.
      const seen = (s: DeviceState) => peersTakenIn.set(s.id, Math.max(peersTakenIn.get(s.id) ?? 0, s.seq));
      ports.sync = {
        ...inner,
        peers: () => {
          const ps = inner.peers();
          ps.forEach(seen);
          return ps;
        },
        watch: (cb, onSettings) =>
          inner.watch((s) => {
            seen(s);
            cb(s);
          }, onSettings),
      };
    }
  }
  const app: LimberApp = new LimberApp(
    ports,
    {
      trustedUrlPrefix: HARNESS_ORIGIN,
      ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
      ...(opts.welcome ? { welcome: opts.welcome } : {}),
      preferredLanguages: () => opts.preferredLanguages ?? [],
    },
  );
  app.start();
  const control = opts.dataDir ? await serveControl(opts.dataDir, (argv) => app.handleCommandLine(argv)) : null;
  return {
    app,
    clock,
    tray,
    shortcuts,
    activity,
    notifier,
    desktopNotifier,
    windows,
    history,
    sync: ports.sync ?? null,
    peersTakenIn,
    logs,
    browser,
    async close() {
      app.stop();
      control?.close();
      desktopNotifier?.stop();
      // After the heads-up's CloseNotification (queued by app.stop) has gone out.
      await desktopNotifier?.idle();
      notificationBus?.close();
      await windows.closeAll();
      if (ownBrowser) await browser.close();
    },
  };
}
