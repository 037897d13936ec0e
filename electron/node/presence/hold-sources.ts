// Which hold sources this desktop has: chosen from the platform and XDG_CURRENT_DESKTOP. Sources that turn out to
// be missing simply answer unknown (and `limber doctor` says so).
import type { HoldSource } from '../../core/holds.ts';
import { linuxCamera, videoDevices } from './camera-linux.ts';
import type { DbusPort } from './dbus.ts';
import { GSETTINGS_DND, gsettingsDnd, kdeDnd, xfceDnd } from './dnd-linux.ts';
import { x11Fullscreen } from './fullscreen-x11.ts';
import { gnomeIdleInhibit } from './gnome-inhibit.ts';
import { loadCoreAudio, macDisplaySleep, macFocus, macMic } from './macos.ts';
import { pulseMic } from './mic-pulse.ts';
import { pipewireScreenShare } from './screen-share-pipewire.ts';
import { makeExec, makeSpawnLines, type ToolEnv } from './tool.ts';
import { loadWinShell, winConsent, winFocusAssist, winNotificationState, type WinShellLike } from './windows.ts';

export interface SourceDeps {
  platform: NodeJS.Platform;
  env: ToolEnv;
  bus: DbusPort;
  /** Limber's own processes: their streams and devices are not a call. */
  ownPids: readonly number[];
  /** The camera devices (default: /dev/video*). */
  cameraDevices?: () => string[];
  /** How long a tool may run before it is killed (500 ms; tests on a loaded machine allow more). */
  toolTimeoutMs?: number;
}

/** The desktops named in XDG_CURRENT_DESKTOP, lower case ("ubuntu:GNOME" → ["ubuntu", "gnome"]). */
export function desktops(env: ToolEnv): string[] {
  return (env.XDG_CURRENT_DESKTOP ?? '').toLowerCase().split(':').filter(Boolean);
}

export const isWaylandSession = (env: ToolEnv): boolean => env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY);

export function holdSourcesFor(deps: SourceDeps): HoldSource[] {
  const exec = makeExec(deps.env, deps.toolTimeoutMs);
  const spawn = makeSpawnLines(deps.env);
  if (deps.platform === 'darwin') return [macFocus(exec), macDisplaySleep(deps.ownPids, exec), macMic(once(loadCoreAudio))];
  if (deps.platform === 'win32') {
    const shell = once<WinShellLike>(loadWinShell);
    return [winNotificationState(shell), winFocusAssist(shell), winConsent('microphone', exec), winConsent('webcam', exec)];
  }
  const d = new Set(desktops(deps.env));
  const gsettings = (id: string) => gsettingsDnd(GSETTINGS_DND.find((k) => k.id === id)!, exec, spawn);
  const sources: HoldSource[] = [];
  const gnomeLike = ['gnome', 'ubuntu', 'unity', 'pantheon', 'budgie', 'budgie-desktop'].some((n) => d.has(n));
  if (gnomeLike) sources.push(gsettings('gnome-dnd'), gnomeIdleInhibit(deps.bus));
  if (d.has('x-cinnamon') || d.has('cinnamon')) sources.push(gsettings('cinnamon-dnd'));
  if (d.has('mate')) sources.push(gsettings('mate-dnd'));
  if (d.has('xfce')) sources.push(xfceDnd(exec, spawn));
  // KDE's Inhibited; other notification daemons may implement it too, so it is asked wherever the desktop is not known.
  if (d.has('kde') || !(gnomeLike || d.has('xfce') || d.has('mate') || d.has('cinnamon') || d.has('x-cinnamon'))) sources.push(kdeDnd(deps.bus));
  // On Wayland xprop only sees XWayland windows, so the active window is not known there.
  if (deps.env.DISPLAY && !isWaylandSession(deps.env)) sources.push(x11Fullscreen(deps.env, exec, spawn));
  sources.push(pulseMic(deps.ownPids, exec, spawn));
  sources.push(linuxCamera({ devices: deps.cameraDevices ?? videoDevices(), ownPids: deps.ownPids, spawn }));
  sources.push(pipewireScreenShare(exec));
  return sources;
}

/** Load a native binding once, on first use; a failure stays a failure (the source answers unknown). */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null;
  return () => (p ??= load());
}
