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
  it('a break exactly at its length when the machine sleeps is completed', () => {
    const { sched, clock, of } = setup();
    sched.dispatch({ do: 'start-break' });
    clock.advanceBy(60_000);
    sched.power('suspend');
    expect(of('break-end')).toMatchObject([{ outcome: 'completed', seconds: 60 }]);
  });

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
