import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock.ts';
import type { Clock } from './clock.ts';
import { MAX_PROMPTS, SAMPLE_MIN_MS, Scheduler } from './scheduler.ts';
import type { SchedulerEvent } from './scheduler.ts';
import { FakeUser } from './fake-user.ts';
import { defaultSettings } from './settings.ts';
import type { Settings } from './settings.ts';

const MIN = 60_000;
const BERLIN = 'Europe/Berlin';


type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };

function settingsWith(patch: DeepPartial<Settings> = {}): Settings {
  // The times below are worked out for a 5-minute snooze, whatever the default is.
  const s = { ...defaultSettings(), snoozeMinutes: 5 };
  for (const [k, v] of Object.entries(patch)) {
    const cur = (s as unknown as Record<string, unknown>)[k];
    (s as unknown as Record<string, unknown>)[k] = typeof cur === 'object' && cur && !Array.isArray(cur) ? { ...cur, ...(v as object) } : v;
  }
  return s;
}

function setup(opts: { start?: string; settings?: DeepPartial<Settings>; timeZone?: string } = {}) {
  const clock = new VirtualClock(opts.start ?? '2026-11-23T08:00:00+01:00');
  const user = new FakeUser(clock);
  const sched = new Scheduler({ clock, activity: user, settings: settingsWith(opts.settings), timeZone: opts.timeZone ?? BERLIN });
  const events: SchedulerEvent[] = [];
  sched.onEvent((e) => events.push(e));
  const t0 = clock.now();
  /** Minutes since the start. */
  const m = (e: { at: number }) => (e.at - t0) / MIN;
  const of = (type: SchedulerEvent['type']) => events.filter((e) => e.type === type);
  const run = (minutes: number) => clock.advanceBy(minutes * MIN);
  /** Answer every prompt with a completed break. */
  const autoTake = () =>
    sched.onEvent((e) => {
      if (e.type === 'break-prompt') sched.dispatch({ do: 'start-break' });
      if (e.type === 'break-start') {
        const ms = e.kind === 'long' ? sched['settings'].longBreak.durationMinutes * MIN : sched['settings'].microBreak.durationSeconds * 1000;
        clock.setTimer(e.at + ms, () => sched.dispatch({ do: 'finish' }));
      }
    });
  sched.start();
  return { clock, user, sched, events, m, of, run, t0, autoTake };
}

describe('the work cycle', () => {
  it('gives a heads-up a minute before the break and prompts after 30 minutes of work', () => {
    const { events, m, run } = setup();
    run(30);
    expect(events.map((e) => [e.type, m(e)])).toEqual([
      ['heads-up', 29],
      ['break-prompt', 30],
    ]);
    expect(events[0]).toMatchObject({ kind: 'micro', breakAt: events[1]!.at });
  });

  it('makes every 4th break a long one, and restarts the cycle after each break', () => {
    const { of, m, run, autoTake } = setup({ settings: { headsUpSeconds: 0 } });
    autoTake();
    run(4 * 31 + 5 + 31);
    const prompts = of('break-prompt');
    expect(prompts.map((e) => ('kind' in e ? e.kind : ''))).toEqual(['micro', 'micro', 'micro', 'long', 'micro']);
    expect(prompts.map(m)).toEqual([30, 61, 92, 123, 158]);
    expect(of('heads-up')).toEqual([]);
    expect(of('break-end').every((e) => e.type === 'break-end' && e.outcome === 'completed')).toBe(true);
  });

  it('honours everyNth and the durations from settings', () => {
    const { of, run, autoTake } = setup({ settings: { longBreak: { everyNth: 2, durationMinutes: 3 }, microBreak: { everyMinutes: 10, durationSeconds: 20 } } });
    autoTake();
    run(50);
    const ends = of('break-end').map((e) => (e.type === 'break-end' ? [e.kind, e.seconds] : []));
    expect(ends.slice(0, 3)).toEqual([
      ['micro', 20],
      ['long', 180],
      ['micro', 20],
    ]);
  });

  it('with micro breaks off, prompts only long breaks, every everyNth × everyMinutes of work', () => {
    const { of, m, run } = setup({ settings: { microBreak: { enabled: false }, headsUpSeconds: 0 } });
    run(121);
    expect(of('break-prompt').map((e) => [m(e), 'kind' in e && e.kind])).toEqual([[120, 'long']]);
  });

  it('with long breaks off, every break is a micro break', () => {
    const { of, run, autoTake } = setup({ settings: { longBreak: { enabled: false } } });
    autoTake();
    run(200);
    expect(of('break-prompt').length).toBeGreaterThanOrEqual(6);
    expect(of('break-prompt').every((e) => 'kind' in e && e.kind === 'micro')).toBe(true);
  });

  it('with both kinds off, is disabled and silent', () => {
    const { events, sched, run } = setup({ settings: { microBreak: { enabled: false }, longBreak: { enabled: false } } });
    run(600);
    expect(events).toEqual([]);
    expect(sched.status().phase).toBe('disabled');
  });
});

describe('presence', () => {
  it('counts input pauses shorter than awayAfterMinutes as work', () => {
    const { user, of, m, run } = setup();
    run(10);
    user.stop();
    run(4.5);
    user.type();
    run(20);
    expect(of('break-prompt').map(m)).toEqual([30]);
    expect(of('natural-break')).toEqual([]);
  });

  it('is away from the start of a long idle stretch; the return is a natural break and restarts the cycle', () => {
    const { user, of, m, run, sched } = setup({ settings: { longBreak: { durationMinutes: 10 } } });
    run(20);
    user.stop();
    run(7);
    expect(sched.status().phase).toBe('away');
    user.type();
    run(1);
    const nat = of('natural-break');
    expect(nat).toHaveLength(1);
    expect(nat[0]).toMatchObject({ kind: 'micro' });
    // Dated by the input seen at the next 30 s sample.
    expect((nat[0] as { seconds: number }).seconds).toBeGreaterThanOrEqual(7 * 60);
    expect((nat[0] as { seconds: number }).seconds).toBeLessThanOrEqual(7 * 60 + 30);
    expect(m({ at: (nat[0] as { from: number }).from })).toBe(20);
    run(31);
    // The return happened at 27 min (dated by the input seen within 30 s): a full interval of work after that.
    const p = of('break-prompt').map(m);
    expect(p).toHaveLength(1);
    expect(p[0]).toBeGreaterThanOrEqual(57);
    expect(p[0]).toBeLessThanOrEqual(57.5);
  });

  it('counts an absence as long as a long break as the long break', () => {
    const { user, of, run, autoTake } = setup({ settings: { headsUpSeconds: 0 } });
    autoTake();
    run(3 * 31 + 20); // three micro breaks taken; the long one is next
    user.stop();
    run(30);
    user.type();
    run(31);
    expect(of('natural-break').map((e) => 'kind' in e && e.kind)).toEqual(['long']);
    expect(of('break-prompt').map((e) => 'kind' in e && e.kind)).toEqual(['micro', 'micro', 'micro', 'micro']);
  });

  it('goes away at once on lock and suspend events; the unlock is the return', () => {
    const { user, sched, of, m, run } = setup();
    run(15);
    user.locked = true;
    sched.power('lock');
    expect(sched.status().phase).toBe('away');
    run(10);
    user.locked = false;
    sched.power('unlock');
    expect(of('natural-break')).toMatchObject([{ kind: 'long', seconds: 600 }]);
    run(31);
    expect(of('break-prompt').map(m)).toEqual([55]);
  });

  it('finds a locked screen by sampling when no lock event comes (Linux)', () => {
    const { user, sched, of, run } = setup();
    run(15);
    user.locked = true;
    user.stop();
    run(6);
    expect(sched.status().phase).toBe('away');
    run(20);
    expect(of('break-prompt')).toEqual([]);
  });

  it('does not count a very short lock as a break, nor as work', () => {
    const { user, sched, of, m, run } = setup({ settings: { headsUpSeconds: 0 } });
    run(10);
    sched.power('lock');
    user.locked = true;
    run(0.5);
    user.locked = false;
    sched.power('unlock');
    run(20.1);
    expect(of('natural-break')).toEqual([]);
    expect(of('break-prompt').map(m)).toEqual([30.5]);
  });

  it('samples idle time no more often than every 30 s, and only as often as needed', () => {
    const clock = new VirtualClock('2026-11-23T08:00:00+01:00');
    const fires: number[] = [];
    const recording: Clock = {
      now: () => clock.now(),
      setTimer: (at, fn) => clock.setTimer(at, () => (fires.push(clock.now()), fn())),
    };
    const user = new FakeUser(clock);
    const sched = new Scheduler({ clock: recording, activity: user, settings: defaultSettings(), timeZone: BERLIN });
    sched.start();
    clock.advanceBy(25 * MIN);
    user.stop(); // reading: idle grows towards away
    clock.advanceBy(3 * MIN);
    user.type();
    clock.advanceBy(60 * MIN);
    for (let i = 1; i < fires.length; i++) expect(fires[i]! - fires[i - 1]!).toBeGreaterThanOrEqual(SAMPLE_MIN_MS - 1);
    expect(fires.length).toBeLessThan(40); // an hour and a half: ~12 samples an hour plus the break's timers
  });
});

describe('answers', () => {
  it('snooze from the prompt moves the break snoozeMinutes later', () => {
    const { sched, of, m, run } = setup({ settings: { snoozeMinutes: 7 } });
    run(30);
    sched.dispatch({ do: 'snooze' });
    expect(of('snoozed')).toMatchObject([{ kind: 'micro' }]);
    expect(m({ at: (of('snoozed')[0] as { until: number }).until })).toBe(37);
    run(10);
    expect(of('break-prompt').map(m)).toEqual([30, 37]);
    expect(of('heads-up').map(m)).toEqual([29, 36]);
  });

  it('snooze from the heads-up moves the due time, not the moment of the click', () => {
    const { sched, of, m, run } = setup();
    run(29);
    sched.dispatch({ do: 'snooze' });
    expect(m({ at: (of('snoozed')[0] as { until: number }).until })).toBe(35);
    run(10);
    expect(of('break-prompt').map(m)).toEqual([35]);
  });

  it('skip ends the due break as skipped and restarts the cycle', () => {
    const { sched, of, m, run } = setup({ settings: { headsUpSeconds: 0 } });
    run(30);
    sched.dispatch({ do: 'skip' });
    expect(of('break-end')).toMatchObject([{ outcome: 'skipped', kind: 'micro', seconds: 0 }]);
    run(31);
    expect(of('break-prompt').map(m)).toEqual([30, 60]);
  });

  it(`re-prompts an ignored prompt once per snoozeMinutes, then records it as missed after ${MAX_PROMPTS} prompts`, () => {
    const { of, m, run } = setup({ settings: { headsUpSeconds: 0, snoozeMinutes: 5 } });
    run(30 + 5 * MAX_PROMPTS + 1);
    expect(of('break-prompt').map(m)).toEqual([30, 35, 40]);
    expect(of('break-end')).toMatchObject([{ outcome: 'missed' }]);
    expect(m(of('break-end')[0]!)).toBe(45);
    run(30);
    expect(of('break-prompt').map(m)).toEqual([30, 35, 40, 75]);
  });

  it('walking away from a prompt is a natural break', () => {
    const { user, of, run, sched } = setup({ settings: { headsUpSeconds: 0 } });
    run(30);
    user.stop();
    run(10);
    user.type();
    run(1);
    expect(of('natural-break')).toMatchObject([{ kind: 'long' }]);
    expect(sched.status().phase).toBe('working');
    expect(of('break-prompt')).toHaveLength(1);
  });

  it('a break started by hand counts as the due one', () => {
    const { sched, of, m, run } = setup({ settings: { headsUpSeconds: 0 } });
    run(20);
    sched.dispatch({ do: 'start-break' });
    expect(of('break-start')).toMatchObject([{ kind: 'micro', manual: true }]);
    expect(sched.status().phase).toBe('on-break');
    run(1);
    sched.dispatch({ do: 'finish' });
    expect(of('break-end')).toMatchObject([{ outcome: 'completed', seconds: 60 }]);
    expect(sched.status().breaksToday).toBe(1);
    run(31);
    expect(of('break-prompt').map(m)).toEqual([51]);
  });

  it('a long break by hand resets the count to the next long break', () => {
    const { sched, of, run, autoTake } = setup({ settings: { headsUpSeconds: 0 } });
    autoTake();
    run(62); // two micro breaks taken
    sched.dispatch({ do: 'start-break', kind: 'long' });
    run(5);
    run(4 * 31);
    expect(of('break-prompt').map((e) => 'kind' in e && e.kind)).toEqual(['micro', 'micro', 'micro', 'micro', 'micro', 'long']);
  });

  it('closes a break the window never reported back on, so the cycle goes on', () => {
    const { sched, of, run } = setup();
    sched.dispatch({ do: 'start-break' });
    run(15);
    expect(of('break-end')).toMatchObject([{ outcome: 'completed', seconds: 60 }]);
    expect(sched.status().phase).toBe('working');
  });

  it('delivers events in order when a listener acts on one', () => {
    const { sched, events, run } = setup();
    sched.onEvent((e) => e.type === 'heads-up' && sched.dispatch({ do: 'start-break' }));
    run(29);
    expect(events.map((e) => e.type)).toEqual(['heads-up', 'break-start']);
  });
});

describe('pause', () => {
  it('pauses for a number of minutes, then starts a fresh cycle', () => {
    const { sched, of, m, run, t0 } = setup({ settings: { headsUpSeconds: 0 } });
    run(25);
    sched.dispatch({ do: 'pause', minutes: 60 });
    expect(sched.status()).toMatchObject({ phase: 'paused', pausedUntil: t0 + 85 * MIN });
    run(60);
    expect(of('resumed').map(m)).toEqual([85]);
    expect(of('break-prompt')).toEqual([]);
    run(31);
    expect(of('break-prompt').map(m)).toEqual([115]);
  });

  it('pauses until resumed', () => {
    const { sched, of, m, run } = setup();
    sched.dispatch({ do: 'pause' });
    expect(of('paused')).toMatchObject([{ until: null }]);
    run(600);
    expect(of('break-prompt')).toEqual([]);
    sched.dispatch({ do: 'resume' });
    run(30);
    expect(of('break-prompt').map(m)).toEqual([630]);
  });

  it('pauses until tomorrow: the next work day start, or 08:00 without work hours', () => {
    const a = setup({ start: '2026-11-27T14:00:00+01:00' });
    a.sched.dispatch({ do: 'pause', until: 'tomorrow' });
    expect(a.of('paused')).toMatchObject([{ until: Date.parse('2026-11-28T08:00:00+01:00') }]);
    const b = setup({ start: '2026-11-27T14:00:00+01:00', settings: { workHours: { enabled: true } } });
    b.sched.dispatch({ do: 'pause', until: 'tomorrow' });
    expect(b.of('paused')).toMatchObject([{ until: Date.parse('2026-11-30T09:00:00+01:00') }]);
    b.clock.advanceTo(Date.parse('2026-11-30T09:31:00+01:00'));
    expect(b.of('break-prompt').map((e) => e.at)).toEqual([Date.parse('2026-11-30T09:30:00+01:00')]);
  });

  it('ignores a malformed pause', () => {
    const { sched, events } = setup();
    sched.dispatch({ do: 'pause', minutes: -5 });
    sched.dispatch({ do: 'pause', minutes: Number.NaN });
    expect(events).toEqual([]);
    expect(sched.status().phase).toBe('working');
  });
});

describe('work hours and local time', () => {
  const hours = { workHours: { enabled: true, days: [0, 1, 2, 3, 4, 5, 6], start: '09:00', end: '17:00' } };

  it('gives no reminder before work hours and starts fresh at their start', () => {
    const { of, run, sched } = setup({ start: '2026-11-23T07:00:00+01:00', settings: hours });
    expect(sched.status().phase).toBe('off-hours');
    run(2 * 60 + 28);
    expect(of('heads-up')).toEqual([]);
    run(2);
    expect(of('break-prompt').map((e) => e.at)).toEqual([Date.parse('2026-11-23T09:30:00+01:00')]);
  });

  it('stops at the end of work hours and resumes the next work day', () => {
    const { of, clock } = setup({ start: '2026-11-27T16:00:00+01:00', settings: { ...hours, workHours: { ...hours.workHours, days: [1, 2, 3, 4, 5] }, headsUpSeconds: 0 } });
    clock.advanceTo(Date.parse('2026-11-30T09:31:00+01:00'));
    expect(of('break-prompt').map((e) => e.at)).toEqual([
      Date.parse('2026-11-27T16:30:00+01:00'),
      Date.parse('2026-11-27T16:35:00+01:00'),
      Date.parse('2026-11-27T16:40:00+01:00'),
      Date.parse('2026-11-30T09:30:00+01:00'),
    ]);
  });

  for (const [day, offset] of [
    ['2026-03-29', '+02:00'],
    ['2026-10-25', '+01:00'],
  ] as const) {
    it(`keeps local work hours on the DST change day ${day} in Berlin`, () => {
      const { of, clock } = setup({ start: `${day}T00:00:00${offset === '+02:00' ? '+01:00' : '+02:00'}`, settings: { ...hours, headsUpSeconds: 0 } });
      clock.advanceTo(Date.parse(`${day}T09:31:00${offset}`));
      expect(of('break-prompt').map((e) => e.at)).toEqual([Date.parse(`${day}T09:30:00${offset}`)]);
      clock.advanceTo(Date.parse(`${day}T23:00:00${offset}`));
      // Prompts (and ignored re-prompts) stop at 17:00 local.
      const last = of('break-prompt').at(-1)!.at;
      expect(last).toBeLessThan(Date.parse(`${day}T17:00:00${offset}`));
    });
  }

  it('follows a change of time zone: leaving and entering work hours in the new zone', () => {
    const { sched, of, clock, run } = setup({ start: '2026-11-23T15:00:00+01:00', settings: { ...hours, headsUpSeconds: 0 } });
    run(20);
    sched.setTimeZone('Asia/Tokyo'); // 23:20 in Tokyo
    expect(sched.status().phase).toBe('off-hours');
    clock.advanceTo(Date.parse('2026-11-24T09:31:00+09:00'));
    expect(of('break-prompt').map((e) => e.at)).toEqual([Date.parse('2026-11-24T09:30:00+09:00')]);
  });

  it('follows the process zone when none is given', (ctx) => {
    const saved = process.env.TZ;
    try {
      // In a worker thread (as the mutation runner runs tests) setting TZ does not move the zone.
      process.env.TZ = 'Asia/Tokyo';
      if (new Date(0).getTimezoneOffset() !== -540) ctx.skip('the time zone cannot be changed in this thread');
      process.env.TZ = 'Europe/Berlin';
      const clock = new VirtualClock('2026-11-23T15:00:00+01:00');
      const sched = new Scheduler({ clock, activity: new FakeUser(clock), settings: settingsWith(hours) });
      sched.start();
      expect(sched.status().phase).toBe('working');
      process.env.TZ = 'America/New_York'; // 09:10 there: a fresh period starts on the next wake-up
      clock.advanceBy(10 * MIN);
      expect(sched.status().phase).toBe('working');
      process.env.TZ = 'Asia/Tokyo'; // 23:xx there; noticed at the next wake-up (an idle sample, within 5 min)
      clock.advanceBy(6 * MIN);
      expect(sched.status().phase).toBe('off-hours');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('sleep and clock jumps', () => {
  it('sleeping across midnight is one natural break, with no burst on waking', () => {
    const { sched, clock, events, of, user } = setup({ start: '2026-11-23T22:00:00+01:00', settings: { headsUpSeconds: 0 } });
    clock.advanceTo(Date.parse('2026-11-23T22:44:00+01:00'));
    sched.power('suspend');
    const before = events.length;
    clock.jumpTo(Date.parse('2026-11-24T07:30:00+01:00'));
    sched.power('resume');
    user.type();
    clock.advanceBy(MIN);
    const after = events.slice(before);
    expect(after.map((e) => e.type)).toEqual(['natural-break']);
    expect(after[0]).toMatchObject({ kind: 'long', from: Date.parse('2026-11-23T22:44:00+01:00') });
    clock.advanceTo(Date.parse('2026-11-24T08:01:00+01:00'));
    expect(of('break-prompt').at(-1)!.at).toBe(Date.parse('2026-11-24T08:00:00+01:00'));
  });

  it('a missed resume event and a late timer are treated as sleep: nothing stale fires', () => {
    const { clock, events, of } = setup({ settings: { headsUpSeconds: 0 } });
    clock.advanceBy(20 * MIN);
    const before = events.length;
    clock.jumpTo(clock.now() + 3 * 60 * MIN); // slept without telling anyone
    clock.advanceBy(MIN);
    expect(events.slice(before).map((e) => e.type)).toEqual(['natural-break']);
    clock.advanceBy(29 * MIN);
    expect(of('break-prompt')).toHaveLength(1);
    expect(of('break-prompt')[0]!.at - of('natural-break')[0]!.at).toBeGreaterThanOrEqual(29 * MIN);
  });

  it('a wall clock set back an hour gives no burst and no early prompt', () => {
    const { clock, events, of, t0 } = setup({ settings: { headsUpSeconds: 0 } });
    clock.advanceBy(20 * MIN);
    clock.jumpTo(clock.now() - 60 * MIN);
    clock.advanceBy(2 * 60 * MIN);
    const prompts = of('break-prompt');
    expect(prompts.length).toBeGreaterThan(0);
    expect(events.some((e) => e.type === 'natural-break')).toBe(false);
    // Re-prompts only, spaced by snoozeMinutes; the first comes no earlier than a full interval after the start.
    expect(prompts[0]!.at - (t0 - 60 * MIN)).toBeGreaterThanOrEqual(30 * MIN);
    for (let i = 1; i < prompts.length; i++) expect(prompts[i]!.at - prompts[i - 1]!.at).toBeGreaterThanOrEqual(5 * MIN);
  });

  it('a wall clock set back an hour and noticed keeps the work already counted', () => {
    const { clock, sched, of } = setup({ settings: { headsUpSeconds: 0 } });
    clock.advanceBy(20 * MIN);
    const back = clock.now() - 60 * MIN;
    clock.jumpTo(back);
    sched.power('unlock'); // any call notices the jump
    clock.advanceBy(11 * MIN);
    expect(of('break-prompt').map((e) => e.at)).toEqual([back + 10 * MIN]);
  });
});

describe('settings and status', () => {
  it('applies new settings from now on, keeping work already done', () => {
    const { sched, of, m, run } = setup({ settings: { headsUpSeconds: 0 } });
    run(10);
    sched.setSettings(settingsWith({ headsUpSeconds: 0, microBreak: { everyMinutes: 15 } }));
    run(6);
    expect(of('break-prompt').map(m)).toEqual([15]);
    sched.setSettings(settingsWith({ microBreak: { enabled: false }, longBreak: { enabled: false } }));
    expect(sched.status().phase).toBe('disabled');
  });

  it('reports the next break for the tray', () => {
    const { sched, run, t0 } = setup();
    run(10);
    expect(sched.status()).toMatchObject({ phase: 'working', nextBreak: { at: t0 + 30 * MIN, kind: 'micro' }, currentBreak: null, pausedUntil: null });
    run(19.5);
    expect(sched.status().phase).toBe('heads-up');
    run(0.5);
    expect(sched.status().phase).toBe('prompt');
  });

  it('stop() silences everything', () => {
    const { sched, events, run } = setup();
    sched.stop();
    run(120);
    expect(events).toEqual([]);
  });
});

describe('absences around breaks (docs/scheduling.md)', () => {
  it('an absence that starts right after a break is a natural break, and a lunch then counts as the long one', () => {
    const { user, of, m, run, autoTake } = setup({ settings: { headsUpSeconds: 0 } });
    autoTake();
    run(31); // the break at 30 is taken, 30–31
    user.stop();
    run(60);
    user.type();
    run(1);
    expect(of('natural-break')).toMatchObject([{ kind: 'long' }]);
    const seconds = (of('natural-break')[0] as { seconds: number }).seconds;
    expect(seconds).toBeGreaterThanOrEqual(3600); // the return is seen at the next 30 s sample
    expect(seconds).toBeLessThanOrEqual(3630);
    expect(m({ at: (of('natural-break')[0] as { from: number }).from })).toBe(31);
    run(31);
    // The first break after the lunch is a micro break: the lunch was the long one.
    expect(of('break-prompt').slice(1).map((e) => 'kind' in e && e.kind)).toEqual(['micro']);
  });

  it('an absence that starts during a break counts from the break’s end', () => {
    const { user, of, m, run, sched } = setup({ settings: { headsUpSeconds: 0 } });
    run(30);
    sched.dispatch({ do: 'start-break' });
    run(0.5);
    user.stop(); // left while the window still ran
    run(0.5);
    sched.dispatch({ do: 'finish' });
    run(20);
    user.type();
    run(1);
    expect(of('natural-break')).toMatchObject([{ kind: 'long' }]);
    expect(m({ at: (of('natural-break')[0] as { from: number }).from })).toBe(31);
  });

  it('a break running when the machine sleeps ends as partial with the seconds moved, and the sleep counts as away', () => {
    const { sched, clock, of, m, user } = setup({ settings: { headsUpSeconds: 0 } });
    clock.advanceBy(20 * MIN);
    sched.dispatch({ do: 'start-break' });
    clock.advanceBy(40_000);
    sched.power('suspend');
    expect(of('break-end')).toMatchObject([{ outcome: 'partial', seconds: 40 }]);
    clock.jumpTo(clock.now() + 45 * MIN);
    sched.power('resume');
    user.type();
    clock.advanceBy(MIN);
    expect(of('natural-break')).toMatchObject([{ kind: 'long', seconds: 45 * 60 }]);
    expect(m({ at: (of('natural-break')[0] as { from: number }).from })).toBeCloseTo(20 + 40 / 60, 6);
  });

  it('a break running when the screen locks ends as partial, and the lock counts as away', () => {
    const { sched, run, of, user } = setup({ settings: { headsUpSeconds: 0 } });
    run(20);
    sched.dispatch({ do: 'start-break' });
    run(0.25);
    user.locked = true;
    sched.power('lock');
    expect(of('break-end')).toMatchObject([{ outcome: 'partial', seconds: 15 }]);
    expect(sched.status().phase).toBe('away');
    run(10);
    user.locked = false;
    sched.power('unlock');
    expect(of('natural-break')).toMatchObject([{ kind: 'long', seconds: 600 }]);
  });

  it.each([60_000, 61_000])('a break played to its length before the sleep stays completed (sleep after %i ms)', (ms) => {
    const { sched, clock, of } = setup();
    sched.dispatch({ do: 'start-break' });
    clock.advanceBy(ms);
    sched.power('suspend');
    expect(of('break-end')).toMatchObject([{ outcome: 'completed', seconds: 60 }]);
  });

  it('finishing a break early is partial; at its length, completed', () => {
    const { sched, run, of } = setup();
    sched.dispatch({ do: 'start-break' });
    run(0.5);
    sched.dispatch({ do: 'finish' });
    sched.dispatch({ do: 'start-break' });
    run(1);
    sched.dispatch({ do: 'finish' });
    expect(of('break-end')).toMatchObject([
      { outcome: 'partial', seconds: 30 },
      { outcome: 'completed', seconds: 60 },
    ]);
  });
});

describe('when an absence is a natural break', () => {
  const lock = (s: ReturnType<typeof setup>, minutes: number) => {
    s.user.locked = true;
    s.sched.power('lock');
    s.run(minutes);
    s.user.locked = false;
    s.sched.power('unlock');
  };

  it('not at the start of the day, before any work', () => {
    const s = setup({ settings: { headsUpSeconds: 0 } });
    lock(s, 20);
    expect(s.of('natural-break')).toEqual([]);
    s.run(31);
    expect(s.of('break-prompt').map(s.m)).toEqual([50]);
  });

  it('after a minute of work, yes', () => {
    const s = setup({ settings: { headsUpSeconds: 0 } });
    s.run(1);
    lock(s, 20);
    expect(s.of('natural-break')).toMatchObject([{ kind: 'long', seconds: 1200 }]);
  });

  it('not right after a pause ends (nothing was done yet)', () => {
    const s = setup({ settings: { headsUpSeconds: 0 } });
    s.run(10);
    s.sched.dispatch({ do: 'pause', minutes: 30 });
    s.run(30);
    lock(s, 20);
    expect(s.of('natural-break')).toEqual([]);
  });

  it('an absence as long as the micro break, or awayAfterMinutes if shorter, is the micro break; shorter is none', () => {
    // Threshold min(durationSeconds, awayAfterMinutes): 2 min here (durationSeconds 120, awayAfter 5).
    const a = setup({ settings: { microBreak: { durationSeconds: 120 }, headsUpSeconds: 0 } });
    a.run(10);
    lock(a, 2);
    expect(a.of('natural-break')).toMatchObject([{ kind: 'micro', seconds: 120 }]);
    const b = setup({ settings: { microBreak: { durationSeconds: 120 }, headsUpSeconds: 0 } });
    b.run(10);
    lock(b, 1.9);
    expect(b.of('natural-break')).toEqual([]);
    // 5 min here (durationSeconds 600, awayAfter 5): the shorter of the two.
    const c = setup({ settings: { microBreak: { durationSeconds: 600 }, longBreak: { durationMinutes: 10 }, headsUpSeconds: 0 } });
    c.run(10);
    lock(c, 5);
    expect(c.of('natural-break')).toMatchObject([{ kind: 'micro', seconds: 300 }]);
    const d = setup({ settings: { microBreak: { durationSeconds: 600 }, longBreak: { durationMinutes: 10 }, headsUpSeconds: 0 } });
    d.run(10);
    lock(d, 4.9);
    expect(d.of('natural-break')).toEqual([]);
  });

  it('an absence as long as the long break is the long one, a little shorter the micro one', () => {
    const a = setup({ settings: { longBreak: { durationMinutes: 8 } } });
    a.run(10);
    lock(a, 8);
    const b = setup({ settings: { longBreak: { durationMinutes: 8 } } });
    b.run(10);
    lock(b, 7.9);
    expect([...a.of('natural-break'), ...b.of('natural-break')].map((e) => 'kind' in e && e.kind)).toEqual(['long', 'micro']);
  });
});

describe('until tomorrow', () => {
  it('at 00:30 it is still last night: the pause ends at 08:00 the same morning', () => {
    const { sched, of } = setup({ start: '2026-11-24T00:30:00+01:00' });
    sched.dispatch({ do: 'pause', until: 'tomorrow' });
    expect(of('paused')).toMatchObject([{ until: Date.parse('2026-11-24T08:00:00+01:00') }]);
  });

  it('the day rolls over at 04:00: from then on, tomorrow is the next day', () => {
    const a = setup({ start: '2026-11-24T03:59:00+01:00' });
    a.sched.dispatch({ do: 'pause', until: 'tomorrow' });
    const b = setup({ start: '2026-11-24T04:00:00+01:00' });
    b.sched.dispatch({ do: 'pause', until: 'tomorrow' });
    expect([...a.of('paused'), ...b.of('paused')].map((e) => 'until' in e && e.until)).toEqual([
      Date.parse('2026-11-24T08:00:00+01:00'),
      Date.parse('2026-11-25T08:00:00+01:00'),
    ]);
  });

  it('with work hours, at the work-hours start of the next work day (a night owl on Monday night: Tuesday 09:00)', () => {
    const hours = { workHours: { enabled: true, days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } };
    const a = setup({ start: '2026-11-24T01:15:00+01:00', settings: hours });
    a.sched.dispatch({ do: 'pause', until: 'tomorrow' });
    expect(a.of('paused')).toMatchObject([{ until: Date.parse('2026-11-24T09:00:00+01:00') }]);
    // Friday night after midnight: still Friday, so Monday.
    const b = setup({ start: '2026-11-28T00:30:00+01:00', settings: hours });
    b.sched.dispatch({ do: 'pause', until: 'tomorrow' });
    expect(b.of('paused')).toMatchObject([{ until: Date.parse('2026-11-30T09:00:00+01:00') }]);
  });
});

// Each of these pins a rule the mutation run (docs/mutation-testing.md) found no test for.
describe('presence and breaks, the finer rules', () => {
  it('a break snoozed from its window records nothing, keeps the work done before it and counts none of the break', () => {
    const { sched, of, m, run, user } = setup({ settings: { headsUpSeconds: 0 } });
    run(10);
    sched.dispatch({ do: 'start-break' });
    run(0.5);
    sched.dispatch({ do: 'snooze' });
    expect(of('break-end')).toEqual([]);
    const [snoozed] = of('snoozed');
    // 20 minutes of the cycle left (the 30 s on the break are not work), then the 5 minutes of snooze.
    expect(snoozed?.type === 'snoozed' ? m({ at: snoozed.until }) - m(snoozed) : null).toBe(25);
    expect(sched.status().phase).toBe('working');
    // Back at work: walking away is noticed, and the return is a natural break.
    user.stop();
    run(7);
    user.type();
    run(1);
    expect(of('natural-break')).toHaveLength(1);
  });

  it('counts the breaks of the day: completed and natural ones, not skipped or partial ones', () => {
    const { sched, run, user } = setup({ settings: { headsUpSeconds: 0 } });
    run(30);
    sched.dispatch({ do: 'start-break' });
    run(1);
    sched.dispatch({ do: 'finish' });
    expect(sched.status().breaksToday).toBe(1);
    run(30);
    sched.dispatch({ do: 'start-break' });
    run(1);
    sched.dispatch({ do: 'finish' });
    expect(sched.status().breaksToday).toBe(2);
    run(30);
    sched.dispatch({ do: 'skip' });
    run(30);
    sched.dispatch({ do: 'start-break' });
    run(0.25);
    sched.dispatch({ do: 'finish' });
    expect(sched.status().breaksToday).toBe(2);
    user.stop();
    run(7);
    user.type();
    run(1);
    expect(sched.status().breaksToday).toBe(3);
  });

  it('leaving right after skipping a break is a natural break; leaving right after a natural break is not another one', () => {
    const { sched, of, run, user } = setup({ settings: { headsUpSeconds: 0 } });
    run(30);
    sched.dispatch({ do: 'skip' });
    user.stop();
    run(7);
    // Back for one key press at 37:00, and off again at once: nothing was done since that natural break.
    user.type();
    user.stop();
    run(7);
    expect(of('natural-break')).toHaveLength(1);
    expect(sched.status().phase).toBe('away');
    user.type();
    run(1);
    expect(of('natural-break')).toHaveLength(1);
  });

  it('a lock event is away until the unlock, even when the activity source sees neither the lock nor the idle', () => {
    const { sched, of, run } = setup();
    run(15);
    sched.power('lock');
    run(10);
    expect(sched.status().phase).toBe('away');
    sched.power('unlock');
    expect(of('natural-break')).toMatchObject([{ kind: 'long', seconds: 600 }]);
  });

  it('an unlock without any input since leaving is not a return', () => {
    const { sched, of, run, user } = setup({ settings: { awayAfterMinutes: 30 } });
    run(10);
    user.stop();
    run(2);
    user.locked = true;
    sched.power('lock');
    run(3);
    user.locked = false;
    sched.power('unlock');
    run(1);
    expect(sched.status().phase).toBe('away');
    expect(of('natural-break')).toEqual([]);
  });

  it('the return is dated by the last input seen, not by when it was noticed', () => {
    const { of, m, run, user } = setup();
    run(20);
    user.stop();
    run(7);
    user.type();
    user.stop(); // one key press at 27:00, noticed at the next sample
    run(1);
    const [nat] = of('natural-break');
    expect(nat && 'from' in nat ? [m({ at: nat.from }), nat.seconds] : null).toEqual([20, 7 * 60]);
  });

  it('an idle reading that is not a finite number counts as input, not as a departure', () => {
    for (const reading of [Number.POSITIVE_INFINITY, Number.NaN]) {
      const clock = new VirtualClock('2026-11-23T08:00:00+01:00');
      const sched = new Scheduler({ clock, activity: { idleSeconds: () => reading, isLocked: () => false }, settings: settingsWith({ headsUpSeconds: 0 }), timeZone: BERLIN });
      const events: SchedulerEvent[] = [];
      sched.onEvent((e) => events.push(e));
      sched.start();
      clock.advanceBy(31 * MIN);
      expect(sched.status().phase).toBe('prompt');
      expect(events.map((e) => e.type)).toEqual(['break-prompt']);
    }
  });

  it('nothing is read from the activity source while the machine sleeps, even when a timer fires', () => {
    const { sched, of, run } = setup();
    run(10);
    sched.power('suspend');
    run(40); // the activity source, not knowing of the sleep, reports input all along
    expect(of('natural-break')).toEqual([]);
    sched.power('resume');
    expect(of('natural-break')).toMatchObject([{ kind: 'long', seconds: 40 * 60 }]);
  });
});
