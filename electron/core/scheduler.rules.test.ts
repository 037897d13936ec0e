// Rules of the scheduler that the main suite does not pin down on its own: exact constants, listener and
// start/stop bookkeeping, settings changes mid-cycle, power events at the edges and the status the tray reads.
import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock.ts';
import { BREAK_GRACE_MS, Scheduler } from './scheduler.ts';
import type { SchedulerEvent } from './scheduler.ts';
import { FakeUser } from './fake-user.ts';
import { defaultSettings } from './settings.ts';
import type { Settings } from './settings.ts';

const MIN = 60_000;

function setup(opts: { patch?: (s: Settings) => void; timeZone?: string; start?: boolean } = {}) {
  const clock = new VirtualClock('2026-11-23T08:00:00+01:00');
  const user = new FakeUser(clock);
  const settings = defaultSettings();
  opts.patch?.(settings);
  const sched = new Scheduler({ clock, activity: user, settings, timeZone: opts.timeZone ?? 'Europe/Berlin' });
  const events: SchedulerEvent[] = [];
  sched.onEvent((e) => events.push(e));
  const t0 = clock.now();
  const m = (e: { at: number }) => (e.at - t0) / MIN;
  const of = (type: SchedulerEvent['type']) => events.filter((e) => e.type === type);
  const run = (minutes: number) => clock.advanceBy(minutes * MIN);
  if (opts.start !== false) sched.start();
  return { clock, user, sched, events, m, of, run, t0, settings };
}

describe('break window that never reports back', () => {
  it('stays open for ten minutes past the break’s length, then closes as completed', () => {
    const { sched, of, clock, t0 } = setup();
    sched.dispatch({ do: 'start-break' });
    expect(BREAK_GRACE_MS).toBe(10 * MIN);
    clock.advanceBy(60_000 + 10 * MIN - 1000);
    expect(sched.status().phase).toBe('on-break');
    expect(of('break-end')).toEqual([]);
    clock.advanceBy(1000);
    expect(of('break-end')).toMatchObject([{ outcome: 'completed', seconds: 60, at: t0 + 11 * MIN }]);
  });
});

describe('listeners, start and stop', () => {
  it('a listener that unsubscribes hears nothing more', () => {
    const { sched, run } = setup();
    const heard: string[] = [];
    const cancel = sched.onEvent((e) => heard.push(e.type));
    run(29);
    cancel();
    run(5);
    expect(heard).toEqual(['heads-up']);
  });

  it('a second start() does not restart the cycle', () => {
    const { sched, of, m, run } = setup();
    run(20);
    sched.start();
    run(11);
    expect(of('break-prompt').map(m)).toEqual([30]);
  });

  it('start() after stop() runs again with a fresh cycle', () => {
    const { sched, of, m, run } = setup();
    run(10);
    sched.stop();
    run(40);
    expect(of('break-prompt')).toEqual([]);
    sched.start();
    run(31);
    expect(of('break-prompt').map(m)).toEqual([80]);
  });
});

describe('time zone override', () => {
  it('an invalid zone given at construction is ignored: the scheduler follows the process zone', () => {
    const bad = setup({ timeZone: 'Not/AZone', patch: (s) => (s.workHours = { ...s.workHours, enabled: true }) });
    const none = setup({ timeZone: '', patch: (s) => (s.workHours = { ...s.workHours, enabled: true }) });
    expect(bad.sched.status()).toEqual(none.sched.status());
    bad.run(60);
    none.run(60);
    expect(bad.events.map((e) => e.type)).toEqual(none.events.map((e) => e.type));
  });

  it('an invalid zone set later is ignored the same way', () => {
    const a = setup({ patch: (s) => (s.workHours = { ...s.workHours, enabled: true }) });
    const b = setup({ timeZone: '', patch: (s) => (s.workHours = { ...s.workHours, enabled: true }) });
    a.sched.setTimeZone('Not/AZone');
    b.sched.setTimeZone(undefined);
    expect(a.sched.status()).toEqual(b.sched.status());
    a.run(60);
    b.run(60);
    expect(a.events.map((e) => e.type)).toEqual(b.events.map((e) => e.type));
  });
});
