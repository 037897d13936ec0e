/// <reference types="electron" />
// A stand-in for the `electron` module, for running the production build of main under plain Node (the boot test).
// It fakes exactly the part of Electron that main, its platform adapters and electron-store use, each piece typed as a
// Pick of Electron's own declarations (electron.d.ts), and records what main asked of it. Touching any other part
// throws, so main cannot start using more of Electron without this file (and its types) following.
// A stand-in complements the electron Playwright project, never replaces it: nothing here draws a window.
import { EventEmitter } from 'node:events';
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** How a scenario sets the stand-in up (JSON in LIMBER_STANDIN). */
export interface StandInConfig {
  /** What requestSingleInstanceLock answers: false is a second launch. */
  lock: boolean;
  /** Electron's own userData folder, before any setPath. */
  userData: string;
  /** A constructor that throws, to see how main handles a failing start-up. */
  failIn?: 'Tray';
  /** Where the record is written as JSON when the process ends. */
  report: string;
}

interface WindowRecord {
  options: Electron.BrowserWindowConstructorOptions;
  url: string | null;
  urlFileExists: boolean | null;
  shown: 'focused' | 'inactive' | null;
  allWorkspaces: { visible: boolean; options?: Electron.VisibleOnAllWorkspacesOptions | undefined } | null;
  closed: boolean;
}

export interface StandInRecord {
  setPath: [string, string][];
  switches: [string, string | undefined][];
  appUserModelId: string | null;
  toastActivatorCLSID: string | null;
  lockRequests: unknown[];
  quit: number;
  exitCode: number | null;
  readyHandled: boolean;
  errorBoxes: { title: string; content: string }[];
  applicationMenu: 'unset' | null | unknown[];
  dockHidden: boolean;
  trays: { images: string[]; tooltips: string[]; titles: string[]; menus: number }[];
  missingImages: string[];
  shortcuts: string[];
  ipcHandlers: string[];
  windows: WindowRecord[];
  notifications: { title?: string | undefined; body?: string | undefined }[];
  headerHooks: number;
  /** Schemes registered as privileged, and whether that was before ready (Electron ignores it after). */
  privilegedSchemes: { scheme: string; privileges: Electron.CustomScheme['privileges']; beforeReady: boolean }[];
  handledSchemes: string[];
}

const config = JSON.parse(process.env.LIMBER_STANDIN ?? 'null') as StandInConfig | null;
if (!config) throw new Error('the Electron stand-in needs LIMBER_STANDIN (see e2e/standin/run.ts)');
const isMac = process.platform === 'darwin';

const record: StandInRecord = {
  setPath: [],
  switches: [],
  appUserModelId: null,
  toastActivatorCLSID: null,
  lockRequests: [],
  quit: 0,
  exitCode: null,
  readyHandled: false,
  errorBoxes: [],
  applicationMenu: 'unset',
  dockHidden: false,
  trays: [],
  missingImages: [],
  shortcuts: [],
  ipcHandlers: [],
  windows: [],
  notifications: [],
  headerHooks: 0,
  privilegedSchemes: [],
  handledSchemes: [],
};

type Listener = (...args: never[]) => unknown;
const appEvents = new EventEmitter();
const paths = new Map<string, string>([['userData', config.userData]]);

function writeReport(): void {
  writeFileSync(config!.report, JSON.stringify(record));
}

/** Any part of Electron the stand-in does not provide is an error naming it, not a silent undefined. */
function strict<T extends object>(name: string, target: T): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (typeof prop === 'symbol' || prop === 'then' || prop in t) return Reflect.get(t, prop, receiver) as unknown;
      throw new Error(`main used ${name}.${prop}, which the Electron stand-in does not provide: add it (typed from electron.d.ts)`);
    },
  });
}

// ---- app ----------------------------------------------------------------------------------------------------------
type AppPart = Pick<
  Electron.App,
  | 'isPackaged'
  | 'getPath'
  | 'setPath'
  | 'setAppUserModelId'
  | 'setToastActivatorCLSID'
  | 'requestSingleInstanceLock'
  | 'quit'
  | 'exit'
  | 'whenReady'
  | 'on'
  | 'getVersion'
  | 'setAboutPanelOptions'
  | 'showAboutPanel'
  | 'setLoginItemSettings'
> & { commandLine: Pick<Electron.CommandLine, 'appendSwitch'>; dock: Pick<Electron.Dock, 'hide'> | undefined };

let readyPromise: Promise<void> | null = null;
const appPart: AppPart = {
  isPackaged: false,
  getPath: (name) => {
    const p = paths.get(name);
    if (!p) throw new Error(`the stand-in knows no path '${name}'`);
    return p;
  },
  setPath: (name, p) => {
    // Electron's own check: "Path must be absolute".
    if (!p.startsWith('/')) throw new Error(`Path must be absolute: ${p}`);
    record.setPath.push([name, p]);
    paths.set(name, p);
  },
  setAppUserModelId: (id) => void (record.appUserModelId = id),
  setToastActivatorCLSID: (id) => {
    // Electron's own check: a GUID, braces optional.
    if (!/^\{?[0-9A-F]{8}-([0-9A-F]{4}-){3}[0-9A-F]{12}\}?$/i.test(id)) throw new Error(`not a CLSID: ${id}`);
    record.toastActivatorCLSID = id;
  },
  requestSingleInstanceLock: (additionalData) => {
    record.lockRequests.push(additionalData);
    return config.lock;
  },
  quit: () => {
    record.quit++;
    appEvents.emit('before-quit');
    appEvents.emit('will-quit', { preventDefault() {} });
    end(0);
  },
  exit: (code = 0) => end(code),
  whenReady: () =>
    (readyPromise ??= new Promise<void>((resolve) => {
      setImmediate(() => {
        appEvents.emit('ready');
        resolve();
      });
    }).then(() => void (record.readyHandled = true))),
  on: ((event: string, listener: Listener) => {
    appEvents.on(event, listener as (...a: unknown[]) => void);
    return app;
  }) as AppPart['on'],
  getVersion: () => '0.0.0-standin',
  setAboutPanelOptions: () => {},
  showAboutPanel: () => {},
  setLoginItemSettings: () => {},
  commandLine: strict('app.commandLine', { appendSwitch: (s: string, v?: string) => void record.switches.push([s, v]) }),
  dock: isMac ? strict('app.dock', { hide: () => void (record.dockHidden = true) }) : undefined,
};
export const app = strict('app', appPart);

/** Electron's app.exit ends the process at once: nothing queued on stdout is waited for. */
function end(code: number): never {
  record.exitCode = code;
  writeReport();
  process.exit(code);
}

// ---- dialog, shell, ipcMain, session ------------------------------------------------------------------------------
export const dialog = strict<Pick<Electron.Dialog, 'showErrorBox'>>('dialog', {
  showErrorBox: (title, content) => void record.errorBoxes.push({ title, content }),
});
export const shell = strict<Pick<Electron.Shell, 'openPath'>>('shell', { openPath: () => Promise.resolve('') });

const ipcHandlers = new Map<string, Listener>();
export const ipcMain = strict<Pick<Electron.IpcMain, 'handle' | 'on'>>('ipcMain', {
  handle: (channel, listener) => {
    record.ipcHandlers.push(channel);
    ipcHandlers.set(channel, listener);
  },
  // The returned IpcMain is only for chaining, which nobody does.
  on: ((channel: string) => {
    record.ipcHandlers.push(`on:${channel}`);
    return ipcMain;
  }) as unknown as Electron.IpcMain['on'],
});

type HeadersListener = Parameters<Electron.WebRequest['onHeadersReceived']>[0];
let headersListener: HeadersListener | null = null;
export const session = strict('session', {
  defaultSession: strict('session.defaultSession', {
    webRequest: strict<Pick<Electron.WebRequest, 'onHeadersReceived'>>('webRequest', {
      onHeadersReceived: ((listener: HeadersListener) => {
        record.headerHooks++;
        headersListener = listener;
      }) as Electron.WebRequest['onHeadersReceived'],
    }),
  }),
});

// ---- protocol ------------------------------------------------------------------------------------------------------
type ProtocolHandler = Parameters<Electron.Protocol['handle']>[1];
const protocolHandlers = new Map<string, ProtocolHandler>();
export const protocol = strict<Pick<Electron.Protocol, 'registerSchemesAsPrivileged' | 'handle'>>('protocol', {
  registerSchemesAsPrivileged: (schemes) => {
    for (const s of schemes) record.privilegedSchemes.push({ scheme: s.scheme, privileges: s.privileges, beforeReady: readyPromise === null });
  },
  handle: (scheme, handler) => {
    record.handledSchemes.push(scheme);
    protocolHandlers.set(scheme, handler);
  },
});
/** What a page load of `url` would get from main's handler of its scheme, or null without one. */
async function fetchFromProtocol(url: string): Promise<Response | null> {
  const handler = protocolHandlers.get(url.split(':')[0]!);
  return handler ? await handler(new Request(url) as unknown as GlobalRequest) : null;
}

// ---- nativeImage, Menu, Tray ----------------------------------------------------------------------------------------
interface StandInImage {
  path: string;
}
export const nativeImage = strict<Pick<typeof Electron.nativeImage, 'createFromPath'>>('nativeImage', {
  createFromPath: (p) => {
    if (!existsSync(p)) record.missingImages.push(p);
    return { path: p } as StandInImage as unknown as Electron.NativeImage;
  },
});

interface StandInMenu {
  template: Electron.MenuItemConstructorOptions[];
}
export const Menu = strict<Pick<typeof Electron.Menu, 'buildFromTemplate' | 'setApplicationMenu'>>('Menu', {
  buildFromTemplate: (template) => ({ template }) as unknown as Electron.Menu,
  setApplicationMenu: (menu) => {
    record.applicationMenu = menu ? (menu as unknown as StandInMenu).template.map((i) => i.role ?? i.label ?? null) : null;
  },
});

type TrayPart = Pick<Electron.Tray, 'setImage' | 'setToolTip' | 'setTitle' | 'setContextMenu' | 'on'>;
const trays: StandInTray[] = [];
class StandInTray implements TrayPart {
  readonly rec: StandInRecord['trays'][number] = { images: [], tooltips: [], titles: [], menus: 0 };
  menu: Electron.MenuItemConstructorOptions[] = [];
  constructor(image: Electron.NativeImage | string) {
    if (config!.failIn === 'Tray') throw new Error('no status notifier host (stand-in failure)');
    this.rec.images.push(typeof image === 'string' ? image : (image as unknown as StandInImage).path);
    record.trays.push(this.rec);
    trays.push(this);
    return strict('Tray instance', this);
  }
  setImage(image: Electron.NativeImage | string): void {
    this.rec.images.push(typeof image === 'string' ? image : (image as unknown as StandInImage).path);
  }
  setToolTip(text: string): void {
    this.rec.tooltips.push(text);
  }
  setTitle(title: string): void {
    this.rec.titles.push(title);
  }
  setContextMenu(menu: Electron.Menu | null): void {
    this.rec.menus++;
    this.menu = menu ? (menu as unknown as StandInMenu).template : [];
  }
  on = ((_event: string) => this) as unknown as TrayPart['on'];
}
export const Tray = strict('Tray', StandInTray);

// ---- windows and their contents ----------------------------------------------------------------------------------
class StandInContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: unknown[] = [];
  readonly session = strict('webContents.session', {
    setPermissionRequestHandler: () => {},
    setPermissionCheckHandler: () => {},
  });
  setWindowOpenHandler(h: (details: { url: string }) => { action: string }): void {
    this.openHandler = h;
  }
  send(_channel: string, message: unknown): void {
    this.sent.push(message);
  }
}

type WindowPart = Pick<
  Electron.BrowserWindow,
  'isDestroyed' | 'setVisibleOnAllWorkspaces' | 'show' | 'showInactive' | 'focus' | 'loadURL' | 'close'
>;
const windows: StandInWindow[] = [];
class StandInWindow extends EventEmitter implements WindowPart {
  readonly rec: WindowRecord;
  readonly webContents = new StandInContents();
  private destroyed = false;
  constructor(options: Electron.BrowserWindowConstructorOptions) {
    super();
    this.rec = { options, url: null, urlFileExists: null, shown: null, allWorkspaces: null, closed: false };
    record.windows.push(this.rec);
    windows.push(this);
    const self = strict('BrowserWindow instance', this);
    appEvents.emit('web-contents-created', {}, this.webContents);
    appEvents.emit('browser-window-created', {}, self);
    return self;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setVisibleOnAllWorkspaces(visible: boolean, options?: Electron.VisibleOnAllWorkspacesOptions): void {
    this.rec.allWorkspaces = { visible, options };
  }
  show(): void {
    this.rec.shown = 'focused';
  }
  showInactive(): void {
    this.rec.shown = 'inactive';
  }
  focus(): void {}
  loadURL(url: string): Promise<void> {
    this.rec.url = url;
    if (url.startsWith('file:')) this.rec.urlFileExists = existsSync(fileURLToPath(url.split(/[?#]/)[0]!));
    else void fetchFromProtocol(url).then((r) => (this.rec.urlFileExists = r === null ? null : r.status === 200));
    setImmediate(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }
  close(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.rec.closed = true;
    this.emit('close', { preventDefault() {} });
    this.emit('closed');
  }
}
export const BrowserWindow = strict('BrowserWindow', StandInWindow);

export const screen = strict<Pick<Electron.Screen, 'getPrimaryDisplay' | 'getDisplayNearestPoint' | 'getCursorScreenPoint'>>('screen', {
  getPrimaryDisplay: () => display,
  getDisplayNearestPoint: () => display,
  getCursorScreenPoint: () => ({ x: 100, y: 100 }),
});
const display = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } } as Electron.Display;

// ---- presence, shortcuts, notifications -----------------------------------------------------------------------------
export const powerMonitor = strict<Pick<Electron.PowerMonitor, 'getSystemIdleTime' | 'getSystemIdleState' | 'on' | 'removeListener'>>('powerMonitor', {
  getSystemIdleTime: () => 0,
  getSystemIdleState: () => 'active',
  on: (() => powerMonitor) as unknown as Electron.PowerMonitor['on'],
  removeListener: (() => powerMonitor) as unknown as Electron.PowerMonitor['removeListener'],
});

const shortcuts = new Map<string, () => void>();
export const globalShortcut = strict<Pick<Electron.GlobalShortcut, 'register' | 'isRegistered' | 'unregisterAll'>>('globalShortcut', {
  register: (accelerator, callback) => {
    record.shortcuts.push(accelerator);
    shortcuts.set(accelerator, callback);
    return true;
  },
  isRegistered: (accelerator) => shortcuts.has(accelerator),
  unregisterAll: () => shortcuts.clear(),
});

class StandInNotification extends EventEmitter {
  static isSupported(): boolean {
    return true;
  }
  constructor(options: Electron.NotificationConstructorOptions) {
    super();
    record.notifications.push({ title: options.title, body: options.body });
  }
  show(): void {}
  /** Electron takes the notification off screen and emits 'close'. */
  close(): void {
    this.emit('close');
  }
}
export const Notification = strict('Notification', StandInNotification);

// ---- what the scenario runner uses ----------------------------------------------------------------------------------
export const standIn = {
  record,
  writeReport,
  emitApp: (event: string, ...args: unknown[]) => appEvents.emit(event, ...args),
  trays,
  windows,
  shortcuts,
  ipcHandler: (channel: string) => ipcHandlers.get(channel),
  headersListener: () => headersListener,
  fetchFromProtocol,
  /** Clicks the tray menu item with this id, as a user would. */
  clickMenu(id: string): void {
    const find = (items: Electron.MenuItemConstructorOptions[]): Electron.MenuItemConstructorOptions | undefined =>
      items.map((i) => (i.id === id ? i : find((i.submenu as Electron.MenuItemConstructorOptions[] | undefined) ?? []))).find(Boolean);
    const item = find(trays.at(-1)?.menu ?? []);
    if (!item?.click) throw new Error(`no tray menu item ${id}`);
    (item.click as () => void)();
  },
};

// electron-store reads `import electron from 'electron'`; main reads the named exports.
export default strict('electron', { app, ipcMain, shell, dialog, session, protocol, nativeImage, Menu, Tray, BrowserWindow, screen, powerMonitor, globalShortcut, Notification });
