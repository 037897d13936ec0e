// Presence sources on fakes (the real services are in e2e/holds.spec.ts): KDE idle time, the fallback, lock events.
import { describe, expect, it } from 'vitest';
import { ScriptedActivity } from '../../../e2e/harness/test-ports.ts';
import { VirtualClock } from '../../core/clock.ts';
import { DesktopPresence, NO_IDLE_SOURCE } from './desktop-presence.ts';
import { FakeBus } from './test-helpers.ts';

const KDE = 'org.freedesktop.ScreenSaver org.freedesktop.ScreenSaver.GetSessionIdleTime';
const MUTTER = 'org.gnome.Mutter.IdleMonitor org.gnome.Mutter.IdleMonitor';
const FIRED = 'org.gnome.Mutter.IdleMonitor.WatchFired';
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

/** Mutter on a fake bus: watch ids 1 (idle), 2, 3… (user-active); `counts` says how often each method was called. */
function fakeMutter(idleMs: number) {
  const bus = new FakeBus();
  const counts = { AddIdleWatch: 0, AddUserActiveWatch: 0 };
  bus.methods.set(`${MUTTER}.GetIdletime`, () => [BigInt(idleMs)]);
  bus.methods.set(`${MUTTER}.AddIdleWatch`, () => (counts.AddIdleWatch++, [1]));
  bus.methods.set(`${MUTTER}.AddUserActiveWatch`, () => [1 + ++counts.AddUserActiveWatch]);
  return { bus, counts };
}

describe('DesktopPresence: Mutter watches whose signal and reply arrive in one read or in two', () => {
  it('idle past the watch at start, its WatchFired read after the reply: the stretch keeps its start, one user-active watch', async () => {
    const clock = new VirtualClock('2026-11-23T09:00:00Z');
    const { bus, counts } = fakeMutter(95_000);
    const p = new DesktopPresence({ bus, clock, env: {}, fallback: new ScriptedActivity(() => clock.now()) });
    expect((await p.start()).idle).toBe('gnome-mutter');
    bus.emit(FIRED, [1]);
    await settle();
    expect(p.idleSeconds()).toBe(95);
    expect(counts.AddUserActiveWatch).toBe(1);
    // The user comes back: the one user-active watch ends the stretch.
    bus.emit(FIRED, [2]);
    expect(p.idleSeconds()).toBe(0);
    clock.advanceBy(40_000);
    bus.emit(FIRED, [1]);
    await settle();
    expect(p.idleSeconds()).toBe(30);
    expect(counts.AddUserActiveWatch).toBe(2);
  });

  it('idle crossing the watch between GetIdletime and AddIdleWatch, the signal read with the reply: idle from the watch', async () => {
    const clock = new VirtualClock('2026-11-23T09:00:00Z');
    const { bus, counts } = fakeMutter(29_000);
    // Mutter fires the new watch at once; both arrive in one read, so the signal is handled before the reply's code.
    bus.methods.set(`${MUTTER}.AddIdleWatch`, () => (bus.emit(FIRED, [1]), counts.AddIdleWatch++, [1]));
    const p = new DesktopPresence({ bus, clock, env: {}, fallback: new ScriptedActivity(() => clock.now()) });
    await p.start();
    await settle();
    expect(p.idleSeconds()).toBe(30);
    expect(counts.AddUserActiveWatch).toBe(1);
  });

  it('the user comes back in the same read as the user-active watch’s reply: active, not idle forever', async () => {
    const clock = new VirtualClock('2026-11-23T09:00:00Z');
    const { bus, counts } = fakeMutter(60_000);
    bus.methods.set(`${MUTTER}.AddUserActiveWatch`, () => (bus.emit(FIRED, [2]), [1 + ++counts.AddUserActiveWatch]));
    const p = new DesktopPresence({ bus, clock, env: {}, fallback: new ScriptedActivity(() => clock.now()) });
    await p.start();
    await settle();
    expect(p.idleSeconds()).toBe(0);
  });
});

describe('DesktopPresence', () => {
  it('KDE: idle time from GetSessionIdleTime, grown by the time since the last answer, refreshed on every read', async () => {
    const clock = new VirtualClock('2026-11-23T09:00:00Z');
    const bus = new FakeBus();
    let idleMs = 120_000;
    bus.methods.set(KDE, () => [idleMs]);
    const p = new DesktopPresence({ bus, clock, env: { XDG_SESSION_TYPE: 'wayland' }, fallback: new ScriptedActivity(() => clock.now()) });
    expect(await p.start()).toEqual({ idle: 'kde-screensaver', lock: [], problem: null });
    clock.advanceBy(30_000);
    expect(p.idleSeconds()).toBe(150);
    // The user came back: the read after the next answer shows it.
    idleMs = 0;
    await new Promise((r) => setTimeout(r, 0));
    p.idleSeconds();
    await new Promise((r) => setTimeout(r, 0));
    expect(p.idleSeconds()).toBe(0);
  });

  it('with no desktop service, the fallback answers; on Wayland that is said to be a problem', async () => {
    const clock = new VirtualClock('2026-11-23T09:00:00Z');
    const fallback = new ScriptedActivity(() => clock.now());
    fallback.goIdle(clock.now() - 90_000);
    const p = new DesktopPresence({ bus: new FakeBus(), clock, env: { WAYLAND_DISPLAY: 'wayland-0' }, fallback });
    expect(await p.start()).toEqual({ idle: 'fallback', lock: [], problem: NO_IDLE_SOURCE });
    expect(p.idleSeconds()).toBe(90);
    const x11 = new DesktopPresence({ bus: new FakeBus(), clock, env: { XDG_SESSION_TYPE: 'x11' }, fallback });
    expect((await x11.start()).problem).toBeNull();
  });

  it('a screensaver that becomes active locks, once, and passes the fallback’s sleep events on', async () => {
    const clock = new VirtualClock('2026-11-23T09:00:00Z');
    const bus = new FakeBus();
    bus.methods.set('org.gnome.ScreenSaver org.gnome.ScreenSaver.GetActive', () => [false]);
    const fallback = new ScriptedActivity(() => clock.now());
    const p = new DesktopPresence({ bus, clock, env: {}, fallback });
    const events: string[] = [];
    p.onPower((e) => events.push(e));
    expect((await p.start()).lock).toEqual(['gnome-screensaver']);
    bus.emit('org.gnome.ScreenSaver.ActiveChanged', [true]);
    bus.emit('org.gnome.ScreenSaver.ActiveChanged', [true]);
    expect(p.isLocked()).toBe(true);
    bus.emit('org.gnome.ScreenSaver.ActiveChanged', [false]);
    fallback.emit('suspend');
    expect(events).toEqual(['lock', 'unlock', 'suspend']);
    p.stop();
    bus.emit('org.gnome.ScreenSaver.ActiveChanged', [true]);
    expect(events).toHaveLength(3);
  });

  it('lock sources are reported in the same order whichever service answers first', async () => {
    const clock = new VirtualClock('2026-11-23T09:00:00Z');
    const bus = new FakeBus();
    let answerScreensaver = (): void => {};
    bus.methods.set('org.gnome.ScreenSaver org.gnome.ScreenSaver.GetActive', () => new Promise((r) => (answerScreensaver = () => r([false]))));
    bus.methods.set('org.freedesktop.login1 org.freedesktop.login1.Manager.GetSession', () => ['/org/freedesktop/login1/session/c1']);
    bus.props.set('org.freedesktop.login1 org.freedesktop.login1.Session.LockedHint', false);
    const p = new DesktopPresence({ bus, clock, env: { XDG_SESSION_ID: 'c1' }, fallback: new ScriptedActivity(() => clock.now()) });
    const started = p.start();
    // logind has answered and been recorded before the screensaver replies.
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
    answerScreensaver();
    expect((await started).lock).toEqual(['gnome-screensaver', 'logind']);
  });
});
