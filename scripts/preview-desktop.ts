// What the preview asks the desktop. Presence and holds come from the app's own builder (desktopSources: Mutter's
// idle monitor, KDE's and the GNOME / freedesktop screensavers, logind, and the hold sources), with xprintidle (the
// XScreenSaver extension Electron's powerMonitor reads on X11) behind it where Electron would use powerMonitor; the
// work area from the window manager (_NET_WORKAREA), and the screen, so the tray page sits where a tray menu would.
import { execFileSync } from 'node:child_process';
import type { Cancel, Clock } from '../electron/core/clock.ts';
import type { ActivityPort, PowerEvent } from '../electron/core/scheduler.ts';
import type { DbusPort } from '../electron/node/presence/dbus.ts';
import type { PresenceInfo } from '../electron/node/presence/desktop-presence.ts';
import { desktopSources, type DesktopSources } from '../electron/node/presence/desktop-sources.ts';
import type { ToolEnv } from '../electron/node/presence/tool.ts';

/** Runs a desktop tool; null where it is missing, fails or does not answer within half a second. */
export type RunTool = (cmd: string, args: string[]) => string | null;

const run: RunTool = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 500 });
  } catch {
    return null;
  }
};

/** `_NET_WORKAREA = 0, 0, 1920, 1050, …` → the first desktop's work area. */
export function parseWorkArea(xprop: string | null): { x: number; y: number; width: number; height: number } | null {
  const m = xprop?.match(/=\s*(\d+),\s*(\d+),\s*(\d+),\s*(\d+)/);
  return m ? { x: Number(m[1]), y: Number(m[2]), width: Number(m[3]), height: Number(m[4]) } : null;
}

/** `1920 1080` (xdotool getdisplaygeometry) → the whole screen, where no window manager says more. */
export function parseGeometry(out: string | null): { x: number; y: number; width: number; height: number } | null {
  const m = out?.match(/^(\d+)\s+(\d+)/);
  return m ? { x: 0, y: 0, width: Number(m[1]), height: Number(m[2]) } : null;
}

export function workArea(): { x: number; y: number; width: number; height: number } {
  return parseWorkArea(run('xprop', ['-root', '_NET_WORKAREA'])) ?? parseGeometry(run('xdotool', ['getdisplaygeometry'])) ?? { x: 0, y: 0, width: 1920, height: 1080 };
}

export type Area = { x: number; y: number; width: number; height: number };

/** A tray menu's size: as wide as the desktop's menus, tall enough for Limber's items with Pause opened. */
export const TRAY_MENU_SIZE = { width: 300, height: 460 };

/**
 * Where a tray menu opens: at the right end of the panel that holds the tray. A panel at the top (the work area starts
 * below the screen's top, as under GNOME's top bar) puts it at the top right; a panel at the bottom (the work area ends
 * above the screen's bottom, as on KDE, XFCE, Cinnamon and Windows) at the bottom right. With no panel to go by, the
 * bottom right, where the break windows open too.
 */
export function trayMenuBounds(area: Area, screen: Area, size = TRAY_MENU_SIZE, margin = 4): Area {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  const x = area.x + area.width - width - margin;
  const panelOnTop = area.y > screen.y && area.y + area.height >= screen.y + screen.height;
  const y = panelOnTop ? area.y + margin : area.y + area.height - height - margin;
  return { x: Math.max(area.x, x), y: Math.max(area.y, y), width, height };
}

export function screenArea(): Area {
  return parseGeometry(run('xdotool', ['getdisplaygeometry'])) ?? workArea();
}

/**
 * Idle time from the XScreenSaver extension (xprintidle), standing in for Electron's powerMonitor behind the desktop's
 * services. The lock is not read here: logind and the screensavers answer through DesktopPresence.
 */
export class XprintidleActivity implements ActivityPort {
  readonly available: boolean;
  constructor(private readonly runTool: RunTool = run) {
    this.available = runTool('xprintidle', []) !== null;
  }
  idleSeconds(): number {
    const out = this.runTool('xprintidle', []);
    const ms = out === null ? NaN : Number(out.trim());
    return Number.isFinite(ms) ? ms / 1000 : 0;
  }
  isLocked(): boolean {
    return false;
  }
  onPower(_cb: (e: PowerEvent) => void): Cancel {
    return () => {};
  }
}

export interface PreviewDesktop {
  sources: DesktopSources;
  fallback: XprintidleActivity;
}

/** The preview's presence and holds, from the same builder as the Electron entry, with xprintidle as its fallback. */
export function previewDesktop(deps: { platform: NodeJS.Platform; env: ToolEnv; bus: DbusPort; clock: Clock; runTool?: RunTool; log?: (m: string) => void }): PreviewDesktop {
  const fallback = new XprintidleActivity(deps.runTool);
  const sources = desktopSources({ platform: deps.platform, env: deps.env, bus: deps.bus, clock: deps.clock, fallback, ownPids: [process.pid], ...(deps.log ? { log: deps.log } : {}) });
  return { sources, fallback };
}

const IDLE_FROM: Record<PresenceInfo['idle'], string> = {
  'gnome-mutter': "GNOME's idle monitor (Mutter)",
  'kde-screensaver': "KDE's screensaver interface",
  fallback: 'xprintidle',
};

/** One line for the person trying the preview: where idle time and the lock come from, or that they cannot be read. */
export function presenceLine(info: PresenceInfo | null, fallback: XprintidleActivity): string {
  const idle = info && info.idle !== 'fallback' ? IDLE_FROM[info.idle] : fallback.available ? IDLE_FROM.fallback : null;
  const lock = info?.lock.length ? info.lock.join(', ') : null;
  return [
    idle ? `idle time from ${idle}` : 'no idle time here (no desktop idle service, no xprintidle): you count as always at the desk',
    lock ? `screen lock from ${lock}` : 'no screen-lock signal answered',
  ].join('; ');
}
