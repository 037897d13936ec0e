import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock.ts';
import { BREAK_GRACE_MS, LATE_MS, MAX_PROMPTS, SAMPLE_MIN_MS, Scheduler } from './scheduler.ts';
import { CHECK_ANSWER_MS, HOLD_CHECK_LEAD_MS } from './hold-state.ts';
import type { SchedulerEvent } from './scheduler.ts';
import { FakeUser } from './fake-user.ts';
import { holdRig } from './scheduler-rig.ts';
import { defaultSettings } from './settings.ts';
import type { Settings } from './settings.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** No hold sources, and no heads-up unless a test asks for one. */
const setup = (patch: Partial<Settings> = {}) => holdRig({ headsUpSeconds: 0, ...patch }, { sources: false });

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

  it('a pause until tomorrow keeps its wall-clock end: tomorrow morning is still tomorrow morning', () => {
    const { clock, sched, setBack } = setup();
    clock.advanceBy(5 * MIN);
    sched.dispatch({ do: 'pause', until: 'tomorrow' });
    const until = sched.status().pausedUntil;
    expect(until).toBe(Date.parse('2026-11-24T08:00:00+01:00'));
    setBack();
    expect(sched.status().pausedUntil).toBe(until);
  });

  it('a pause until resumed has no end to move, and resumes only when asked', () => {
    const { clock, sched, setBack } = setup();
    sched.dispatch({ do: 'pause' });
    setBack();
    clock.advanceBy(24 * HOUR);
    expect(sched.status()).toMatchObject({ phase: 'paused', pausedUntil: null });
    sched.dispatch({ do: 'resume' });
    expect(sched.status().phase).toBe('working');
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

  it('the work counted and the heads-up survive the clock set back', () => {
    const { clock, events, setBack } = setup({ headsUpSeconds: 60 });
    clock.advanceBy(10 * MIN);
    setBack();
    const back = clock.now();
    clock.advanceBy(20 * MIN);
    expect(events.map((e) => [e.type, e.at])).toEqual([
      ['heads-up', back + 19 * MIN],
      ['break-prompt', back + 20 * MIN],
    ]);
  });

  it('an absence that begins after the clock was set back is dated from the last input', () => {
    const { clock, user, of, setBack } = setup();
    clock.advanceBy(10 * MIN);
    setBack();
    user.stop();
    const left = clock.now();
    clock.advanceBy(8 * MIN);
    user.type();
    clock.advanceBy(MIN);
    expect(of('natural-break')).toMatchObject([{ from: left }]);
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

describe('heads-up and the look before it', () => {
  it('gives no heads-up when the interval is no longer than the heads-up: the prompt alone', () => {
    const { clock, events } = setup({ headsUpSeconds: 60, microBreak: { ...defaultSettings().microBreak, everyMinutes: 1 } });
    clock.advanceBy(MIN);
    expect(events.map((e) => e.type)).toEqual(['break-prompt']);
  });

  it('looks at the user just before the heads-up: a screen locked without an event gets none', () => {
    const { clock, user, events, sched } = setup({ headsUpSeconds: 60 });
    clock.advanceBy(28 * MIN + 45_000);
    user.locked = true;
    clock.advanceBy(15_000);
    expect(events).toEqual([]);
    expect(sched.status().phase).toBe('away');
  });

  it('looks at the user just before the prompt when there is no heads-up: no prompt to an empty chair', () => {
    const { clock, user, events, sched } = setup();
    clock.advanceBy(29 * MIN + 45_000);
    user.locked = true;
    clock.advanceBy(15_000);
    expect(events).toEqual([]);
    expect(sched.status().phase).toBe('away');
  });
});

describe('sleeping across the ends of work hours', () => {
  const workHours = { enabled: true, days: [0, 1, 2, 3, 4, 5, 6], start: '09:00', end: '17:00' };

  it('asleep from before the end of work hours to after the next start is a new work period, not a natural break', () => {
    const clock = new VirtualClock('2026-11-23T16:00:00+01:00');
    const user = new FakeUser(clock);
    const sched = new Scheduler({ clock, activity: user, settings: { ...defaultSettings(), headsUpSeconds: 0, snoozeMinutes: 5, workHours }, timeZone: 'Europe/Berlin' });
    const events: SchedulerEvent[] = [];
    sched.onEvent((e) => events.push(e));
    sched.start();
    clock.advanceBy(20 * MIN);
    clock.jumpTo(Date.parse('2026-11-24T09:30:00+01:00')); // slept without any event
    clock.advanceBy(MIN);
    expect(events).toEqual([]);
    clock.advanceTo(Date.parse('2026-11-24T10:01:00+01:00'));
    expect(events.map((e) => e.type)).toEqual(['break-prompt']);
    expect(events[0]).toMatchObject({ kind: 'micro' });
    expect(events[0]!.at).toBeGreaterThanOrEqual(Date.parse('2026-11-24T10:00:00+01:00'));
  });
});

describe('sleep without an event', () => {
  it('during a break: the break is completed and the sleep is not another break', () => {
    const { clock, sched, of } = setup();
    clock.advanceBy(10 * MIN);
    sched.dispatch({ do: 'start-break' });
    clock.advanceBy(10_000);
    clock.jumpTo(clock.now() + 3 * HOUR);
    clock.advanceBy(MIN);
    expect(of('break-end')).toHaveLength(1);
    expect(of('natural-break')).toEqual([]);
    expect(sched.status().phase).toBe('working');
  });

  it('during a pause: the pause ends and the sleep is not a break', () => {
    const { clock, sched, of } = setup();
    clock.advanceBy(10 * MIN);
    sched.dispatch({ do: 'pause', minutes: 30 });
    clock.advanceBy(10 * MIN);
    clock.jumpTo(clock.now() + 3 * HOUR);
    clock.advanceBy(MIN);
    expect(of('natural-break')).toEqual([]);
    expect(sched.status().phase).toBe('working');
  });
});

describe('timers and the order of events', () => {
  it('a timer up to LATE_MS late is only late; later than that, the gap was sleep', () => {
    const a = setup();
    a.clock.jumpTo(a.clock.now() + 5 * MIN + LATE_MS); // the first look is due 5 minutes in
    a.clock.advanceBy(0);
    expect(a.events).toEqual([]);
    expect(a.sched.status().phase).toBe('working');
    const b = setup();
    b.clock.jumpTo(b.clock.now() + 5 * MIN + LATE_MS + 1000);
    b.clock.advanceBy(0);
    expect(b.of('natural-break')).toHaveLength(1);
  });

  it('closes a break the window never reported back on exactly at its length plus the grace', () => {
    const { clock, sched, of } = setup();
    clock.advanceBy(10 * MIN);
    sched.dispatch({ do: 'start-break' });
    const started = clock.now();
    clock.advanceBy(15 * MIN);
    expect(of('break-end').map((e) => e.at)).toEqual([started + 60_000 + BREAK_GRACE_MS]);
  });

  it(`records an ignored break as missed exactly one snooze after the last of ${MAX_PROMPTS} prompts`, () => {
    const { clock, of } = setup({ snoozeMinutes: 3 });
    clock.advanceBy(30 * MIN + MAX_PROMPTS * 3 * MIN + MIN);
    const prompts = of('break-prompt');
    expect(prompts).toHaveLength(MAX_PROMPTS);
    expect(of('break-end')).toMatchObject([{ outcome: 'missed', at: prompts.at(-1)!.at + 3 * MIN }]);
  });

  it('an action taken by one listener reaches every listener after the event that caused it', () => {
    const { clock, sched } = setup();
    sched.onEvent((e) => e.type === 'break-prompt' && sched.dispatch({ do: 'start-break' }));
    const seen: string[] = [];
    sched.onEvent((e) => seen.push(e.type));
    clock.advanceBy(30 * MIN);
    expect(seen).toEqual(['break-prompt', 'break-start']);
  });

  it('after stop(), a running break is not closed, even when the scheduler is called', () => {
    const { clock, sched, events } = setup();
    clock.advanceBy(10 * MIN);
    sched.dispatch({ do: 'start-break' });
    const before = events.length;
    sched.stop();
    clock.advanceBy(20 * MIN);
    sched.setTimeZone('Europe/Berlin');
    expect(events.slice(before)).toEqual([]);
  });
});

describe('work hours, the finer rules', () => {
  const workHours = { enabled: true, days: [0, 1, 2, 3, 4, 5, 6], start: '09:00', end: '17:00' };
  function at(start: string, patch: Partial<Settings> = {}) {
    const clock = new VirtualClock(start);
    const sched = new Scheduler({ clock, activity: new FakeUser(clock), settings: { ...defaultSettings(), headsUpSeconds: 0, snoozeMinutes: 5, workHours, ...patch }, timeZone: 'Europe/Berlin' });
    const events: SchedulerEvent[] = [];
    sched.onEvent((e) => events.push(e));
    sched.start();
    return { clock, sched, events };
  }

  it('the work day starts with a micro break, whatever the count was the day before', () => {
    const { clock, sched, events } = at('2026-11-23T16:00:00+01:00', { longBreak: { ...defaultSettings().longBreak, everyNth: 2 } });
    clock.advanceBy(30 * MIN);
    sched.dispatch({ do: 'start-break' });
    clock.advanceBy(MIN);
    sched.dispatch({ do: 'finish' });
    clock.advanceTo(Date.parse('2026-11-24T09:31:00+01:00'));
    const prompts = events.filter((e) => e.type === 'break-prompt');
    expect(prompts.map((e) => ('kind' in e ? e.kind : ''))).toEqual(['micro', 'micro']);
    expect(prompts[1]!.at).toBe(Date.parse('2026-11-24T09:30:00+01:00'));
  });

  it('new settings within work hours keep the work already counted', () => {
    const { clock, sched, events } = at('2026-11-23T10:00:00+01:00');
    clock.advanceBy(10 * MIN);
    sched.setSettings({ ...defaultSettings(), headsUpSeconds: 0, workHours, snoozeMinutes: 7 });
    clock.advanceBy(21 * MIN);
    expect(events.filter((e) => e.type === 'break-prompt').map((e) => e.at)).toEqual([Date.parse('2026-11-23T10:30:00+01:00')]);
  });
});

describe('sleep and locks are away, whatever the hold sources say', () => {
  it('a call that begins just after waking from a sleep noticed only by the late timer does not make the sleep desk time', () => {
    const { clock, user, busy, of, t0 } = holdRig({ headsUpSeconds: 0 });
    clock.advanceBy(10 * MIN);
    user.stop();
    clock.jumpTo(clock.now() + 3 * HOUR); // the lid closed without a suspend event
    clock.advanceBy(0);
    clock.advanceBy(2000);
    busy('call');
    expect(of('break-prompt')).toEqual([]);
    expect(of('natural-break')).toMatchObject([{ from: t0 + 10 * MIN, kind: 'long' }]);
  });

  it('locking the screen does not ask the hold sources (a call does not make a lock desk time)', () => {
    const { clock, sched, checks } = holdRig({ headsUpSeconds: 0 });
    clock.advanceBy(10 * MIN);
    sched.power('lock');
    expect(sched.status().phase).toBe('away');
    expect(checks).toEqual([]);
  });
});

describe('the first look of a new period', () => {
  it('a pause that ends while the screen is locked (seen only by sampling) resumes as away at once', () => {
    const { clock, user, sched } = setup();
    clock.advanceBy(10 * MIN); // sampled now; the next sample would be 5 minutes on
    sched.dispatch({ do: 'pause', minutes: 1 });
    clock.advanceBy(30_000);
    user.locked = true;
    clock.advanceBy(30_000);
    expect(sched.status().phase).toBe('away');
  });

  it('an idle reading below zero counts as input just now, so the next look is awayAfter later', () => {
    const clock = new VirtualClock('2026-11-23T08:00:00+01:00');
    let locked = false;
    const sched = new Scheduler({
      clock,
      activity: { idleSeconds: () => -600, isLocked: () => locked },
      settings: { ...defaultSettings(), headsUpSeconds: 0 },
      timeZone: 'Europe/Berlin',
    });
    sched.start();
    clock.advanceBy(MIN);
    locked = true;
    clock.advanceBy(4 * MIN + 1000);
    expect(sched.status().phase).toBe('away');
  });

  it(`reads the idle time no more often than every ${SAMPLE_MIN_MS / 1000} s, however often the scheduler is called`, () => {
    const clock = new VirtualClock('2026-11-23T08:00:00+01:00');
    const user = new FakeUser(clock);
    let reads = 0;
    const sched = new Scheduler({
      clock,
      activity: { idleSeconds: () => (reads++, user.idleSeconds()), isLocked: () => user.isLocked() },
      settings: { ...defaultSettings(), headsUpSeconds: 60 },
      timeZone: 'Europe/Berlin',
    });
    sched.start();
    clock.advanceBy(MIN);
    reads = 0;
    for (let i = 0; i < 12; i++) {
      clock.advanceBy(10_000);
      sched.setTimeZone('Europe/Berlin');
    }
    expect(reads).toBeLessThanOrEqual(120_000 / SAMPLE_MIN_MS + 1);
  });
});

describe('a break taken after an absence the scheduler had seen', () => {
  it('snoozed from its window, it comes snoozeMinutes after it was due, and the absence before it is no natural break', () => {
    const { clock, user, sched, of, events } = setup();
    const t0 = clock.now();
    clock.advanceBy(10 * MIN);
    user.stop();
    clock.advanceBy(6 * MIN);
    expect(sched.status().phase).toBe('away');
    user.type();
    sched.dispatch({ do: 'start-break' }); // from the tray, before the next look saw the input
    sched.dispatch({ do: 'snooze' });
    clock.advanceBy(26 * MIN);
    expect(of('natural-break')).toEqual([]);
    expect(events.filter((e) => e.type === 'break-prompt').map((e) => (e.at - t0) / MIN)).toEqual([41]);
  });
});

describe('while away, the return is looked for every 30 s', () => {
  it('after a lock seen only by sampling that came right after input, the return is seen within 30 s', () => {
    const { clock, user, sched, of } = setup();
    clock.advanceBy(15 * MIN - 10_000);
    user.locked = true; // still typing a moment ago
    clock.advanceBy(10_000);
    expect(sched.status().phase).toBe('away');
    const left = clock.now();
    clock.advanceBy(MIN - 15_000);
    user.locked = false;
    clock.advanceBy(30_000);
    expect(of('natural-break')).toMatchObject([{ from: left, kind: 'micro' }]);
  });
});

describe('holds across a wall clock set back', () => {
  it('an answer that comes more than 5 s after the look is late even when the clock was set back in between', () => {
    const { clock, user, busy, of, checks, setBack } = holdRig({ headsUpSeconds: 0 }, { answer: false });
    clock.advanceBy(10 * MIN);
    user.stop();
    clock.advanceBy(5 * MIN); // idle reaches awayAfter: the sources are asked
    expect(checks).toEqual([clock.now()]);
    setBack();
    clock.advanceBy(CHECK_ANSWER_MS + 1000);
    busy('call');
    expect(of('natural-break')).toHaveLength(1);
  });

  it('a held break that came and is held again keeps its first hold time after the clock was set back', () => {
    const { busy, run, of, sched, t0, setBack } = holdRig();
    run(20);
    busy('call');
    run(40);
    busy();
    run(4); // the break came at 62
    expect(of('break-prompt')).toHaveLength(1);
    setBack();
    busy('call');
    run(5); // the re-prompt slot meets the call again
    expect(of('break-held')).toHaveLength(1);
    expect(sched.status().held).toEqual({ reason: 'call', since: t0 + 29 * MIN - HOUR });
  });

  it('the look before a heads-up is not asked again for the same heads-up after the clock was set back', () => {
    const { clock, run, of, checks, m, setBack } = holdRig();
    run(28 + 55 / 60); // the look is due 10 s before the heads-up at 29
    expect(checks.map(m)).toEqual([28 + 50 / 60]);
    setBack();
    const back = clock.now();
    run(1);
    expect(of('heads-up')).toHaveLength(1);
    // Only the look before the prompt, 65 s on in the new time (10 s before it).
    expect(checks.slice(1)).toEqual([back + 55_000]);
  });
});

describe('the hold sources are asked only at decisions', () => {
  it('with no hold sources there is nothing to ask, and the prompt comes at its time', () => {
    const { run, of, checks, m } = setup({ microBreak: { ...defaultSettings().microBreak, everyMinutes: 5 } });
    run(5);
    expect(of('break-prompt').map((e) => m(e.at))).toEqual([5]);
    expect(checks).toEqual([]);
  });

  it('with no room for a heads-up, the one look is 10 s before the prompt', () => {
    const { run, of, checks, m } = holdRig({ headsUpSeconds: 300, microBreak: { ...defaultSettings().microBreak, everyMinutes: 5 } });
    run(5);
    expect(of('break-prompt').map((e) => m(e.at))).toEqual([5]);
    expect(checks.map(m)).toEqual([5 - HOLD_CHECK_LEAD_MS / MIN]);
  });

  it('while a break is held, the sources are asked only on the backoff, not at every look', () => {
    const { run, busy, checks, m, of, look } = holdRig({ headsUpSeconds: 0 });
    run(20);
    busy('call');
    run(10.25);
    expect(of('break-held').map((e) => m(e.at))).toEqual([30]);
    const before = checks.length;
    look();
    run(0.5);
    look();
    run(0.25);
    expect(checks.slice(before).map(m)).toEqual([31]);
  });

  it('no hold-notice once the last reason ended: the break is on its way', () => {
    const { run, busy, of } = holdRig({ headsUpSeconds: 0, holdLimitMinutes: 15 });
    run(20);
    busy('call');
    run(23.5); // held at 30, the limit is at 45
    busy();
    run(5);
    expect(of('hold-notice')).toEqual([]);
    expect(of('break-prompt')).toHaveLength(1);
  });
});

describe('prompts and the watchdog, the finer rules', () => {
  it('the next break is prompted at its interval even when the snooze is longer than the interval', () => {
    const { clock, sched, of } = setup({ snoozeMinutes: 10, microBreak: { ...defaultSettings().microBreak, everyMinutes: 5 } });
    const t0 = clock.now();
    clock.advanceBy(5 * MIN);
    sched.dispatch({ do: 'start-break' });
    clock.advanceBy(MIN);
    sched.dispatch({ do: 'finish' });
    clock.advanceBy(6 * MIN);
    expect(of('break-prompt').map((e) => (e.at - t0) / MIN)).toEqual([5, 11]);
  });

  it('a break window late to report back is left running until its length plus the grace', () => {
    const { clock, sched, of } = setup();
    clock.advanceBy(10 * MIN);
    sched.dispatch({ do: 'start-break' });
    clock.advanceBy(BREAK_GRACE_MS);
    sched.setTimeZone('Europe/Berlin');
    expect(sched.status().phase).toBe('on-break');
    expect(of('break-end')).toEqual([]);
  });

  it('a prompt that new settings put a little into the future brings no second heads-up', () => {
    const { clock, sched, of } = setup({ headsUpSeconds: 60 });
    clock.advanceBy(30.5 * MIN);
    expect(of('break-prompt')).toHaveLength(1);
    sched.setSettings({ ...defaultSettings(), headsUpSeconds: 60, snoozeMinutes: 5, microBreak: { ...defaultSettings().microBreak, everyMinutes: 31 } });
    clock.advanceBy(MIN);
    expect(of('heads-up')).toHaveLength(1);
    expect(of('break-prompt')).toHaveLength(2);
  });
});

describe('a sleep without an event during an absence', () => {
  it('an absence too short for a break keeps the work done before it, counted once, even when a sleep fell into it', () => {
    const longOnly = {
      microBreak: { ...defaultSettings().microBreak, enabled: false },
      longBreak: { ...defaultSettings().longBreak, enabled: true, everyNth: 4, durationMinutes: 10 },
    };
    const { clock, user, of } = setup(longOnly);
    const t0 = clock.now();
    clock.advanceBy(10 * MIN);
    user.stop();
    clock.advanceBy(5 * MIN + 10_000); // away from minute 10
    clock.jumpTo(t0 + 18 * MIN); // the next look was due at 15:30: slept without an event
    clock.advanceBy(0);
    user.type();
    clock.advanceBy(30_000); // back at 18:30, away 8½ minutes: less than the long break
    expect(of('natural-break')).toEqual([]);
    clock.advanceBy(2 * HOUR);
    // 120 minutes of work: 10 before the absence, 110 after it.
    expect((of('break-prompt')[0]!.at - t0) / MIN).toBe(128.5);
  });
});

describe('the hold sources, asked at the right moments', () => {
  it('a prompt that comes on the return from a short lock, its heads-up missed, is looked at first', () => {
    const { run, sched, checks, m } = holdRig({ microBreak: { ...defaultSettings().microBreak, durationSeconds: 120 } });
    run(30);
    sched.dispatch({ do: 'snooze' }); // due again at 35, heads-up at 34, looked at 33:50
    run(3 + 55 / 60);
    sched.power('lock');
    const locked = checks.length;
    run(65 / 60);
    sched.power('unlock'); // away 65 s: too short for a break; the prompt is due now
    expect(sched.status().phase).toBe('prompt');
    expect(checks.slice(locked).map(m)).toEqual([35]);
  });

  it('with breaks turned off, a break still held is not re-checked', () => {
    const { run, busy, sched, checks, look } = holdRig({ headsUpSeconds: 0 });
    run(20);
    busy('call');
    run(10.25);
    expect(sched.status().held).not.toBeNull();
    const before = checks.length;
    const off = defaultSettings();
    sched.setSettings({ ...off, microBreak: { ...off.microBreak, enabled: false }, longBreak: { ...off.longBreak, enabled: false } });
    run(2);
    look();
    expect(sched.status().phase).toBe('disabled');
    expect(checks.slice(before)).toEqual([]);
  });
});
