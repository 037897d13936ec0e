// A scheduler on a virtual clock with a FakeUser and hold sources the test controls, as the scheduler's tests use it.
import { VirtualClock } from './clock.ts';
import { FakeUser } from './fake-user.ts';
import type { HoldReason } from './holds.ts';
import { Scheduler } from './scheduler.ts';
import type { SchedulerEvent } from './scheduler.ts';
import { defaultSettings } from './settings.ts';
import type { Settings } from './settings.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

/**
 * Started at Monday 08:00 in Berlin. Each hold check is recorded and, unless `answer` is false, answered at once
 * with the reasons last reported through `busy`; with `sources: false` there is no hold source to ask at all.
 */
export function holdRig(patch: Partial<Settings> = {}, opts: { answer?: boolean; sources?: boolean } = {}) {
  const clock = new VirtualClock('2026-11-23T08:00:00+01:00');
  const user = new FakeUser(clock);
  // The tests' times are worked out for a 5-minute snooze, whatever the default is.
  const settings = { ...defaultSettings(), snoozeMinutes: 5, ...patch };
  let reasons: HoldReason[] = [];
  const checks: number[] = [];
  const sched = new Scheduler({
    clock,
    activity: user,
    settings,
    timeZone: 'Europe/Berlin',
    requestHoldCheck:
      opts.sources === false
        ? undefined
        : () => {
            checks.push(clock.now());
            if (opts.answer !== false) sched.setHolds(reasons);
          },
  });
  const events: SchedulerEvent[] = [];
  sched.onEvent((e) => events.push(e));
  const t0 = clock.now();
  /** Minutes since the start, of an instant or of an event. */
  const m = (x: number | { at: number }) => ((typeof x === 'number' ? x : x.at) - t0) / MIN;
  const of = (type: SchedulerEvent['type']) => events.filter((e) => e.type === type);
  const run = (minutes: number) => clock.advanceBy(minutes * MIN);
  /** The sources report a change (as their events would). */
  const busy = (...r: HoldReason[]) => {
    reasons = r;
    sched.setHolds(r);
  };
  /** Any call lets the scheduler look at the clock; setting the same zone changes nothing else. */
  const look = () => sched.setTimeZone('Europe/Berlin');
  /** Set the wall clock back an hour right after a look, and let the scheduler notice it. */
  const setBack = () => {
    look();
    clock.jumpTo(clock.now() - HOUR);
    look();
  };
  sched.start();
  return { clock, user, sched, events, m, of, run, busy, checks, t0, look, setBack };
}
