// Limber's windows: small, sandboxed, on the display the user works on, and shown without stealing focus.
import { BrowserWindow, screen } from 'electron';
import { PUSH_CHANNEL, type WindowKind } from '../ipc.ts';
import type { WindowHandle, WindowsPort } from '../ports.ts';

const SIZES: Record<WindowKind, { width: number; height: number }> = {
  break: { width: 420, height: 560 },
  settings: { width: 560, height: 680 },
  stats: { width: 720, height: 640 },
  welcome: { width: 520, height: 600 },
};

export interface WindowsOptions {
  preload: string;
  /** file:// URL of the built renderer folder, ending in '/'. */
  rendererUrl: string;
  /** Wayland cannot place windows or keep them on top. */
  isWayland: boolean;
}

function displayForCursor(isWayland: boolean) {
  // getCursorScreenPoint is not supported on Wayland: fall back to the primary display.
  return isWayland ? screen.getPrimaryDisplay() : screen.getDisplayNearestPoint(screen.getCursorScreenPoint());
}

export function createElectronWindows(opts: WindowsOptions): WindowsPort {
  const open = new Map<WindowKind, BrowserWindow>();
  return {
    open(kind, { focus, onClosed }): WindowHandle {
      let win = open.get(kind);
      if (!win || win.isDestroyed()) {
        const size = SIZES[kind];
        const area = displayForCursor(opts.isWayland).workArea;
        win = new BrowserWindow({
          ...size,
          x: Math.round(area.x + area.width - size.width - 24),
          y: Math.round(area.y + area.height - size.height - 24),
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
            // A middle click would otherwise open links in new windows.
            disableBlinkFeatures: 'Auxclick',
          },
        });
        if (kind === 'break') win.setVisibleOnAllWorkspaces(true);
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
