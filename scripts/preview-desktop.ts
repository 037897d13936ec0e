// What the preview asks the desktop, from the sources Electron's powerMonitor and screen read on X11: idle time from
// the XScreenSaver extension (xprintidle), the lock from logind's LockedHint, and the work area from the window
// manager (_NET_WORKAREA). Seam: once electron/node/presence offers the app's own idle and lock sources, the preview's
// activity should come from there instead of these probes; ScriptedActivity is the ActivityPort the harness takes.
import { execFileSync } from 'node:child_process';
import { ScriptedActivity } from '../e2e/harness/test-ports.ts';

function run(cmd: string, args: string[]): string | null {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 500 });
  } catch {
    return null;
  }
}

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

/** Idle and lock from the desktop; where a probe is missing, the user counts as present (and the preview says so). */
export class DesktopActivity extends ScriptedActivity {
  readonly missing: string[] = [];
  constructor() {
    super();
    if (run('xprintidle', []) === null) this.missing.push('xprintidle (idle time on X11)');
    if (this.lockedHint() === null) this.missing.push('logind session (screen lock)');
  }
  override idleSeconds(): number {
    const ms = Number(run('xprintidle', []));
    return Number.isFinite(ms) ? ms / 1000 : 0;
  }
  override isLocked(): boolean {
    return this.lockedHint() === true;
  }
  private lockedHint(): boolean | null {
    const id = process.env.XDG_SESSION_ID;
    const out = id ? run('loginctl', ['show-session', id, '-p', 'LockedHint', '--value']) : null;
    return out === null ? null : out.trim() === 'yes';
  }
}
