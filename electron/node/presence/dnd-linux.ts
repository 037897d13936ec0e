// Do-not-disturb on Linux desktops: GNOME, Cinnamon and MATE keep it in GSettings, XFCE in xfconf, KDE (and any
// daemon that implements it) in the Notifications service's `Inhibited` property.
import type { Cancel } from '../../core/clock.ts';
import type { HoldSource, HoldVerdict } from '../../core/holds.ts';
import type { DbusPort } from './dbus.ts';
import { execTool, spawnLines, type Exec, type SpawnLines } from './tool.ts';

interface GsettingsKey {
  id: string;
  schema: string;
  key: string;
  /** The value that means do-not-disturb is on. */
  dndWhen: 'true' | 'false';
  label: string;
}

export const GSETTINGS_DND: readonly GsettingsKey[] = [
  { id: 'gnome-dnd', schema: 'org.gnome.desktop.notifications', key: 'show-banners', dndWhen: 'false', label: 'GNOME do-not-disturb' },
  { id: 'cinnamon-dnd', schema: 'org.cinnamon.desktop.notifications', key: 'display-notifications', dndWhen: 'false', label: 'Cinnamon do-not-disturb' },
  { id: 'mate-dnd', schema: 'org.mate.NotificationDaemon', key: 'do-not-disturb', dndWhen: 'true', label: 'MATE do-not-disturb' },
];

/** `gsettings get` prints `true`/`false`; anything else (no schema, no tool) is unknown. */
export function gsettingsVerdict(k: GsettingsKey, stdout: string): HoldVerdict {
  const v = stdout.trim();
  if (v !== 'true' && v !== 'false') return { state: 'unknown', why: `unexpected ${k.schema} ${k.key}: ${v.slice(0, 40)}` };
  return v === k.dndWhen ? { state: 'held', reason: 'do-not-disturb', detail: k.label } : { state: 'free' };
}

export function gsettingsDnd(k: GsettingsKey, exec: Exec = execTool, spawn: SpawnLines = spawnLines): HoldSource {
  return {
    id: k.id,
    reasons: ['do-not-disturb'],
    async check() {
      const r = await exec('gsettings', ['get', k.schema, k.key]);
      return r.ok ? gsettingsVerdict(k, r.stdout) : { state: 'unknown', why: r.why };
    },
    // `gsettings monitor` prints a line whenever the key changes (dconf and the keyfile backend alike).
    watch(onChange): Cancel {
      return spawn('gsettings', ['monitor', k.schema, k.key], () => onChange());
    },
  };
}

/** XFCE: `xfconf-query -c xfce4-notifyd -p /do-not-disturb`; a property never set means off. */
export function xfceVerdict(r: Awaited<ReturnType<Exec>>): HoldVerdict {
  if (r.ok) return r.stdout.trim() === 'true' ? { state: 'held', reason: 'do-not-disturb', detail: 'XFCE do-not-disturb' } : { state: 'free' };
  if (/does not exist/.test(r.stderr + r.stdout)) return { state: 'free' };
  return { state: 'unknown', why: r.why };
}

export function xfceDnd(exec: Exec = execTool, spawn: SpawnLines = spawnLines): HoldSource {
  return {
    id: 'xfce-dnd',
    reasons: ['do-not-disturb'],
    async check() {
      return xfceVerdict(await exec('xfconf-query', ['-c', 'xfce4-notifyd', '-p', '/do-not-disturb']));
    },
    watch(onChange): Cancel {
      return spawn('xfconf-query', ['-c', 'xfce4-notifyd', '-m'], (line) => {
        if (line.includes('/do-not-disturb')) onChange();
      });
    },
  };
}

const NOTIFICATIONS = { dest: 'org.freedesktop.Notifications', path: '/org/freedesktop/Notifications', iface: 'org.freedesktop.Notifications' };

/**
 * KDE Plasma: `Inhibited` on the notification service. Plasma also sets it by itself while the screen is shared or
 * mirrored and for a focused fullscreen app, so it stands for those too (reported as do-not-disturb).
 */
export function kdeDnd(bus: DbusPort): HoldSource {
  return {
    id: 'kde-notifications-inhibited',
    reasons: ['do-not-disturb'],
    async check() {
      const v = await bus.getProperty('session', NOTIFICATIONS.dest, NOTIFICATIONS.path, NOTIFICATIONS.iface, 'Inhibited');
      if (typeof v !== 'boolean') return { state: 'unknown', why: 'Inhibited is not a boolean' };
      return v ? { state: 'held', reason: 'do-not-disturb', detail: 'KDE do-not-disturb' } : { state: 'free' };
    },
    watch(onChange): Cancel {
      return bus.onSignal(
        'session',
        { sender: NOTIFICATIONS.dest, path: NOTIFICATIONS.path, iface: 'org.freedesktop.DBus.Properties', member: 'PropertiesChanged' },
        ([iface]) => {
          if (iface === NOTIFICATIONS.iface) onChange();
        },
      );
    },
  };
}
