import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock.ts';
import { Scheduler } from './scheduler.ts';
import type { SchedulerEvent } from './scheduler.ts';
import { FakeUser } from './fake-user.ts';
import { defaultSettings } from './settings.ts';
import type { Settings } from './settings.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

function setup(patch: Partial<Settings> = {}) {
  const clock = new VirtualClock('2026-11-23T08:00:00+01:00');
  const user = new FakeUser(clock);
  const sched = new Scheduler({ clock, activity: user, settings: { ...defaultSettings(), headsUpSeconds: 0, ...patch }, timeZone: 'Europe/Berlin' });
  const events: SchedulerEvent[] = [];
  sched.onEvent((e) => events.push(e));
  const of = (type: SchedulerEvent['type']) => events.filter((e) => e.type === type);
  /** Any call lets the scheduler look at the clock; setting the same zone changes nothing else. */
  const look = () => sched.setTimeZone('Europe/Berlin');
  /** Set the wall clock back an hour right after a look, and let the scheduler notice it. */
  const setBack = () => {
    look();
    clock.jumpTo(clock.now() - HOUR);
    look();
  };
  sched.start();
  return { clock, user, sched, events, of, setBack };
}

describe('a wall clock set back keeps every running span', () => {
  it('a pause for some minutes still lasts its minutes', () => {
    const { clock, sched, of, setBack } = setup();
    clock.advanceBy(5 * MIN);
    sched.dispatch({ do: 'pause', minutes: 30 });
    clock.advanceBy(10 * MIN);
    setBack();
    expect(sched.status().pausedUntil).toBe(clock.now() + 20 * MIN);
    clock.advanceBy(19 * MIN);
    expect(sched.status().phase).toBe('paused');
    clock.advanceBy(2 * MIN);
    expect(sched.status().phase).not.toBe('paused');
    expect(of('break-prompt')).toEqual([]);
  });

  it('a running break keeps its start, so it ends at its length', () => {
    const { clock, sched, of, setBack } = setup({ microBreak: { ...defaultSettings().microBreak, durationSeconds: 60 } });
    clock.advanceBy(10 * MIN);
    sched.dispatch({ do: 'start-break' });
    const started = sched.status().currentBreak!.startedAt;
    clock.advanceBy(30_000);
    setBack();
    expect(sched.status().currentBreak!.startedAt).toBe(started - HOUR);
    clock.advanceBy(20_000);
    sched.dispatch({ do: 'finish' });
    expect(of('break-end')[0]).toMatchObject({ outcome: 'partial', seconds: 50 });
  });

  it('a snoozed break comes snoozeMinutes after the snooze, not an hour later', () => {
    const { clock, sched, of, setBack } = setup();
    clock.advanceBy(30 * MIN);
    expect(of('break-prompt')).toHaveLength(1);
    sched.dispatch({ do: 'snooze' });
    clock.advanceBy(2 * MIN);
    setBack();
    const back = clock.now();
    clock.advanceBy(4 * MIN);
    expect(of('break-prompt')).toHaveLength(2);
    expect(of('break-prompt')[1]!.at).toBe(back + 3 * MIN);
  });

  it('an ignored prompt is shown again snoozeMinutes after it, in the new time', () => {
    const { clock, of, setBack } = setup();
    clock.advanceBy(31 * MIN);
    setBack();
    const back = clock.now();
    clock.advanceBy(5 * MIN);
    expect(of('break-prompt').map((e) => e.at)).toEqual([expect.any(Number), back + 4 * MIN]);
  });

  it('an absence running when the clock is set back is dated in the new time, and is still a natural break', () => {
    const { clock, user, sched, of, setBack } = setup();
    clock.advanceBy(10 * MIN);
    user.stop();
    const left = clock.now();
    clock.advanceBy(8 * MIN);
    expect(sched.status().phase).toBe('away');
    setBack();
    user.type();
    clock.advanceBy(MIN);
    const nb = of('natural-break');
    expect(nb).toHaveLength(1);
    // Away 8 minutes before the jump and about one after: not an hour less (no break) nor an hour more.
    expect(nb[0]).toMatchObject({ from: left - HOUR });
    const seconds = nb[0]!.type === 'natural-break' ? nb[0]!.seconds : 0;
    expect(seconds).toBeGreaterThanOrEqual(8 * 60);
    expect(seconds).toBeLessThanOrEqual(9 * 60);
  });
});
