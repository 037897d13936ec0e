import { describe, expect, it } from 'vitest';
import type { HoldReason, HoldSource, HoldVerdict } from '../../core/holds.ts';
import { askWithin } from './guard.ts';
import { HoldMonitor } from './hold-monitor.ts';
import { desktops, holdSourcesFor } from './hold-sources.ts';
import { FakeBus, manualTimers } from './test-helpers.ts';

/** A source whose answer and event stream the test controls. */
function fakeSource(id: string, reasons: HoldReason[], answer: () => Promise<HoldVerdict>) {
  const state = { watching: 0, fire: () => {} };
  const src: HoldSource = {
    id,
    reasons,
    check: answer,
    watch(onChange) {
      state.watching++;
      state.fire = onChange;
      return () => {
        state.watching--;
        state.fire = () => {};
      };
    },
  };
  return { src, state };
}

const held = (reason: HoldReason): HoldVerdict => ({ state: 'held', reason, detail: reason });

describe('askWithin', () => {
  it('a source that hangs is unknown once the limit passes, and never holds', async () => {
    const timers = manualTimers();
    const hang: HoldSource = { id: 'hang', reasons: ['call'], check: () => new Promise(() => {}) };
    const p = askWithin(hang, { after: timers.after });
    expect([...timers.pending].map((t) => t.ms)).toEqual([500]);
    timers.fireAll();
    expect(await p).toEqual({ state: 'unknown', why: 'hang did not answer within 500 ms' });
  });
  it('throwing, rejecting or naming a reason it does not report are unknown too', async () => {
    const t = manualTimers();
    const throws: HoldSource = { id: 'throws', reasons: ['call'], check: () => { throw new Error('boom'); } };
    const rejects: HoldSource = { id: 'rejects', reasons: ['call'], check: () => Promise.reject(new Error('no bus')) };
    const liar: HoldSource = { id: 'liar', reasons: ['call'], check: () => Promise.resolve(held('fullscreen')) };
    expect((await askWithin(throws, t)).state).toBe('unknown');
    expect(await askWithin(rejects, t)).toEqual({ state: 'unknown', why: 'rejects failed: no bus' });
    expect((await askWithin(liar, t)).state).toBe('unknown');
    expect(t.pending.size).toBe(0);
  });
  it('a real hanging source answers unknown after the real 500 ms limit', async () => {
    const hang: HoldSource = { id: 'hang', reasons: ['call'], check: () => new Promise(() => {}) };
    expect((await askWithin(hang)).state).toBe('unknown');
  });
});

describe('HoldMonitor', () => {
  it('reports every active reason, highest first, and follows events only while something holds', async () => {
    let dnd: HoldVerdict = held('do-not-disturb');
    let call: HoldVerdict = { state: 'free' };
    const a = fakeSource('dnd', ['do-not-disturb'], () => Promise.resolve(dnd));
    const b = fakeSource('mic', ['call'], () => Promise.resolve(call));
    const timers = manualTimers();
    const reported: (readonly HoldReason[])[] = [];
    const m = new HoldMonitor({ sources: [a.src, b.src], setHolds: (r) => reported.push(r), after: timers.after });
    call = held('call');
    expect(await m.check()).toEqual(['call', 'do-not-disturb']);
    expect(m.following).toBe(true);
    expect([a.state.watching, b.state.watching]).toEqual([1, 1]);
    // An event: after a quiet moment the sources are asked again, once for a burst.
    dnd = { state: 'free' };
    call = { state: 'free' };
    b.state.fire();
    b.state.fire();
    expect(timers.pending.size).toBe(1);
    timers.fireAll();
    await new Promise((r) => setTimeout(r, 0));
    await m.check();
    expect(reported.at(-1)).toEqual([]);
    expect(m.following).toBe(false);
    expect([a.state.watching, b.state.watching]).toEqual([0, 0]);
    expect(m.answers().get('mic')).toEqual({ state: 'free' });
  });

  it('a hanging source delays nothing beyond the limit and holds nothing', async () => {
    const timers = manualTimers();
    const hang: HoldSource = { id: 'hang', reasons: ['call'], check: () => new Promise(() => {}) };
    const dnd = fakeSource('dnd', ['do-not-disturb'], () => Promise.resolve(held('do-not-disturb')));
    const m = new HoldMonitor({ sources: [hang, dnd.src], setHolds: () => {}, after: timers.after });
    const p = m.check();
    await new Promise((r) => setTimeout(r, 0));
    expect(timers.pending.size).toBe(1);
    timers.fireAll();
    expect(await p).toEqual(['do-not-disturb']);
    expect(m.answers().get('hang')?.state).toBe('unknown');
  });

  it('overlapping requests share a round, and one more round follows', async () => {
    let calls = 0;
    const s: HoldSource = { id: 's', reasons: ['call'], check: () => (calls++, Promise.resolve({ state: 'free' })) };
    const m = new HoldMonitor({ sources: [s], setHolds: () => {} });
    const p1 = m.check();
    const p2 = m.check();
    expect(p1).toBe(p2);
    await p1;
    await new Promise((r) => setTimeout(r, 0));
    await m.check();
    expect(calls).toBe(3);
    expect(m.checks).toBe(3);
  });

  it('stop ends every watch', async () => {
    const a = fakeSource('dnd', ['do-not-disturb'], () => Promise.resolve(held('do-not-disturb')));
    const m = new HoldMonitor({ sources: [a.src], setHolds: () => {} });
    await m.check();
    m.stop();
    expect(a.state.watching).toBe(0);
  });
});

describe('holdSourcesFor', () => {
  const ids = (env: Record<string, string>, platform: NodeJS.Platform = 'linux') => holdSourcesFor({ platform, env, bus: new FakeBus(), ownPids: [1] }).map((s) => s.id);
  it('picks each desktop’s sources', () => {
    expect(desktops({ XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' })).toEqual(['ubuntu', 'gnome']);
    expect(ids({ XDG_CURRENT_DESKTOP: 'ubuntu:GNOME', DISPLAY: ':0' })).toEqual(['gnome-dnd', 'gnome-idle-inhibit', 'x11-fullscreen', 'pulse-mic', 'camera', 'pipewire-screen-share']);
    expect(ids({ XDG_CURRENT_DESKTOP: 'GNOME', DISPLAY: ':0', WAYLAND_DISPLAY: 'wayland-0' })).not.toContain('x11-fullscreen');
    expect(ids({ XDG_CURRENT_DESKTOP: 'KDE' })[0]).toBe('kde-notifications-inhibited');
    expect(ids({ XDG_CURRENT_DESKTOP: 'XFCE' })[0]).toBe('xfce-dnd');
    expect(ids({ XDG_CURRENT_DESKTOP: 'X-Cinnamon' })[0]).toBe('cinnamon-dnd');
    expect(ids({ XDG_CURRENT_DESKTOP: 'MATE' })[0]).toBe('mate-dnd');
    expect(ids({}, 'darwin')).toEqual(['macos-focus', 'macos-display-sleep', 'macos-mic']);
    expect(ids({}, 'win32')).toEqual(['windows-notification-state', 'windows-focus-assist', 'windows-microphone', 'windows-camera']);
  });
});
