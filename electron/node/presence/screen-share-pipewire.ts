// Screen sharing on Linux: while a screen is shared through the desktop portal, the compositor offers it as a
// PipeWire video source. Read from `pw-dump`; the names are those the portals give their streams (GNOME's mutter,
// wlroots, Hyprland), and any video source that is not a device (cameras are) is counted too.
import type { HoldSource, HoldVerdict } from '../../core/holds.ts';
import { execTool, type Exec } from './tool.ts';

interface PwObject {
  type?: string;
  info?: { props?: Record<string, unknown> };
}

const PORTAL_STREAM = /^(meta-screen-cast-src|gnome-shell-screencast|xdpw-stream|xdph-stream|kwin)/;

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
    if (!o.type?.endsWith(':Node') || p['media.class'] !== 'Video/Source') return false;
    const name = String(p['node.name'] ?? '');
    const isDevice = 'device.id' in p || 'api.v4l2.path' in p || 'api.libcamera.path' in p;
    return PORTAL_STREAM.test(name) || !isDevice;
  });
  return shared ? { state: 'held', reason: 'screen-sharing', detail: `screen shared (${String(shared.info?.props?.['node.name'] ?? 'stream')})` } : { state: 'free' };
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
