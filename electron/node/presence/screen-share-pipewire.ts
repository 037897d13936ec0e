// Screen sharing on Linux: while a screen is shared through the desktop portal, the compositor offers it as a
// PipeWire video stream. Read from `pw-dump`. A portal stream is a PipeWire stream (pw_stream_new): its node is
// named after the program (`gnome-shell`, `xdg-desktop-portal-wlr`) and the stream's own name is its `media.name`
// (GNOME's mutter `meta-screen-cast-src`, wlroots `xdpw-stream`, Hyprland `xdph-streaming`); its class is
// `Stream/Output/Video`, or `Video/Source` where the portal sets it. Any video output that is not a device (cameras
// are) is counted too.
import type { HoldSource, HoldVerdict } from '../../core/holds.ts';
import { execTool, type Exec } from './tool.ts';

interface PwObject {
  type?: string;
  info?: { props?: Record<string, unknown> };
}

const PORTAL_STREAM = /^(meta-screen-cast-src|gnome-shell-screencast|xdpw-stream|xdph-stream|kwin)/;
const VIDEO_OUT = new Set(['Video/Source', 'Stream/Output/Video']);

export function screenShareVerdict(pwDumpJson: string): HoldVerdict {
  let objects: PwObject[];
  try {
    objects = JSON.parse(pwDumpJson) as PwObject[];
  } catch {
    return { state: 'unknown', why: 'pw-dump did not print JSON' };
  }
  if (!Array.isArray(objects)) return { state: 'unknown', why: 'pw-dump printed something unexpected' };
  const shared = objects.find((o) => {
    const p = o.info?.props ?? {};
    if (!o.type?.endsWith(':Node') || !VIDEO_OUT.has(String(p['media.class']))) return false;
    const isDevice = 'device.id' in p || 'api.v4l2.path' in p || 'api.libcamera.path' in p;
    return PORTAL_STREAM.test(String(p['media.name'] ?? '')) || PORTAL_STREAM.test(String(p['node.name'] ?? '')) || !isDevice;
  });
  if (!shared) return { state: 'free' };
  const p = shared.info?.props ?? {};
  return { state: 'held', reason: 'screen-sharing', detail: `screen shared (${String(p['media.name'] ?? p['node.name'] ?? 'stream')})` };
}

/** No event stream is followed here (pw-mon is chatty): while a break is held, the scheduler's slow re-checks cover it. */
export function pipewireScreenShare(exec: Exec = execTool): HoldSource {
  return {
    id: 'pipewire-screen-share',
    reasons: ['screen-sharing'],
    async check() {
      const r = await exec('pw-dump', []);
      return r.ok ? screenShareVerdict(r.stdout) : { state: 'unknown', why: r.why };
    },
  };
}
