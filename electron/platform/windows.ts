// Limber's windows: small, sandboxed, on the display the user works on, and shown without stealing focus.
import { BrowserWindow as ElectronBrowserWindow, dialog as electronDialog, screen as electronScreen, type BrowserWindowConstructorOptions, type Screen } from 'electron';
import { PUSH_CHANNEL, windowBounds, type WindowKind } from '../ipc.ts';
import type { WindowHandle, WindowsPort } from '../ports.ts';


export interface WindowsOptions {
  preload: string;
  /** URL of the built renderer folder (app://limber/), ending in '/'. */
  rendererUrl: string;
  /** Wayland cannot place windows or keep them on top. */
  isWayland: boolean;
}

/** The parts of a BrowserWindow this adapter uses. */
export type WindowLike = Pick<
  ElectronBrowserWindow,
  'isDestroyed' | 'setVisibleOnAllWorkspaces' | 'once' | 'on' | 'show' | 'showInactive' | 'focus' | 'loadURL' | 'close'
> & { webContents: Pick<ElectronBrowserWindow['webContents'], 'send'> };

export interface WindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => WindowLike;
  screen: Pick<Screen, 'getPrimaryDisplay' | 'getDisplayNearestPoint' | 'getCursorScreenPoint'>;
  dialog?: Pick<Electron.Dialog, 'showOpenDialog'>;
}

function displayForCursor(s: WindowDeps['screen'], isWayland: boolean) {
  // getCursorScreenPoint is not supported on Wayland: fall back to the primary display.
  return isWayland ? s.getPrimaryDisplay() : s.getDisplayNearestPoint(s.getCursorScreenPoint());
}

export function createElectronWindows(opts: WindowsOptions, deps?: WindowDeps): WindowsPort {
  const open = new Map<WindowKind, WindowLike>();
  return {
    open(kind, { focus, onClosed }): WindowHandle {
      let win = open.get(kind);
      if (!win || win.isDestroyed()) {
        // Electron's own parts unless a test gives fakes; `screen` may only be touched after app ready, so here.
        const BrowserWindow = deps?.BrowserWindow ?? ElectronBrowserWindow;
        const screen = deps?.screen ?? electronScreen;
        win = new BrowserWindow({
          ...windowBounds(kind, displayForCursor(screen, opts.isWayland).workArea),
          show: false,
          resizable: kind !== 'break',
          alwaysOnTop: kind === 'break' && !opts.isWayland,
          skipTaskbar: kind === 'break',
          autoHideMenuBar: true,
          title: 'Limber',
          webPreferences: {
            preload: opts.preload,
            contextIsolation: true,
            sandbox: true,
            nodeIntegration: false,
            webSecurity: true,
            allowRunningInsecureContent: false,
            experimentalFeatures: false,
            spellcheck: false,
            // The break window's soft cues play without a click first (the `sound` setting decides).
            autoplayPolicy: 'no-user-gesture-required',
            // A middle click would otherwise open links in new windows.
            disableBlinkFeatures: 'Auxclick',
          },
        });
        // macOS: keep the Dock icon hidden (skipTransformProcessType) and appear over fullscreen apps too.
        if (kind === 'break') win.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true, skipTransformProcessType: true });
        const w = win;
        w.once('ready-to-show', () => (focus ? w.show() : w.showInactive()));
        w.on('closed', () => {
          open.delete(kind);
          onClosed();
        });
        void w.loadURL(`${opts.rendererUrl}${kind}.html`);
        open.set(kind, w);
      } else if (focus) {
        win.show();
        win.focus();
      } else {
        win.showInactive();
      }
      const w = win;
      return {
        send: (m) => {
          if (!w.isDestroyed()) w.webContents.send(PUSH_CHANNEL, m);
        },
        close: () => {
          if (!w.isDestroyed()) w.close();
        },
        isOpen: () => !w.isDestroyed(),
      };
    },
    broadcast(m) {
      for (const w of open.values()) if (!w.isDestroyed()) w.webContents.send(PUSH_CHANNEL, m);
    },
    async pickFolder() {
      const d = deps?.dialog ?? electronDialog;
      // Attached to the settings window when it is open, so the picker comes up over it.
      const parent = open.get('settings');
      const options: Electron.OpenDialogOptions = { properties: ['openDirectory', 'createDirectory'], title: 'Limber' };
      const r =
        parent && !parent.isDestroyed() ? await d.showOpenDialog(parent as ElectronBrowserWindow, options) : await d.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
  };
}

/** No navigation, no new windows, no permissions: pages may only be our own files. */
export function lockDownContents(rendererUrl: string, app: Electron.App): void {
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (ev, url) => {
      if (!url.startsWith(rendererUrl)) ev.preventDefault();
    });
    contents.on('will-redirect', (ev) => ev.preventDefault());
    contents.on('will-attach-webview', (ev) => ev.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.session.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
    contents.session.setPermissionCheckHandler(() => false);
  });
}
