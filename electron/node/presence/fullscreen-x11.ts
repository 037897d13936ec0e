// Fullscreen on X11: the active window (EWMH `_NET_ACTIVE_WINDOW`) has `_NET_WM_STATE_FULLSCREEN`. Read with xprop;
// followed with `xprop -spy` on the root window (focus changes) and on the active window (its state).
import type { Cancel } from '../../core/clock.ts';
import type { HoldSource, HoldVerdict } from '../../core/holds.ts';
import { execTool, spawnLines, type Exec, type SpawnLines } from './tool.ts';

/**
 * The window id from `xprop -root _NET_ACTIVE_WINDOW`: `0x0` when no window has focus (openbox leaves the property
 * unset then: "not found"), null when no EWMH window manager ever set it ("no such atom").
 */
export function parseActiveWindow(stdout: string): string | null {
  const m = /_NET_ACTIVE_WINDOW\(WINDOW\): window id # (0x[0-9a-f]+)/i.exec(stdout);
  if (m) return m[1]!.toLowerCase();
  return /_NET_ACTIVE_WINDOW:\s+not found/.test(stdout) ? '0x0' : null;
}

export function isFullscreenState(stdout: string): boolean {
  return /_NET_WM_STATE\(ATOM\) =.*\b_NET_WM_STATE_FULLSCREEN\b/.test(stdout);
}

export function x11Fullscreen(env: { DISPLAY?: string | undefined }, exec: Exec = execTool, spawn: SpawnLines = spawnLines): HoldSource {
  const active = async (): Promise<{ id: string } | { verdict: HoldVerdict }> => {
    if (!env.DISPLAY) return { verdict: { state: 'unknown', why: 'no X display' } };
    const r = await exec('xprop', ['-root', '_NET_ACTIVE_WINDOW']);
    if (!r.ok) return { verdict: { state: 'unknown', why: r.why } };
    const id = parseActiveWindow(r.stdout);
    if (id === null) return { verdict: { state: 'unknown', why: 'the window manager does not report the active window' } };
    if (id === '0x0') return { verdict: { state: 'free' } };
    return { id };
  };
  return {
    id: 'x11-fullscreen',
    reasons: ['fullscreen'],
    async check() {
      const a = await active();
      if ('verdict' in a) return a.verdict;
      const r = await exec('xprop', ['-id', a.id, '_NET_WM_STATE']);
      // The window may close between the two questions: then nothing is fullscreen.
      if (!r.ok) return { state: 'free' };
      return isFullscreenState(r.stdout) ? { state: 'held', reason: 'fullscreen', detail: `window ${a.id} is fullscreen` } : { state: 'free' };
    },
    watch(onChange): Cancel {
      let windowSpy: Cancel = () => {};
      let current = '';
      const followWindow = (id: string | null) => {
        if (!id || id === current) return;
        current = id;
        windowSpy();
        windowSpy = id === '0x0' ? () => {} : spawn('xprop', ['-id', id, '-spy', '_NET_WM_STATE'], () => onChange());
      };
      const rootSpy = spawn('xprop', ['-root', '-spy', '_NET_ACTIVE_WINDOW'], (line) => {
        followWindow(parseActiveWindow(line));
        onChange();
      });
      return () => {
        rootSpy();
        windowSpy();
      };
    },
  };
}
