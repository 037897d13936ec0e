import type { BrowserWindowConstructorOptions, Display, Point } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { PUSH_CHANNEL, windowBounds } from '../ipc.ts';
import { createElectronWindows, type WindowDeps, type WindowLike } from './windows.ts';

vi.mock('electron', () => ({}));

type Handler = (...args: unknown[]) => void;

/** A BrowserWindow that records what was asked of it. */
class FakeWindow implements WindowLike {
  destroyed = false;
  shown: 'focused' | 'inactive' | null = null;
  url = '';
  allWorkspaces: { flag: boolean; options: unknown } | null = null;
  sent: [string, unknown][] = [];
  private handlers = new Map<string, Handler[]>();
  constructor(readonly options: BrowserWindowConstructorOptions) {}
  webContents = { send: (channel: string, ...args: unknown[]) => void this.sent.push([channel, args[0]]) } as WindowLike['webContents'];
  isDestroyed = () => this.destroyed;
  setVisibleOnAllWorkspaces: WindowLike['setVisibleOnAllWorkspaces'] = (flag, options) => void (this.allWorkspaces = { flag, options });
  once = ((event: string, h: Handler) => this.add(event, h)) as unknown as WindowLike['once'];
  on = ((event: string, h: Handler) => this.add(event, h)) as unknown as WindowLike['on'];
  show = () => void (this.shown = 'focused');
  showInactive = () => void (this.shown = 'inactive');
  focus = () => {};
  loadURL = ((url: string) => {
    this.url = url;
    return Promise.resolve();
  }) as WindowLike['loadURL'];
  close = () => {
    this.destroyed = true;
    this.emit('closed');
  };
  emit(event: string) {
    for (const h of this.handlers.get(event) ?? []) h();
  }
  private add(event: string, h: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), h]);
    return this as unknown as ReturnType<WindowLike['on']>;
  }
}

const display = (id: number, x: number, y: number, width: number, height: number) =>
  ({ id, workArea: { x, y, width, height }, bounds: { x, y, width, height } }) as unknown as Display;

const LEFT = display(1, 0, 0, 1920, 1040);
const RIGHT = display(2, 1920, 0, 2560, 1400);

function setup(isWayland = false, cursor: Point = { x: 2500, y: 300 }) {
  const windows: FakeWindow[] = [];
  const deps: WindowDeps = {
    BrowserWindow: class extends FakeWindow {
      constructor(o: BrowserWindowConstructorOptions) {
        super(o);
        windows.push(this);
      }
    },
    screen: {
      getCursorScreenPoint: () => cursor,
      getDisplayNearestPoint: (p: Point) => (p.x >= 1920 ? RIGHT : LEFT),
      getPrimaryDisplay: () => LEFT,
    },
  };
  const port = createElectronWindows({ preload: '/app/preload.cjs', rendererUrl: 'file:///app/renderer/', isWayland }, deps);
  return { port, windows };
}

describe('createElectronWindows', () => {
  it('opens the break window on the display under the cursor, on top, on every workspace, without focus', () => {
    const { port, windows } = setup();
    port.open('break', { focus: false, onClosed: () => {} });
    const [w] = windows;
    expect(w!.options).toMatchObject({ ...windowBounds('break', RIGHT.workArea), alwaysOnTop: true, skipTaskbar: true, show: false });
    expect(w!.options.x).toBeGreaterThanOrEqual(1920);
    // macOS: without skipTransformProcessType the Dock icon comes back; visibleOnFullScreen shows it over fullscreen apps.
    expect(w!.allWorkspaces).toEqual({ flag: true, options: { visibleOnFullScreen: true, skipTransformProcessType: true } });
    expect(w!.url).toBe('file:///app/renderer/break.html');
    w!.emit('ready-to-show');
    expect(w!.shown).toBe('inactive');
  });

  it('is sandboxed, isolated, with no Node in the page and only our preload', () => {
    const { port, windows } = setup();
    port.open('settings', { focus: true, onClosed: () => {} });
    expect(windows[0]!.options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
    windows[0]!.emit('ready-to-show');
    expect(windows[0]!.shown).toBe('focused');
  });

  it('on Wayland: the primary display and a normal window, since placement and always-on-top do not work there', () => {
    const { port, windows } = setup(true);
    port.open('break', { focus: false, onClosed: () => {} });
    expect(windows[0]!.options).toMatchObject({ ...windowBounds('break', LEFT.workArea), alwaysOnTop: false });
  });

  it('reuses an open window, pushes messages to it, and reports a close by the user', () => {
    const { port, windows } = setup();
    const closed = vi.fn();
    const a = port.open('break', { focus: false, onClosed: closed });
    const b = port.open('break', { focus: false, onClosed: closed });
    expect(windows).toHaveLength(1);
    b.send({ type: 'break', view: { screen: 'idle' } });
    expect(windows[0]!.sent).toEqual([[PUSH_CHANNEL, { type: 'break', view: { screen: 'idle' } }]]);
    windows[0]!.close();
    expect(closed).toHaveBeenCalledOnce();
    expect(a.isOpen()).toBe(false);
    a.send({ type: 'break', view: { screen: 'idle' } });
    expect(windows[0]!.sent).toHaveLength(1);
  });

  it('picks a folder with the system dialog over the settings window; a cancel is null', async () => {
    const answers = [
      { canceled: false, filePaths: ['/home/me/Sync'] },
      { canceled: true, filePaths: [] },
    ];
    const calls: unknown[][] = [];
    const windows: FakeWindow[] = [];
    const port = createElectronWindows(
      { preload: '/app/preload.cjs', rendererUrl: 'file:///app/renderer/', isWayland: false },
      {
        BrowserWindow: class extends FakeWindow {
          constructor(o: BrowserWindowConstructorOptions) {
            super(o);
            windows.push(this);
          }
        },
        screen: { getCursorScreenPoint: () => ({ x: 0, y: 0 }), getDisplayNearestPoint: () => LEFT, getPrimaryDisplay: () => LEFT },
        dialog: {
          showOpenDialog: ((...args: unknown[]) => {
            calls.push(args);
            return Promise.resolve(answers.shift()!);
          }) as unknown as Electron.Dialog['showOpenDialog'],
        },
      },
    );
    port.open('settings', { focus: true, onClosed: () => {} });
    expect(await port.pickFolder()).toBe('/home/me/Sync');
    expect(calls[0]![0]).toBe(windows[0]);
    expect((calls[0]![1] as Electron.OpenDialogOptions).properties).toContain('openDirectory');
    expect(await port.pickFolder()).toBeNull();
  });
});

describe('windowBounds', () => {
  it('fits small screens and keeps a margin from the edge', () => {
    expect(windowBounds('break', { x: 0, y: 0, width: 1920, height: 1040 })).toEqual({ width: 420, height: 560, x: 1476, y: 456 });
    expect(windowBounds('stats', { x: 0, y: 0, width: 640, height: 480 })).toEqual({ width: 640, height: 480, x: 0, y: 0 });
  });
});
