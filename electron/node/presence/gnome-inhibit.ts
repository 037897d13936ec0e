// GNOME (X11 and Wayland): an app that plays a video or a presentation inhibits idle; the session manager's
// `InhibitedActions` then has bit 8 set. It stands in for "presenting" where no window state can be read (Wayland).
import type { Cancel } from '../../core/clock.ts';
import type { HoldSource } from '../../core/holds.ts';
import type { DbusPort } from './dbus.ts';

const SM = { dest: 'org.gnome.SessionManager', path: '/org/gnome/SessionManager', iface: 'org.gnome.SessionManager' };
/** GsmInhibitorFlag: 1 logout, 2 switch user, 4 suspend, 8 idle. */
export const INHIBIT_IDLE = 8;

export function gnomeIdleInhibit(bus: DbusPort): HoldSource {
  return {
    id: 'gnome-idle-inhibit',
    reasons: ['presentation'],
    async check() {
      const v = await bus.getProperty('session', SM.dest, SM.path, SM.iface, 'InhibitedActions');
      if (typeof v !== 'number') return { state: 'unknown', why: 'InhibitedActions is not a number' };
      return v & INHIBIT_IDLE ? { state: 'held', reason: 'presentation', detail: 'an app keeps the screen awake' } : { state: 'free' };
    },
    watch(onChange): Cancel {
      const stops = ['InhibitorAdded', 'InhibitorRemoved'].map((member) => bus.onSignal('session', { sender: SM.dest, path: SM.path, iface: SM.iface, member }, () => onChange()));
      return () => stops.forEach((s) => s());
    },
  };
}
