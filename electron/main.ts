// The Electron entry: Electron's ports, composed into the same LimberApp the harness runs.
import { app, ipcMain, powerMonitor, session, shell } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LimberApp } from './app.ts';
import { systemClock } from './core/clock.ts';
import { CONTENT_SECURITY_POLICY } from './csp.ts';
import type { TrayIcon } from './core/tray-model.ts';
import { REQUEST_CHANNEL, WINDOW_KINDS, type WindowKind } from './ipc.ts';
import type { Ports } from './ports.ts';
import { runCli } from './cli/run.ts';
import { parseArgs } from './node/command-line.ts';
import { serveControl, socketForwarder } from './node/control-socket.ts';
import { firstRun } from './node/first-run.ts';
import { HistoryFile } from './node/history-file.ts';
import { createElectronActivity } from './platform/activity.ts';
import { e2eEnabled, instrument } from './platform/e2e-hooks.ts';
import { createAutostart } from './platform/autostart.ts';
import { createElectronNotifier } from './platform/notifier-electron.ts';
import { createNodeNotifier } from './platform/notifier-node.ts';
import { createElectronSettingsStore } from './platform/settings-store-electron.ts';
import { createElectronShortcuts } from './platform/shortcuts.ts';
import { createElectronTray } from './platform/tray.ts';
import { createElectronWindows, lockDownContents } from './platform/windows.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const resources = app.isPackaged ? join(process.resourcesPath, 'resources') : join(root, 'resources');
const rendererUrl = pathToFileURL(join(here, '../renderer')).href + '/';
const isMac = process.platform === 'darwin';
const isWayland = process.platform === 'linux' && (process.env.XDG_SESSION_TYPE === 'wayland' || Boolean(process.env.WAYLAND_DISPLAY));

// `--user-data-dir DIR` moves the whole data folder (settings.json, history.jsonl).
const dirFlag = process.argv.indexOf('--user-data-dir');
if (dirFlag > 0 && process.argv[dirFlag + 1]) app.setPath('userData', process.argv[dirFlag + 1]!);

if (isWayland) app.commandLine.appendSwitch('enable-features', 'GlobalShortcutsPortal');
if (process.platform === 'win32') app.setAppUserModelId('app.limber.Limber');

// `limber COMMAND`: a command line, not a launch. Data commands run here; instance commands go to the running
// instance over its control socket, which prints the answer.
const cliArgs = process.argv.slice(app.isPackaged ? 1 : 2).filter((a) => a !== '.');
const cli = parseArgs(cliArgs, { lenient: true });
if (cli.kind !== 'error') {
  void runCli(cliArgs, {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    forwarder: socketForwarder,
  }).then((code) => app.exit(code));
} else if (!app.requestSingleInstanceLock({ argv: cliArgs })) {
  app.quit();
} else {
  void app.whenReady().then(start);
}

function windowOf(url: string): WindowKind | null {
  const name = url.slice(rendererUrl.length).split(/[?#]/)[0]?.replace(/\.html$/, '');
  return WINDOW_KINDS.find((k) => k === name) ?? null;
}

function start(): void {
  if (isMac) app.dock?.hide();
  lockDownContents(rendererUrl, app);
  session.defaultSession.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  const dataDir = app.getPath('userData');
  app.setAboutPanelOptions({ applicationName: 'Limber', applicationVersion: app.getVersion(), iconPath: join(resources, 'icons', 'limber.png') });
  const iconPath = (icon: TrayIcon) => join(resources, 'icons', isMac ? `tray-${icon}Template.png` : `tray-${icon}-${process.platform === 'win32' ? 16 : 22}.png`);
  const appIcon = join(resources, 'icons', 'limber.png');
  const log = (level: 'info' | 'warn' | 'error', message: string) => console[level === 'info' ? 'log' : level](`[limber] ${message}`);

  let ports: Ports = {
    clock: systemClock,
    activity: createElectronActivity(powerMonitor),
    tray: createElectronTray(iconPath, isMac),
    notifier: process.platform === 'linux' ? createNodeNotifier({ appName: 'Limber', icon: appIcon }) : createElectronNotifier(appIcon),
    shortcuts: createElectronShortcuts(),
    windows: createElectronWindows({ preload: join(here, '../preload/preload.cjs'), rendererUrl, isWayland }),
    settings: createElectronSettingsStore(dataDir),
    history: new HistoryFile(dataDir),
    autostart: createAutostart((m) => log('warn', m)),
    log,
  };
  const hooks = e2eEnabled() ? instrument(ports, Number(process.env.LIMBER_E2E_START) || Date.now()) : null;
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
  // A tray app keeps running with no window open.
  app.on('window-all-closed', () => {});
  app.on('will-quit', () => limber.stop());
  limber.start();
  serveControl(dataDir, (argv) => limber.handleCommandLine(argv), (m) => log('warn', m)).then(
    (control) => app.on('will-quit', () => control.close()),
    (e: Error) => log('warn', `the command line cannot reach this instance: ${e.message}`),
  );
  if (hooks) {
    hooks.hooks.app = limber;
    (globalThis as unknown as { __limberE2E: unknown }).__limberE2E = hooks.hooks;
  }
}
