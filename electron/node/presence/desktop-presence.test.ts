// Presence sources on fakes (the real services are in e2e/holds.spec.ts): KDE idle time, the fallback, lock events.
import { describe, expect, it } from 'vitest';
import { ScriptedActivity } from '../../../e2e/harness/test-ports.ts';
import { VirtualClock } from '../../core/clock.ts';
import { DesktopPresence, NO_IDLE_SOURCE } from './desktop-presence.ts';
import { FakeBus } from './test-helpers.ts';

const KDE = 'org.freedesktop.ScreenSaver org.freedesktop.ScreenSaver.GetSessionIdleTime';

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
