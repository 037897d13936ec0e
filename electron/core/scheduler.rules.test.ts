// Rules of the scheduler that the main suite does not pin down on its own: exact constants, listener and
// start/stop bookkeeping, settings changes mid-cycle, power events at the edges and the status the tray reads.
import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock.ts';
import { BREAK_GRACE_MS, Scheduler } from './scheduler.ts';
import type { SchedulerEvent } from './scheduler.ts';
import { FakeUser } from './fake-user.ts';
import { defaultSettings } from './settings.ts';
import { currentTimeZone } from './work-hours.ts';
import type { Settings } from './settings.ts';

const MIN = 60_000;

function setup(opts: { patch?: (s: Settings) => void; timeZone?: string; start?: boolean } = {}) {
  const clock = new VirtualClock('2026-11-23T08:00:00+01:00');
  const user = new FakeUser(clock);
  // The times below are worked out for a 5-minute snooze, whatever the default is.
  const settings = { ...defaultSettings(), snoozeMinutes: 5 };
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

describe('settings changed mid-cycle', () => {
  it('a longer interval after the heads-up gives a new heads-up before the new due time', () => {
    const { sched, of, m, run, settings } = setup();
    run(29.5);
    expect(of('heads-up').map(m)).toEqual([29]);
    sched.setSettings({ ...settings, microBreak: { ...settings.microBreak, everyMinutes: 40 } });
    run(11);
    expect(of('heads-up').map(m)).toEqual([29, 39]);
    expect(of('break-prompt').map(m)).toEqual([40]);
  });

  it('a longer interval after prompts starts the prompt count again', () => {
    const { sched, of, m, run, settings } = setup({ patch: (s) => (s.headsUpSeconds = 0) });
    run(36); // prompts at 30 and 35
    expect(of('break-prompt').map(m)).toEqual([30, 35]);
    sched.setSettings({ ...settings, microBreak: { ...settings.microBreak, everyMinutes: 60 } });
    run(40);
    expect(of('break-prompt').map(m)).toEqual([30, 35, 60, 65, 70]);
    expect(of('break-end')).toMatchObject([{ outcome: 'missed', at: expect.any(Number) }]);
    expect(m(of('break-end')[0]!)).toBeGreaterThanOrEqual(70);
  });

  it('turning breaks back on starts a fresh cycle from that moment', () => {
    const { sched, of, m, run, settings } = setup({
      patch: (s) => {
        s.headsUpSeconds = 0;
        s.microBreak.enabled = false;
        s.longBreak.enabled = false;
      },
    });
    run(60);
    expect(sched.status().phase).toBe('disabled');
    sched.setSettings({ ...settings, microBreak: { ...settings.microBreak, enabled: true } });
    run(31);
    expect(of('break-prompt').map(m)).toEqual([90]);
  });
});

describe('power events at the edges', () => {
  it('the return after a resume is noticed at the resume, not at a later sample', () => {
    const { sched, clock, of, t0 } = setup();
    clock.advanceBy(10 * MIN);
    sched.power('suspend');
    clock.jumpTo(clock.now() + 60 * MIN);
    sched.power('resume');
    expect(of('natural-break')).toMatchObject([{ at: t0 + 70 * MIN, seconds: 3600 }]);
  });

  it('a lock while paused is no absence: resuming later starts a fresh cycle with no natural break', () => {
    const { sched, user, of, run } = setup();
    run(10);
    sched.dispatch({ do: 'pause' });
    user.locked = true;
    sched.power('lock');
    run(30);
    user.locked = false;
    sched.power('unlock');
    sched.dispatch({ do: 'resume' });
    run(5);
    expect(of('natural-break')).toEqual([]);
  });

  it('an unlock after a sleep whose resume event was lost wakes the scheduler: the sleep was a break, and breaks come again', () => {
    const { sched, user, clock, of, m, run } = setup();
    run(10);
    user.locked = true;
    sched.power('lock');
    sched.power('suspend');
    clock.jumpTo(clock.now() + 60 * MIN); // no 'resume' arrives
    user.locked = false;
    sched.power('unlock');
    expect(of('natural-break')).toMatchObject([{ kind: 'long', seconds: 3600 }]);
    run(31);
    expect(of('break-prompt').map(m)).toEqual([100]);
  });
});

describe('status for the tray', () => {
  it('shows the due break during the heads-up and now during the prompt', () => {
    const { sched, run, t0 } = setup();
    run(29.5);
    expect(sched.status()).toMatchObject({ phase: 'heads-up', nextBreak: { at: t0 + 30 * MIN, kind: 'micro' } });
    run(1);
    expect(sched.status()).toMatchObject({ phase: 'prompt', nextBreak: { at: t0 + 30.5 * MIN, kind: 'micro' } });
  });

  it('a clock set back before anything noticed it does not move the shown prompt time back', () => {
    const { sched, clock, run, t0 } = setup({ patch: (s) => (s.headsUpSeconds = 0) });
    run(31);
    clock.jumpTo(clock.now() - 60 * MIN);
    // Shown no earlier than the prompt that is already on screen (the last moment the scheduler saw).
    expect(sched.status()).toMatchObject({ phase: 'prompt', nextBreak: { at: t0 + 30 * MIN, kind: 'micro' } });
  });
});

describe('answers, the finer points', () => {
  it('a break started from the heads-up or the prompt is the due one, not one by hand', () => {
    const a = setup();
    a.run(29.5);
    a.sched.dispatch({ do: 'start-break' });
    expect(a.of('break-start')).toMatchObject([{ manual: false }]);
    const b = setup({ patch: (s) => (s.headsUpSeconds = 0) });
    b.run(30.5);
    b.sched.dispatch({ do: 'start-break' });
    expect(b.of('break-start')).toMatchObject([{ manual: false }]);
    const c = setup();
    c.run(10);
    c.sched.dispatch({ do: 'start-break' });
    expect(c.of('break-start')).toMatchObject([{ manual: true }]);
  });

  it('skip during a break ends that break as skipped', () => {
    const { sched, of, run } = setup();
    run(10);
    sched.dispatch({ do: 'start-break' });
    run(0.5);
    sched.dispatch({ do: 'skip' });
    expect(of('break-end')).toMatchObject([{ outcome: 'skipped', seconds: 30 }]);
    expect(sched.status().phase).toBe('working');
  });

  it('skip while paused records nothing', () => {
    const { sched, events, run } = setup();
    run(10);
    sched.dispatch({ do: 'pause' });
    const before = events.length;
    sched.dispatch({ do: 'skip' });
    expect(events.slice(before)).toEqual([]);
    expect(sched.status().phase).toBe('paused');
  });

  it('a pause of zero minutes is ignored', () => {
    const { sched, events } = setup();
    sched.dispatch({ do: 'pause', minutes: 0 });
    expect(events).toEqual([]);
    expect(sched.status().phase).toBe('working');
  });
});

describe('work hours changed in settings', () => {
  it('apply at once, not at the next boundary of the old hours', () => {
    const { sched, of, run, settings } = setup(); // 08:00, no work hours
    run(10);
    sched.setSettings({ ...settings, workHours: { ...settings.workHours, enabled: true, days: [0, 1, 2, 3, 4, 5, 6], start: '09:00', end: '17:00' } });
    expect(sched.status().phase).toBe('off-hours');
    run(40);
    expect(of('break-prompt')).toEqual([]);
  });
});

describe('before start()', () => {
  it('the tray reads working, with the first break one interval away', () => {
    const { sched, t0 } = setup({ start: false });
    expect(sched.status()).toEqual({
      phase: 'working',
      nextBreak: { at: t0 + 30 * MIN, kind: 'micro' },
      pausedUntil: null,
      currentBreak: null,
      breaksToday: 0,
      held: null,
    });
  });

  it('a pause until tomorrow already uses the zone given at construction', () => {
    // A zone other than the process's, so that falling back to the process's zone would show.
    const zone = currentTimeZone() === 'Pacific/Auckland' ? 'America/Los_Angeles' : 'Pacific/Auckland';
    const until = (o: { timeZone: string; start: boolean }) => {
      const { sched, of } = setup(o);
      sched.dispatch({ do: 'pause', until: 'tomorrow' });
      return (of('paused')[0] as { until: number }).until;
    };
    const early = until({ timeZone: zone, start: false });
    expect(early).toBe(until({ timeZone: zone, start: true }));
    expect(early).not.toBe(until({ timeZone: currentTimeZone(), start: true }));
  });
});

describe('settings changed mid-cycle, the finer rules', () => {
  it('turning breaks off and on again starts a fresh cycle: the time they were off is not work', () => {
    const { sched, of, m, run, settings } = setup({ patch: (s) => (s.headsUpSeconds = 0) });
    run(10);
    const off = { ...settings, microBreak: { ...settings.microBreak, enabled: false }, longBreak: { ...settings.longBreak, enabled: false } };
    sched.setSettings(off);
    run(60);
    sched.setSettings(settings);
    run(31);
    expect(of('break-prompt').map(m)).toEqual([100]);
  });

  it('a change that leaves the due time alone, made as the heads-up or the prompt comes, shows neither again', () => {
    const { sched, of, m, run, settings } = setup();
    run(29); // the heads-up, exactly one minute before the break
    sched.setSettings({ ...settings, sound: !settings.sound });
    run(1); // the prompt, exactly at the interval
    sched.setSettings({ ...settings });
    run(4);
    expect(of('heads-up').map(m)).toEqual([29]);
    expect(of('break-prompt').map(m)).toEqual([30]);
  });

  it('a snoozed break keeps its time and its one heads-up when the interval grows', () => {
    const { sched, of, m, run, settings } = setup();
    run(29.5);
    sched.dispatch({ do: 'snooze' }); // due at 30, snoozed to 35
    run(5); // heads-up at 34
    sched.setSettings({ ...settings, microBreak: { ...settings.microBreak, everyMinutes: 60 } });
    run(1);
    expect(of('heads-up').map(m)).toEqual([29, 34]);
    expect(of('break-prompt').map(m)).toEqual([35]);
  });
});

describe('power events on an absence already under way', () => {
  // Worked 10 minutes, then away for 30 s: too short for a break, so the 10 minutes still count, once.
  it.each<[string, (p: { sched: Scheduler; clock: VirtualClock }) => void]>([
    ['a second lock event while locked', ({ sched, clock }) => {
      clock.advanceBy(12_000);
      sched.power('lock');
      clock.advanceBy(18_000);
    }],
    ['a sleep while locked', ({ sched, clock }) => {
      clock.advanceBy(10_000);
      sched.power('suspend');
      clock.advanceBy(10_000);
      sched.power('resume');
      clock.advanceBy(10_000);
    }],
  ])('%s does not count the work before the lock twice', (_name, meanwhile) => {
    const { sched, user, clock, of, m, run } = setup({ patch: (s) => (s.headsUpSeconds = 0) });
    run(10);
    user.stop();
    user.locked = true;
    sched.power('lock');
    meanwhile({ sched, clock });
    user.locked = false;
    user.type();
    sched.power('unlock');
    run(21);
    expect(of('natural-break')).toEqual([]);
    expect(of('break-prompt').map(m)).toEqual([30.5]);
  });

  it('a sleep of seconds with the user back at once is no break: the return is seen at the resume', () => {
    const { sched, clock, of, run, t0 } = setup({ patch: (s) => (s.headsUpSeconds = 0) });
    run(12); // the last idle sample was at minute 10, the next is due at 15
    sched.power('suspend');
    clock.advanceBy(10_000);
    sched.power('resume');
    run(19);
    expect(of('natural-break')).toEqual([]);
    expect(of('break-prompt').map((e) => e.at - t0)).toEqual([30 * MIN + 10_000]);
  });

  it('asleep, the scheduler wakes no more than every 15 minutes', () => {
    const { sched, clock } = setup();
    clock.advanceBy(10 * MIN);
    sched.power('suspend');
    const before = clock.wakeups;
    clock.advanceBy(MIN);
    expect(clock.wakeups - before).toBe(0);
    clock.advanceBy(14 * MIN);
    expect(clock.wakeups - before).toBe(1);
  });

  it('joining a call while away ends the absence when the call begins, not at the next sample', () => {
    const { sched, user, clock, of, run, t0 } = setup();
    run(10);
    user.stop();
    run(10); // away since minute 10 (seen at 15), looked at every 30 s since
    clock.advanceBy(10_000);
    sched.setHolds(['call']);
    expect(of('natural-break')).toMatchObject([{ at: t0 + 20 * MIN + 10_000, from: t0 + 10 * MIN, seconds: 610 }]);
  });
});

describe('status for the tray, the finer rules', () => {
  it('shows no next break while on a break, paused or away', () => {
    const onBreak = setup();
    onBreak.sched.dispatch({ do: 'start-break' });
    expect(onBreak.sched.status()).toMatchObject({ phase: 'on-break', nextBreak: null });
    const paused = setup();
    paused.sched.dispatch({ do: 'pause' });
    expect(paused.sched.status()).toMatchObject({ phase: 'paused', nextBreak: null });
    const away = setup();
    away.user.stop();
    away.run(6);
    expect(away.sched.status()).toMatchObject({ phase: 'away', nextBreak: null });
  });

  it('during the prompt of a snoozed break, shows the break as due now', () => {
    const { sched, run, t0 } = setup({ patch: (s) => (s.headsUpSeconds = 0) });
    run(30);
    sched.dispatch({ do: 'snooze' }); // prompted again at 35
    run(5.5);
    expect(sched.status()).toMatchObject({ phase: 'prompt', nextBreak: { at: t0 + 35.5 * MIN, kind: 'micro' } });
  });

  it('the breaks of the day start again from 0 on the next day', () => {
    const { sched, clock } = setup();
    sched.dispatch({ do: 'start-break' });
    clock.advanceBy(MIN);
    sched.dispatch({ do: 'finish' });
    expect(sched.status().breaksToday).toBe(1);
    sched.dispatch({ do: 'pause' });
    clock.advanceBy(24 * 60 * MIN);
    expect(sched.status().breaksToday).toBe(0);
  });
});

describe('answers that do not apply now', () => {
  it('asking for a break while one runs changes nothing', () => {
    const { sched, clock, of, t0 } = setup();
    sched.dispatch({ do: 'start-break' });
    clock.advanceBy(20_000);
    sched.dispatch({ do: 'start-break', kind: 'long' });
    expect(of('break-start')).toHaveLength(1);
    expect(sched.status().currentBreak).toEqual({ kind: 'micro', startedAt: t0 });
  });

  it('finish with no break running does nothing', () => {
    const { sched, events, run } = setup();
    run(10);
    sched.dispatch({ do: 'finish' });
    expect(events).toEqual([]);
    expect(sched.status().phase).toBe('working');
  });

  it('snooze while paused, or after breaks were turned off, does nothing', () => {
    const paused = setup();
    paused.run(10);
    paused.sched.dispatch({ do: 'pause' });
    paused.sched.dispatch({ do: 'snooze' });
    expect(paused.of('snoozed')).toEqual([]);
    const off = setup();
    off.run(10);
    off.sched.setSettings({ ...off.settings, microBreak: { ...off.settings.microBreak, enabled: false }, longBreak: { ...off.settings.longBreak, enabled: false } });
    off.sched.dispatch({ do: 'snooze' });
    expect(off.of('snoozed')).toEqual([]);
  });

  it('resume when not paused does nothing: the cycle goes on', () => {
    const { sched, of, m, run } = setup({ patch: (s) => (s.headsUpSeconds = 0) });
    run(10);
    sched.dispatch({ do: 'resume' });
    run(21);
    expect(of('resumed')).toEqual([]);
    expect(of('break-prompt').map(m)).toEqual([30]);
  });
});
