// The hold rules of docs/scheduling.md ("Holds") on the virtual clock.
import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock.ts';
import { CHECK_ANSWER_MS, HOLD_CHECK_LEAD_MS, HOLD_GRACE_MS } from './hold-state.ts';
import type { HoldReason } from './holds.ts';
import { Scheduler } from './scheduler.ts';
import type { SchedulerEvent } from './scheduler.ts';
import { FakeUser } from './fake-user.ts';
import { holdRig } from './scheduler-rig.ts';
import { defaultSettings } from './settings.ts';

const MIN = 60_000;


const setup = holdRig;

const kinds = (es: SchedulerEvent[]) => es.map((e) => ('kind' in e ? e.kind : null));

describe('holding a due break', () => {
  it('holds the heads-up and prompt during a call and brings the break 2 minutes after it ends, once', () => {
    const { busy, run, of, m, sched, t0 } = setup();
    run(20);
    busy('call');
    run(40); // the call lasts until minute 60
    expect(of('heads-up')).toEqual([]);
    expect(of('break-prompt')).toEqual([]);
    expect(of('break-held')).toMatchObject([{ reason: 'call', kind: 'micro' }]);
    expect(of('break-held').map(m)).toEqual([29]); // when the heads-up would have come
    expect(sched.status().held).toEqual({ reason: 'call', since: t0 + 29 * MIN });
    busy();
    run(4);
    expect(of('heads-up').map(m)).toEqual([61]);
    expect(of('break-prompt').map(m)).toEqual([62]);
    expect(of('break-held')).toHaveLength(1);
    expect(sched.status().held).toBeNull();
  });

  it('never brings the heads-up before the reason ended, even with a heads-up longer than the grace', () => {
    const { busy, run, of, m } = setup({ headsUpSeconds: 300 });
    run(20);
    busy('screen-sharing');
    run(30);
    busy();
    run(5);
    expect(of('heads-up').map(m)).toEqual([50]);
    expect(of('break-prompt').map(m)).toEqual([52]);
  });

  it('holds at the prompt when the reason began after the heads-up, and withdraws the heads-up', () => {
    const { busy, run, of, m, events } = setup();
    run(29.5);
    expect(of('heads-up').map(m)).toEqual([29]);
    busy('presentation');
    run(10);
    expect(of('break-prompt')).toEqual([]);
    expect(events.filter((e) => e.type === 'withdrawn' || e.type === 'break-held').map((e) => [e.type, m(e)])).toEqual([
      ['withdrawn', 30],
      ['break-held', 30],
    ]);
    expect(of('withdrawn')).toMatchObject([{ what: 'heads-up' }]);
  });

  it('holds a re-prompt, withdraws the prompt on screen, and after the hold prompts afresh (earlier prompts do not count)', () => {
    const { busy, run, of, m } = setup({ headsUpSeconds: 0 });
    run(31);
    busy('fullscreen');
    run(30);
    expect(of('withdrawn')).toMatchObject([{ what: 'prompt', at: expect.any(Number) }]);
    expect(of('break-held').map(m)).toEqual([35]);
    busy();
    run(20);
    // 3 prompts after the hold (63, 68, 73) before it is missed: the one before does not count.
    expect(of('break-prompt').map(m)).toEqual([30, 63, 68, 73]);
    expect(of('break-end')).toMatchObject([{ outcome: 'missed' }]);
  });

  it('treats two meetings less than 2 minutes apart as one hold', () => {
    const { busy, run, of, m } = setup();
    run(20);
    busy('call');
    run(20);
    busy();
    run(1.5);
    busy('call');
    run(20);
    busy();
    run(4);
    expect(of('break-held')).toHaveLength(1);
    // The heads-up of the first grace (at 41) was withdrawn when the second meeting began at 41.5.
    expect(of('heads-up').map(m)).toEqual([41, 62.5]);
    expect(of('withdrawn').map(m)).toEqual([41.5]);
    expect(of('break-prompt').map(m)).toEqual([63.5]);
  });

  it('a reason back after a heads-up in the grace withdraws that heads-up again', () => {
    const { busy, run, of, m } = setup({ headsUpSeconds: 120 });
    run(20);
    busy('call');
    run(20);
    busy();
    run(1);
    expect(of('heads-up').map(m)).toEqual([40]);
    busy('call');
    run(10);
    expect(of('break-prompt')).toEqual([]);
    expect(of('heads-up')).toHaveLength(1);
    expect(of('withdrawn')).toMatchObject([{ what: 'heads-up' }]);
    expect(of('break-held')).toHaveLength(1);
  });

  it('a hold longer than the stretch interval brings a stretch session', () => {
    const { busy, run, of, m } = setup();
    run(20);
    busy('call');
    run(128); // held at 29, comes at 150: 121 min is longer than 4 × 30 min
    busy();
    run(4);
    expect(kinds(of('break-held'))).toEqual(['micro']);
    expect(of('break-prompt').map((e) => [m(e), 'kind' in e && e.kind])).toEqual([[150, 'long']]);
    expect(of('heads-up')).toMatchObject([{ kind: 'long' }]);
  });

  it('a hold just within the stretch interval keeps the micro break', () => {
    const { busy, run, of, m } = setup();
    run(20);
    busy('call');
    run(127); // held at 29, reason ends at 147, break at 149: exactly 120 min held
    busy();
    run(4);
    expect(of('break-prompt').map((e) => [m(e), 'kind' in e && e.kind])).toEqual([[149, 'micro']]);
  });

  it('never resets worked time: worked time during the hold does not bring a second break', () => {
    const { busy, run, of } = setup({ headsUpSeconds: 0 });
    run(20);
    busy('do-not-disturb');
    run(200);
    expect(of('break-held')).toHaveLength(1);
    expect(of('break-prompt')).toEqual([]);
    busy();
    run(3);
    expect(of('break-prompt')).toHaveLength(1);
  });

  it('sends one quiet hold notice holdLimitMinutes after break-held', () => {
    const { busy, run, of, m } = setup({ holdLimitMinutes: 45 });
    run(20);
    busy('call');
    run(300);
    expect(of('hold-notice').map(m)).toEqual([29 + 45]);
  });

  it('holds only for the reasons in holdDuring', () => {
    const { busy, run, of, m } = setup({ holdDuring: ['call'] });
    run(20);
    busy('fullscreen', 'do-not-disturb');
    run(11);
    expect(of('break-held')).toEqual([]);
    expect(of('break-prompt').map(m)).toEqual([30]);
  });

  it('names the highest reason, and status names the highest one active now', () => {
    const { busy, run, of, sched } = setup();
    run(20);
    busy('do-not-disturb', 'screen-sharing');
    run(10);
    expect(of('break-held')).toMatchObject([{ reason: 'screen-sharing' }]);
    busy('do-not-disturb', 'call');
    expect(sched.status().held?.reason).toBe('call');
  });
});

describe('how long a break was held', () => {
  it('the break that came after a hold carries how long it was held, from break-held to when it came', () => {
    const { busy, run, of, sched } = setup();
    run(20);
    busy('call');
    run(40);
    busy();
    run(2);
    sched.dispatch({ do: 'start-break' });
    run(1);
    sched.dispatch({ do: 'finish' });
    expect(of('break-end')).toMatchObject([{ outcome: 'completed', heldSeconds: (62 - 29) * 60 }]);
  });

  it('a held break skipped carries its time held so far; a break never held carries none', () => {
    const { busy, run, of, sched } = setup();
    run(20);
    busy('call');
    run(20);
    sched.dispatch({ do: 'skip' });
    busy();
    run(31);
    sched.dispatch({ do: 'skip' });
    expect(of('break-end').map((e) => ('heldSeconds' in e ? e.heldSeconds : undefined))).toEqual([(40 - 29) * 60, undefined]);
  });
});

describe('what ends a hold, and actions while held', () => {
  it('a pause ends the hold; after it a fresh cycle', () => {
    const { busy, run, of, m, sched } = setup();
    run(20);
    busy('call');
    run(15);
    sched.dispatch({ do: 'pause', minutes: 30 });
    expect(sched.status().held).toBeNull();
    busy();
    run(40);
    expect(of('break-prompt')).toEqual([]);
    run(24);
    expect(of('break-prompt').map(m)).toEqual([95]); // resumed at 65, then a full interval
  });

  it('the end of work hours ends a hold', () => {
    const { busy, clock, sched, of } = setup({ workHours: { enabled: true, days: [1, 2, 3, 4, 5], start: '07:00', end: '09:10' } });
    clock.advanceBy(20 * MIN);
    busy('call');
    clock.advanceBy(25 * MIN);
    expect(sched.status().held).not.toBeNull();
    clock.advanceBy(30 * MIN);
    expect(sched.status().phase).toBe('off-hours');
    expect(sched.status().held).toBeNull();
    busy();
    clock.advanceBy(60 * MIN);
    expect(of('break-prompt')).toEqual([]);
  });

  it('never cuts a running break, and holds nothing while one runs', () => {
    const { busy, run, of, sched } = setup();
    sched.dispatch({ do: 'start-break' });
    busy('call');
    run(0.5);
    expect(sched.status().phase).toBe('on-break');
    expect(of('break-held')).toEqual([]);
    sched.dispatch({ do: 'finish' });
    expect(of('break-end')).toHaveLength(1);
  });

  it('a break started by hand while held is the held break, with its kind', () => {
    const { busy, run, of, sched } = setup();
    run(20);
    busy('call');
    run(125); // the held break became due as micro; time passes
    sched.dispatch({ do: 'start-break' });
    expect(of('break-start')).toMatchObject([{ kind: 'micro' }]);
    expect(sched.status().held).toBeNull();
    run(1);
    sched.dispatch({ do: 'finish' });
    busy();
    run(10);
    expect(of('break-prompt')).toEqual([]); // the cycle restarted with the break
  });

  it('snooze does nothing while held; skip records the held break as skipped', () => {
    const { busy, run, of, sched } = setup();
    run(20);
    busy('call');
    run(15);
    sched.dispatch({ do: 'snooze' });
    expect(of('snoozed')).toEqual([]);
    expect(sched.status().held).not.toBeNull();
    sched.dispatch({ do: 'skip' });
    expect(of('break-end')).toMatchObject([{ outcome: 'skipped', kind: 'micro', seconds: 0 }]);
    expect(sched.status().held).toBeNull();
  });

  it('a natural break replaces a held break', () => {
    const { busy, run, of, user, sched } = setup();
    run(20);
    busy('do-not-disturb');
    run(15);
    user.stop();
    run(20);
    user.type();
    run(1);
    expect(of('natural-break')).toHaveLength(1);
    expect(sched.status().held).toBeNull();
    busy();
    run(10);
    expect(of('break-prompt')).toEqual([]);
  });
});

describe('presence', () => {
  it('idle in a call is not away; idle that outlasts it counts from its end', () => {
    const { busy, run, of, user, sched, m } = setup({ holdDuring: [] });
    run(5);
    user.stop();
    busy('call');
    run(20);
    expect(sched.status().phase).not.toBe('away');
    busy(); // the call ends at 25; idle since 5
    run(4);
    expect(sched.status().phase).not.toBe('away');
    run(1.5); // 5 min after the call ended
    expect(sched.status().phase).toBe('away');
    user.type();
    run(1);
    expect(of('natural-break')).toHaveLength(1);
    expect(m({ at: (of('natural-break')[0] as { from: number }).from })).toBe(25);
  });

  it('in do-not-disturb or fullscreen the usual away rule holds', () => {
    const { busy, run, user, sched } = setup();
    run(5);
    busy('fullscreen', 'do-not-disturb');
    user.stop();
    run(6);
    expect(sched.status().phase).toBe('away');
  });

  it('a locked screen is away even in a call', () => {
    const { busy, run, user, sched } = setup();
    run(5);
    busy('call');
    user.locked = true;
    sched.power('lock');
    expect(sched.status().phase).toBe('away');
    run(1);
    expect(sched.status().phase).toBe('away');
  });

  it('asks the sources when idle reaches awayAfter; a call found then keeps the idle stretch as desk time', () => {
    const { run, user, sched, checks, of, m, busy } = setup({ holdDuring: [] });
    run(2);
    user.stop();
    busy(); // nothing yet
    // The call begins without an event reaching the scheduler (a source without events): found only by asking.
    const reasonsLater: HoldReason[] = ['call'];
    (sched as unknown as { requestHoldCheck: () => void }).requestHoldCheck = () => {
      checks.push(sched['clock'].now());
      sched.setHolds(reasonsLater);
    };
    run(10);
    expect(checks.length).toBeGreaterThan(0);
    expect(sched.status().phase).not.toBe('away');
    expect(of('natural-break')).toEqual([]);
    user.type();
    run(20);
    // Work was never interrupted: the prompt comes after 30 minutes of desk time.
    expect(of('break-prompt').map(m)).toEqual([30]);
  });

  it(`a call reported within ${CHECK_ANSWER_MS / 1000} s of going idle-away is the check's answer; a later one is a new call`, () => {
    const at = (answerMs: number) => {
      const { run, user, sched, clock, busy, of, t0 } = setup({ holdDuring: [] }, { answer: false });
      run(2);
      user.stop();
      run(5); // idle for awayAfterMinutes: away (from minute 2), and the sources are asked
      expect(sched.status().phase).toBe('away');
      clock.advanceBy(answerMs);
      busy('call');
      return { due: sched.status().nextBreak!.at - t0, natural: of('natural-break').length, answered: clock.now() - t0 };
    };
    // The answer: the idle minutes, and the seconds it took, were desk time, so the break stays due at minute 30.
    expect(at(CHECK_ANSWER_MS)).toMatchObject({ due: 30 * MIN, natural: 0 });
    // A call that begins later ends the absence like any return: it was a natural break, and a new cycle starts.
    const late = at(CHECK_ANSWER_MS + 1);
    expect(late).toMatchObject({ due: late.answered + 30 * MIN, natural: 1 });
  });

  it('a call that begins while the screen is locked, or while paused, gives back no idle time', () => {
    const locked = setup({ holdDuring: [] }, { answer: false });
    locked.run(2);
    locked.user.stop();
    locked.sched.power('lock');
    locked.busy('call');
    expect(locked.sched.status().phase).toBe('away');

    const paused = setup({ holdDuring: [] }, { answer: false });
    paused.run(2);
    paused.user.stop();
    paused.run(5);
    paused.sched.dispatch({ do: 'pause' });
    paused.busy('call');
    paused.sched.dispatch({ do: 'resume' });
    paused.user.type();
    paused.run(1);
    // The cycle starts afresh at the resume: nothing from before the pause comes back as work.
    expect(paused.sched.status().nextBreak?.at).toBe(paused.t0 + 37 * MIN);
  });
});

describe('asking the sources', () => {
  it('asks shortly before the heads-up and the prompt, never every second', () => {
    const { run, checks, t0 } = setup();
    run(31);
    const at = checks.map((t) => (t - t0) / 1000);
    expect(at).toEqual([29 * 60 - HOLD_CHECK_LEAD_MS / 1000, 30 * 60 - HOLD_CHECK_LEAD_MS / 1000]);
  });

  it('while held, asks again on a backoff of 60, 120, then every 300 seconds', () => {
    const { run, checks, busy, t0 } = setup({}, { answer: false });
    run(20);
    busy('call');
    run(29);
    const after = checks.filter((t) => t > t0 + 29 * MIN).map((t) => (t - (t0 + 29 * MIN)) / 1000);
    expect(after).toEqual([60, 180, 480, 780, 1080]);
  });

  it('without a source to ask, no extra wake-ups', () => {
    const a = new VirtualClock('2026-11-23T08:00:00+01:00');
    const s = new Scheduler({ clock: a, activity: new FakeUser(a), settings: defaultSettings(), timeZone: 'Europe/Berlin' });
    s.start();
    a.advanceBy(8 * 60 * MIN);
    const withCheck = setup();
    withCheck.clock.advanceBy(8 * 60 * MIN);
    expect(withCheck.clock.wakeups - a.wakeups).toBeLessThanOrEqual(8 * 2 * 3); // two checks per prompt, ≤ 3 prompts an hour
  });

  it('the grace is 2 minutes', () => {
    expect(HOLD_GRACE_MS).toBe(2 * MIN);
  });
});

describe('holds, the finer rules', () => {
  it('a break held past the stretch interval is shown and started as the long one', () => {
    const { busy, run, of, sched } = setup();
    run(20);
    busy('call');
    run(128);
    busy();
    run(4); // the held break came as a stretch session at minute 150
    expect(sched.status().nextBreak).toMatchObject({ kind: 'long' });
    sched.dispatch({ do: 'start-break' });
    expect(of('break-start')).toMatchObject([{ kind: 'long', manual: false }]);
  });

  it('a call that begins just after the screen locked does not make the locked time desk time', () => {
    const { run, user, sched, clock, busy, of, t0 } = setup({ holdDuring: [] }, { answer: false });
    run(10);
    user.stop();
    user.locked = true;
    sched.power('lock');
    clock.advanceBy(2000); // well within the time an answer to an idle check may take
    busy('call');
    run(10);
    busy();
    user.locked = false;
    user.type();
    sched.power('unlock');
    expect(of('natural-break')).toMatchObject([{ from: t0 + 10 * MIN, seconds: 602 }]);
  });

  it('the answer to the idle check does not count once the machine went to sleep, not even after a resume within its time', () => {
    const go = (resumeFirst: boolean) => {
      const { run, user, sched, clock, busy, of, t0 } = setup({ holdDuring: [] }, { answer: false });
      run(2);
      user.stop();
      run(5); // away since minute 2 (seen at 7), and the sources are asked
      clock.advanceBy(1000);
      sched.power('suspend');
      clock.advanceBy(1000);
      if (resumeFirst) sched.power('resume'); // awake again, nobody back at the desk
      clock.advanceBy(1000);
      busy('call'); // 3 s after the check: in time for an answer
      if (!resumeFirst) {
        clock.advanceBy(60 * MIN);
        sched.power('resume');
      }
      return { natural: of('natural-break'), due: sched.status().nextBreak!.at - t0 };
    };
    // Asleep: the call cannot have been going on at the desk; the absence since minute 2 ends as a natural break.
    expect(go(false).natural).toMatchObject([{ kind: 'long', seconds: 65 * 60 + 3 }]);
    // Awake again within the answer's time: a machine that slept was not in a call at the desk, so the idle minutes
    // stay away; the call ends the absence like any return, as a natural break.
    expect(go(true).natural).toMatchObject([{ seconds: 5 * 60 + 3 }]);
  });
});
