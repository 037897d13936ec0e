// The Electron entry: Electron's ports, composed into the same LimberApp the harness runs.
import { app, dialog, ipcMain, Menu, powerMonitor, session, shell, type BrowserWindow } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LimberApp } from './app.ts';
import { APP_ORIGIN } from './core/app-protocol.ts';
import { systemClock } from './core/clock.ts';
import { tEnglish } from './core/i18n/locales.ts';
import { CONTENT_SECURITY_POLICY } from './csp.ts';
import type { TrayIcon } from './core/tray-model.ts';
import { REQUEST_CHANNEL, WINDOW_KINDS, type WindowKind } from './ipc.ts';
import type { Ports } from './ports.ts';
import type { PolicySourcePort } from './core/policy.ts';
import { policySourceFor } from './node/policy/index.ts';
import { runCli } from './cli/run.ts';
import { parseArgs } from './node/command-line.ts';
import { serveControl, socketForwarder } from './node/control-socket.ts';
import { resolveDataDir, userDataDirArg } from './node/data-dir.ts';
import { firstRun } from './node/first-run.ts';
import { flushedOutput } from './node/flushed-output.ts';
import { HistoryFile } from './node/history-file.ts';
import { NOTIFICATION_CALL_MS, createFreedesktopNotifier } from './node/notifier-freedesktop.ts';
import { createComputers } from './node/sync/computers.ts';
import { withSyncFolderInForce } from './node/sync/sync-ports.ts';
import { tightenModes } from './node/private-files.ts';
import { createDbus } from './node/presence/dbus.ts';
import { desktopSources } from './node/presence/desktop-sources.ts';
import { createElectronActivity } from './platform/activity.ts';
import { handleAppScheme, registerAppScheme } from './platform/app-protocol.ts';
import { e2eEnabled, instrument } from './platform/e2e-hooks.ts';
import { createAutostart } from './platform/autostart.ts';
import { createElectronNotifier } from './platform/notifier-electron.ts';
import { createNodeNotifier } from './platform/notifier-node.ts';
import { createElectronSettingsStore } from './platform/settings-store-electron.ts';
import { createElectronShortcuts } from './platform/shortcuts.ts';
import { createElectronTray } from './platform/tray.ts';
import { createElectronWindows, lockDownContents } from './platform/windows.ts';

/**
 * Set by the build (vite.config.electron.ts): true in `npm run build`, which tests and `npm start` run, false in the
 * release build `npm run dist` packages. There the LIMBER_E2E=1 hooks are dead code, removed from the bundle.
 */
declare const __LIMBER_E2E_HOOKS__: boolean;

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const resources = app.isPackaged ? join(process.resourcesPath, 'resources') : join(root, 'resources');
const rendererDir = join(here, '../renderer');
// Pages come from app://limber/, never file:// (where the CSP's 'self' would match every local file).
const rendererUrl = APP_ORIGIN;
const isMac = process.platform === 'darwin';
/** The installed .desktop file's name (package.json's desktopName without `.desktop`). */
const DESKTOP_ENTRY = 'app.limber.Limber';
const isWayland = process.platform === 'linux' && (process.env.XDG_SESSION_TYPE === 'wayland' || Boolean(process.env.WAYLAND_DISPLAY));

/** A start-up that fails says so in a dialog and ends: never a process holding the single-instance lock with no tray. */
function failed(e: unknown): void {
  const message = e instanceof Error ? e.message : String(e);
  console.error(`[limber] could not start: ${e instanceof Error && e.stack ? e.stack : message}`);
  try {
    dialog.showErrorBox(tEnglish('notice.startFailed'), message);
  } finally {
    app.exit(1);
  }
}

// `limber COMMAND`: a command line, not a launch. Data commands run here; instance commands go to the running
// instance over its control socket, which prints the answer.
const cliArgs = process.argv.slice(app.isPackaged ? 1 : 2).filter((a) => a !== '.');
try {
  // `--user-data-dir DIR` or `=DIR` moves the whole data folder, resolved against the working folder as the command
  // line does (setPath throws on a relative path).
  const dirArg = userDataDirArg(process.argv);
  if (dirArg) app.setPath('userData', resolveDataDir(dirArg));
  if (isWayland) app.commandLine.appendSwitch('enable-features', 'GlobalShortcutsPortal');
  if (process.platform === 'win32') {
    app.setAppUserModelId('app.limber.Limber');
    // A fixed toast activator, so a notification button clicked after a restart (from the Action Center) still
    // reaches Limber; without one Electron makes up a new CLSID on every run.
    app.setToastActivatorCLSID('{DA6AB1EB-75C4-4DAA-B441-977335BC2C5A}');
  }
  if (parseArgs(cliArgs, { lenient: true }).kind !== 'error') {
    // Exit only once the output is written: app.exit() does not wait for a pipe.
    const io = flushedOutput(process.stdout, process.stderr);
    void runCli(cliArgs, { out: io.out, err: io.err, forwarder: socketForwarder })
      .catch((e: unknown) => {
        io.err(`limber: ${e instanceof Error ? e.message : String(e)}\n`);
        return 1;
      })
      .then(async (code) => {
        await io.flushed();
        app.exit(code);
      });
  } else if (!app.requestSingleInstanceLock({ argv: cliArgs })) {
    app.quit();
  } else {
    registerAppScheme();
    // The organisation's policy is read before anything starts: no setting is ever shown unlocked for a moment.
    app
      .whenReady()
      .then(() => policySourceFor(process.platform))
      .then(start)
      .catch(failed);
  }
} catch (e) {
  failed(e);
}

function windowOf(url: string): WindowKind | null {
  const name = url.slice(rendererUrl.length).split(/[?#]/)[0]?.replace(/\.html$/, '');
  return WINDOW_KINDS.find((k) => k === name) ?? null;
}

function start(policy: PolicySourcePort): void {
  if (isMac) app.dock?.hide();
  // No default menu with Reload and Developer Tools; macOS keeps an Edit menu so copy and paste work in its windows.
  Menu.setApplicationMenu(isMac ? Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }]) : null);
  handleAppScheme(rendererDir);
  lockDownContents(rendererUrl, app);
  session.defaultSession.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  const dataDir = app.getPath('userData');
  app.setAboutPanelOptions({ applicationName: 'Limber', applicationVersion: app.getVersion(), iconPath: join(resources, 'icons', 'limber.png') });
  const iconPath = (icon: TrayIcon) => join(resources, 'icons', isMac ? `tray-${icon}Template.png` : `tray-${icon}-${process.platform === 'win32' ? 16 : 22}.png`);
  const appIcon = join(resources, 'icons', 'limber.png');
  const log = (level: 'info' | 'warn' | 'error', message: string) => console[level === 'info' ? 'log' : level](`[limber] ${message}`);
  // Modes from an older version or a loose umask: the data folder is the user's alone (docs/security-local.md).
  const modes = tightenModes(dataDir);
  if (modes.changed.length) log('info', `only you may read the data folder now: changed ${modes.changed.join(', ')}`);
  if (modes.failed.length) log('warn', `other users may still read or change ${modes.failed.join(', ')}`);

  // Presence and hold sources: D-Bus connects on first use, so nothing is opened on macOS and Windows.
  const bus = createDbus((m) => log('info', m));
  const powerActivity = createElectronActivity(powerMonitor);
  const desktop = desktopSources({ platform: process.platform, env: process.env, bus, clock: systemClock, fallback: powerActivity, ownPids: [process.pid], log: (m) => log('info', m) });

  // Linux: buttons through the notification server over D-Bus (a connection of its own, with its own time limit);
  // notify-send where it shows none.
  const notificationBus = process.platform === 'linux' ? createDbus((m) => log('info', m), {}, NOTIFICATION_CALL_MS) : null;
  const linuxNotifier = notificationBus
    ? createFreedesktopNotifier({
        bus: notificationBus,
        appName: 'Limber',
        icon: appIcon,
        desktopEntry: DESKTOP_ENTRY,
        fallback: createNodeNotifier({ appName: 'Limber', icon: appIcon, timeoutSeconds: 10, desktopEntry: DESKTOP_ENTRY }),
        log: (m) => log('info', m),
      })
    : null;

  let ports: Ports = {
    clock: systemClock,
    activity: desktop.activity,
    holds: desktop.holds,
    tray: createElectronTray(iconPath, isMac),
    notifier: linuxNotifier ?? createElectronNotifier(appIcon),
    shortcuts: createElectronShortcuts(),
    windows: createElectronWindows({ preload: join(here, '../preload/preload.cjs'), rendererUrl, isWayland }),
    settings: createElectronSettingsStore(dataDir),
    history: new HistoryFile(dataDir, { onUnreadable: (m) => log('warn', m) }),
    autostart: createAutostart((m) => log('warn', m)),
    computers: createComputers(dataDir, () => systemClock.now(), (m) => log('warn', m)),
    policy,
    log,
  };
  // Several computers: a usable sync folder in force (policy included) adds the sync port (a change applies at the next start).
  const synced = withSyncFolderInForce(ports, dataDir, (m) => log('warn', m));
  if (synced.message) log('warn', synced.message);
  ports = synced.ports;
  const hooks = __LIMBER_E2E_HOOKS__ && e2eEnabled() ? instrument(ports, Number(process.env.LIMBER_E2E_START) || Date.now()) : null;
  if (hooks) ports = hooks.ports;
  const limber = new LimberApp(ports, {
    trustedUrlPrefix: rendererUrl,
    onQuit: () => app.quit(),
    openDataFolder: () => void shell.openPath(dataDir),
    onAbout: () => app.showAboutPanel(),
    welcome: firstRun(dataDir, (m) => log('warn', m)),
    preferredLanguages: () => app.getPreferredSystemLanguages(),
  });

  ipcMain.handle(REQUEST_CHANNEL, (event, raw: unknown) => {
    const url = event.senderFrame?.url ?? '';
    const kind = windowOf(url);
    if (!kind) {
      log('warn', `refused a message from an unknown frame: ${url}`);
      return { ok: false, error: 'untrusted sender' };
    }
    return limber.handleRequest({ window: kind, url }, raw);
  });

  app.on('second-instance', (_e, _argv, _cwd, data) => {
    const argv = (data as { argv?: unknown } | undefined)?.argv;
    if (!Array.isArray(argv) || !argv.every((a) => typeof a === 'string')) return;
    // The second launch has already exited by now: what it would print goes to the log.
    log('info', `launched again (${argv.join(' ')}): ${limber.secondLaunch(argv)}`);
  });
  // macOS: launching the running app again from Finder, the Dock or Spotlight emits `activate`, not `second-instance`.
  // Registered once started, so only a later launch counts.
  app.on('activate', () => log('info', `launched again: ${limber.secondLaunch([])}`));
  // A tray app keeps running with no window open.
  app.on('window-all-closed', () => {});
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    // A break still running is recorded now, as its window's closing would: after this the process may just end.
    limber.endRunningBreak();
    limber.stop();
    desktop.stop();
    linuxNotifier?.stop();
    bus.close();
    // The heads-up's CloseNotification is queued behind the notifier's calls: let it reach the bus first.
    if (linuxNotifier) void linuxNotifier.idle().finally(() => notificationBus?.close());
  };
  app.on('will-quit', stop);
  // Windows: shutdown and log-off emit no will-quit, only each window's session-end.
  app.on('browser-window-created', (_e, win: BrowserWindow) => win.on('session-end', stop));
  limber.start();
  void desktop.start().then((info) => {
    if (info) limber.reportPresence(info);
  });
  serveControl(dataDir, (argv) => limber.handleCommandLine(argv), (m) => log('warn', m)).then(
    (control) => app.on('will-quit', () => control.close()),
    (e: Error) => log('warn', `the command line cannot reach this instance: ${e.message}`),
  );
  if (__LIMBER_E2E_HOOKS__ && hooks) {
    hooks.hooks.app = limber;
    (globalThis as unknown as { __limberE2E: unknown }).__limberE2E = hooks.hooks;
  }
}
