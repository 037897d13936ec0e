import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { SchedulerStatus } from '../core/scheduler.ts';
import { MENU, trayView, type TrayIcon } from '../core/tray-model.ts';
import { createElectronTray, toTemplate, type TrayDeps } from './tray.ts';

// The npm package's index.js throws without its binary; every Electron API used here is passed in as a fake.
vi.mock('electron', () => ({}));

type TrayPart = Pick<Tray, 'setImage' | 'setToolTip' | 'setTitle' | 'setContextMenu' | 'on'>;

/** Stand-ins for the opaque objects Electron hands around: the adapter only passes them through. */
const image = (path: string) => ({ path }) as unknown as NativeImage;
const menuOf = (template: MenuItemConstructorOptions[]) => ({ template }) as unknown as Menu;
const pathOf = (img: NativeImage | string) => (img as unknown as { path: string }).path;
const templateOf = (m: Menu | null) => (m as unknown as { template: MenuItemConstructorOptions[] }).template;

class FakeTray implements TrayPart {
  static last: FakeTray | null = null;
  images: string[] = [];
  tooltips: string[] = [];
  titles: string[] = [];
  menus: Menu[] = [];
  listeners = new Map<string, ((...args: never[]) => void)[]>();
  constructor(img: NativeImage) {
    this.images.push(pathOf(img));
    FakeTray.last = this;
  }
  setImage(img: NativeImage | string): void {
    this.images.push(pathOf(img));
  }
  setToolTip(toolTip: string): void {
    this.tooltips.push(toolTip);
  }
  setTitle(title: string): void {
    this.titles.push(title);
  }
  setContextMenu(menu: Menu | null): void {
    if (menu) this.menus.push(menu);
  }
  // never[] accepts every listener shape Electron's overloads declare; the returned Tray is only for chaining.
  on(event: string, listener: (...args: never[]) => void): Tray {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this as unknown as Tray;
  }
  emit(event: string): void {
    for (const l of this.listeners.get(event) ?? []) (l as () => void)();
  }
}

function setup(isMac: boolean) {
  const buildFromTemplate = vi.fn(menuOf);
  const deps: TrayDeps = {
    Tray: FakeTray,
    Menu: { buildFromTemplate },
    nativeImage: { createFromPath: image },
  };
  const iconPath = (icon: TrayIcon) => `/icons/tray-${icon}.png`;
  const port = createElectronTray(iconPath, isMac, deps);
  return { port, tray: FakeTray.last!, buildFromTemplate };
}

const NOW = Date.parse('2026-11-23T10:00:00+01:00');
const working = (minutes: number, breaksToday = 0): SchedulerStatus => ({
  phase: 'working',
  nextBreak: { at: NOW + minutes * 60_000, kind: 'micro' },
  pausedUntil: null,
  currentBreak: null,
  breaksToday,
  held: null,
});
const paused: SchedulerStatus = { phase: 'paused', nextBreak: null, pausedUntil: null, currentBreak: null, breaksToday: 0, held: null };

describe('toTemplate', () => {
  it('maps ids, labels, enabled, separators and submenus; clicks report the item id', () => {
    const clicked: string[] = [];
    const t = toTemplate(trayView(working(20), NOW).menu, (id) => clicked.push(id));
    expect(t[0]).toMatchObject({ id: MENU.startMicro, label: 'Start break now', enabled: true });
    expect(t.find((i) => i.id === MENU.snooze)?.enabled).toBe(false);
    expect(t.filter((i) => i.type === 'separator')).toHaveLength(2);
    const pause = t.find((i) => i.id === 'pause')!;
    expect(pause.click).toBeUndefined();
    const sub = pause.submenu as MenuItemConstructorOptions[];
    expect(sub.map((i) => i.id)).toEqual([MENU.pause30, MENU.pause60, MENU.pause120, MENU.pauseTomorrow, MENU.pauseIndefinitely]);
    // Electron calls click(menuItem, window, event); the adapter ignores those and reports the id.
    const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();
    click(sub[0]);
    click(t.find((i) => i.id === MENU.quit));
    expect(clicked).toEqual([MENU.pause30, MENU.quit]);
  });
});

describe('createElectronTray', () => {
  it('starts with the working icon, then renders icon, tooltip and menu', () => {
    const { port, tray, buildFromTemplate } = setup(false);
    expect(tray.images).toEqual(['/icons/tray-working.png']);
    port.render(trayView(paused, NOW));
    expect(tray.images.at(-1)).toBe('/icons/tray-paused.png');
    expect(tray.tooltips).toEqual(['Limber — paused']);
    expect(buildFromTemplate).toHaveBeenCalledTimes(1);
    const resume = templateOf(tray.menus.at(-1)!).find((i) => i.id === MENU.resume);
    expect(resume?.enabled).toBe(true);
  });

  it('touches only what changed (the menu is rebuilt only when it differs)', () => {
    const { port, tray, buildFromTemplate } = setup(false);
    port.render(trayView(working(20), NOW));
    port.render(trayView(working(19), NOW));
    expect(tray.tooltips).toEqual(['Limber — Next break in 20 min']);
    expect(buildFromTemplate).toHaveBeenCalledTimes(1);
    expect(tray.images).toHaveLength(2);
    port.render(trayView(working(19, 1), NOW));
    // Today's count changed: Linux shows a new menu only after setContextMenu.
    expect(buildFromTemplate).toHaveBeenCalledTimes(2);
    expect(tray.menus).toHaveLength(2);
  });

  it('sets the title beside the icon on macOS only', () => {
    const mac = setup(true);
    mac.port.render(trayView(working(20), NOW));
    expect(mac.tray.titles).toEqual(['20m']);
    const other = setup(false);
    other.port.render(trayView(working(20), NOW));
    expect(other.tray.titles).toEqual([]);
  });

  it('reports menu clicks by id and icon clicks', () => {
    const { port, tray } = setup(false);
    const ids: string[] = [];
    let clicks = 0;
    port.onMenu((id) => ids.push(id));
    port.onClick(() => clicks++);
    port.render(trayView(working(20), NOW));
    const start = templateOf(tray.menus.at(-1)!).find((i) => i.id === MENU.startLong);
    (start?.click as () => void)();
    tray.emit('click');
    expect(ids).toEqual([MENU.startLong]);
    expect(clicks).toBe(1);
  });
});
