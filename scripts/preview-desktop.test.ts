// The preview asks the desktop through the app's own presence builder, with xprintidle behind it, and places its tray
// window where a tray menu opens.
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../electron/core/clock.ts';
import { FakeBus } from '../electron/node/presence/test-helpers.ts';
import { appWindowArgs } from '../e2e/harness/chromium.ts';
import { menuDirection } from '../e2e/harness/tray-page.ts';
import { parseGeometry, parseWorkArea, presenceLine, previewDesktop, TRAY_MENU_SIZE, trayMenuBounds, type RunTool } from './preview-desktop.ts';

const MUTTER = 'org.gnome.Mutter.IdleMonitor org.gnome.Mutter.IdleMonitor';
/** xprintidle says 90 s; a fake for every other tool says it is missing. */
const xprintidle90: RunTool = (cmd) => (cmd === 'xprintidle' ? '90000\n' : null);

describe('preview desktop probes', () => {
  it('reads the first work area from _NET_WORKAREA, and the screen size from xdotool', () => {
    expect(parseWorkArea('_NET_WORKAREA(CARDINAL) = 0, 27, 1920, 1053, 0, 27, 1920, 1053')).toEqual({ x: 0, y: 27, width: 1920, height: 1053 });
    expect(parseGeometry('2560 1440\n')).toEqual({ x: 0, y: 0, width: 2560, height: 1440 });
  });
  it('no window manager or no display: null, so the next source is asked', () => {
    expect(parseWorkArea('_NET_WORKAREA:  not found.')).toBeNull();
    expect(parseWorkArea(null)).toBeNull();
    expect(parseGeometry(null)).toBeNull();
  });
});

describe('preview presence', () => {
  it('comes from the shared builder: where Mutter answers, its idle time is used, not xprintidle', async () => {
    const clock = new VirtualClock('2026-11-23T09:00:00Z');
    const bus = new FakeBus();
    bus.methods.set(`${MUTTER}.GetIdletime`, () => [45_000]);
    bus.methods.set(`${MUTTER}.AddIdleWatch`, () => [1]);
    bus.methods.set(`${MUTTER}.AddUserActiveWatch`, () => [2]);
    bus.methods.set('org.freedesktop.login1 org.freedesktop.login1.Manager.GetSession', () => ['/org/freedesktop/login1/session/c1']);
    bus.props.set('org.freedesktop.login1 org.freedesktop.login1.Session.LockedHint', false);
    const d = previewDesktop({ platform: 'linux', env: { XDG_SESSION_ID: 'c1', XDG_CURRENT_DESKTOP: 'GNOME' }, bus, clock, runTool: xprintidle90 });
    const info = await d.sources.start();
    expect(info).toEqual({ idle: 'gnome-mutter', lock: ['logind'], problem: null });
    expect(d.sources.activity.idleSeconds()).toBe(45);
    // logind's lock reaches the app through the same port.
    bus.emit('org.freedesktop.login1.Session.Lock', []);
    expect(d.sources.activity.isLocked()).toBe(true);
    expect(presenceLine(info, d.fallback)).toBe("idle time from GNOME's idle monitor (Mutter); screen lock from logind");
    d.sources.stop();
  });

  it('where no desktop service answers, xprintidle is the fallback behind it; without it, the preview says so', async () => {
    const clock = new VirtualClock('2026-11-23T09:00:00Z');
    const d = previewDesktop({ platform: 'linux', env: {}, bus: new FakeBus(), clock, runTool: xprintidle90 });
    const info = await d.sources.start();
    expect(info?.idle).toBe('fallback');
    expect(d.sources.activity.idleSeconds()).toBe(90);
    expect(presenceLine(info, d.fallback)).toBe('idle time from xprintidle; no screen-lock signal answered');
    const none = previewDesktop({ platform: 'linux', env: {}, bus: new FakeBus(), clock, runTool: () => null });
    expect(none.sources.activity.idleSeconds()).toBe(0);
    expect(presenceLine(await none.sources.start(), none.fallback)).toMatch(/^no idle time here .*always at the desk; no screen-lock signal answered$/);
  });
});

describe('the preview tray window', () => {
  const screen = { x: 0, y: 0, width: 1920, height: 1080 };
  it('opens at the top right under a top panel (GNOME), at the bottom right over a bottom panel or none', () => {
    expect(trayMenuBounds({ x: 0, y: 32, width: 1920, height: 1048 }, screen)).toEqual({ x: 1920 - 300 - 4, y: 36, ...TRAY_MENU_SIZE });
    expect(trayMenuBounds({ x: 0, y: 0, width: 1920, height: 1040 }, screen)).toEqual({ x: 1616, y: 1040 - 460 - 4, ...TRAY_MENU_SIZE });
    expect(trayMenuBounds(screen, screen)).toEqual({ x: 1616, y: 1080 - 460 - 4, ...TRAY_MENU_SIZE });
  });
  it('never larger than the work area, never outside it', () => {
    expect(trayMenuBounds({ x: 0, y: 0, width: 250, height: 400 }, { x: 0, y: 0, width: 250, height: 400 })).toEqual({ x: 0, y: 0, width: 250, height: 400 });
  });
  it('is a Chromium app window (no tab strip, no address bar) at those bounds', () => {
    const args = appWindowArgs({ x: 1616, y: 36, width: 300, height: 560 });
    expect(args.some((a) => a.startsWith('--app='))).toBe(true);
    expect(args).toContain('--window-size=300,560');
    expect(args).toContain('--window-position=1616,36');
  });
  it('reads right to left where its words are Arabic, as a native menu would be drawn', () => {
    const item = (label: string) => ({ id: 'x', label, info: true as const, enabled: false as const });
    expect(menuDirection([{ id: 's', label: '', separator: true }, item('خذ استراحة الآن')])).toBe('rtl');
    expect(menuDirection([item('Start break now')])).toBe('ltr');
    expect(menuDirection([item('今すぐ休憩')])).toBe('ltr');
  });
});
