// Properties of the scheduler over random days: random activity, actions, answers and settings, run through the
// simulator (the real Scheduler, a VirtualClock, a scripted user).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScriptedActivity } from './activity-script.ts';
import type { ActivitySegment, ActivityState } from './activity-script.ts';
import { SAMPLE_MIN_MS } from './scheduler.ts';
import type { SchedulerAction } from './scheduler.ts';
import { validateSettings } from './settings.ts';
import { HOLD_GRACE_MS } from './hold-state.ts';
import { HOLD_REASONS } from './holds.ts';
import { busyAt, runScenario } from './simulation.ts';
import type { BusyInterval, Scenario, TimelineEvent } from './simulation.ts';
import { inWorkHours } from './work-hours.ts';

const MIN = 60_000;
const STARTS = ['2026-03-28T06:00:00+01:00', '2026-10-24T06:00:00+02:00', '2026-11-23T06:00:00+01:00', '2026-06-05T20:00:00+02:00'];

const settingsArb = fc
  .record({
    microBreak: fc.record({ enabled: fc.boolean(), everyMinutes: fc.integer({ min: 5, max: 90 }), durationSeconds: fc.integer({ min: 20, max: 600 }) }),
    longBreak: fc.record({ enabled: fc.boolean(), everyNth: fc.integer({ min: 2, max: 12 }), durationMinutes: fc.integer({ min: 2, max: 30 }) }),
    headsUpSeconds: fc.integer({ min: 0, max: 300 }),
    snoozeMinutes: fc.integer({ min: 1, max: 60 }),
    awayAfterMinutes: fc.integer({ min: 2, max: 30 }),
    workHours: fc.record({
      enabled: fc.boolean(),
      days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 7 }),
      start: fc.integer({ min: 0, max: 12 * 60 }),
      length: fc.integer({ min: 1, max: 11 * 60 }),
    }),
  })
  .map(({ workHours: w, ...rest }) => {
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const r = validateSettings({ ...rest, workHours: { enabled: w.enabled, days: w.days, start: hhmm(w.start), end: hhmm(w.start + w.length) } });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.settings;
  });

const actionArb: fc.Arbitrary<SchedulerAction> = fc.oneof(
  fc.constant<SchedulerAction>({ do: 'start-break' }),
  fc.constantFrom<SchedulerAction>({ do: 'start-break', kind: 'micro' }, { do: 'start-break', kind: 'long' }),
  fc.constantFrom<SchedulerAction>({ do: 'snooze' }, { do: 'skip' }, { do: 'finish' }, { do: 'resume' }, { do: 'pause' }),
  fc.integer({ min: 1, max: 180 }).map<SchedulerAction>((minutes) => ({ do: 'pause', minutes })),
  fc.constant<SchedulerAction>({ do: 'pause', until: 'tomorrow' }),
);

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    start: fc.constantFrom(...STARTS),
    hours: fc.integer({ min: 4, max: 30 }),
    settings: settingsArb,
    pieces: fc.array(
      fc.record({
        gap: fc.integer({ min: 0, max: 120 }),
        len: fc.integer({ min: 1, max: 240 }),
        state: fc.constantFrom<ActivityState>('idle', 'idle', 'locked', 'asleep'),
      }),
      { maxLength: 12 },
    ),
    actions: fc.array(fc.record({ offset: fc.integer({ min: 0, max: 30 * 60 }), action: actionArb }), { maxLength: 8 }),
    user: fc.record({
      onHeadsUp: fc.constantFrom('wait', 'start', 'snooze', 'skip') as fc.Arbitrary<Scenario['user']['onHeadsUp']>,
      onPrompt: fc.constantFrom('start', 'snooze', 'skip', 'ignore') as fc.Arbitrary<Scenario['user']['onPrompt']>,
      completes: fc.boolean(),
    }),
  })
  .map(({ start, hours, settings, pieces, actions, user }) => {
    const t0 = Date.parse(start);
    const end = t0 + hours * 60 * MIN;
    const activity: ActivitySegment[] = [];
    let t = t0;
    for (const p of pieces) {
      t += p.gap * MIN;
      activity.push({ from: t, to: t + p.len * MIN, state: p.state });
      t += p.len * MIN;
    }
    return {
      start: t0,
      end,
      settings,
      activity,
      actions: actions
        .map((a) => ({ at: t0 + a.offset * MIN, action: a.action }))
        .filter((a) => a.at <= end)
        .sort((a, b) => a.at - b.at),
      user,
      timeZone: 'Europe/Berlin',
    };
  });

/**
 * Time of a span the user was surely away, whatever the scheduler thinks: locked or asleep, and every stretch of
 * idle input long enough to be found — awayAfterMinutes plus the 30 s between idle samples — from its start.
 * (A stretch mixing idle with a lock counts only its locked or asleep part: a lower bound is all this check needs.)
 */
function offDeskMs(sc: Scenario, from: number, to: number): number {
  const awayMs = sc.settings.awayAfterMinutes * MIN + SAMPLE_MIN_MS;
  const spans: Array<[number, number]> = [];
  let stretch: { from: number; to: number; onlyIdle: boolean } | null = null;
  const close = () => {
    // Only what was already known at `to`: a stretch still short then was desk time then.
    if (stretch?.onlyIdle && Math.min(stretch.to, to) - stretch.from > awayMs) spans.push([stretch.from, stretch.to]);
    stretch = null;
  };
  for (const s of [...sc.activity].sort((a, b) => a.from - b.from)) {
    if (s.state === 'locked' || s.state === 'asleep') spans.push([s.from, s.to]);
    if (stretch && stretch.to === s.from) {
      stretch.to = s.to;
      stretch.onlyIdle &&= s.state === 'idle';
    } else {
      close();
      stretch = { from: s.from, to: s.to, onlyIdle: s.state === 'idle' };
    }
  }
  close();
  let ms = 0;
  for (const [a, b] of spans) ms += Math.max(0, Math.min(to, b) - Math.max(from, a));
  return ms;
}

function presenceAt(sc: Scenario, t: number) {
  const a = new ScriptedActivity(sc.activity, { now: () => t, setTimer: () => () => {} });
  return { state: a.stateAt(t), idleMs: a.idleSeconds() * 1000 };
}

const isReset = (e: TimelineEvent) => e.type === 'break-end' || e.type === 'natural-break' || e.type === 'resumed' || e.type === 'paused';

const PROPS = { numRuns: Number(process.env.PROP_RUNS ?? 150), seed: process.env.PROP_RUNS ? Date.now() : 4242 };

describe('scheduler properties', () => {
  it('never prompts (or gives a heads-up) while away, paused or outside work hours', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { events } = runScenario(sc);
        let paused = false;
        for (const e of events) {
          if (e.type === 'paused') paused = true;
          if (e.type === 'resumed') paused = false;
          if (e.type !== 'break-prompt' && e.type !== 'heads-up') continue;
          const p = presenceAt(sc, e.at);
          expect(p.state === 'locked' || p.state === 'asleep').toBe(false);
          expect(p.idleMs).toBeLessThan(sc.settings.awayAfterMinutes * MIN);
          expect(paused).toBe(false);
          expect(inWorkHours(e.at, sc.settings.workHours, sc.timeZone)).toBe(true);
          expect(sc.settings.microBreak.enabled || sc.settings.longBreak.enabled).toBe(true);
        }
      }),
      PROPS,
    );
  });

  it('separates a cycle’s first prompt from its start by a full interval of time at the desk, re-prompts by snoozeMinutes', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { events } = runScenario(sc);
        const s = sc.settings;
        const interval = (s.microBreak.enabled ? 1 : s.longBreak.everyNth) * s.microBreak.everyMinutes * MIN;
        let cycleFrom = sc.start;
        let snoozed = false;
        let lastPrompt: number | null = null;
        for (const e of events) {
          if (isReset(e)) {
            cycleFrom = e.type === 'natural-break' ? e.from + e.seconds * 1000 : e.at;
            snoozed = false;
            lastPrompt = null;
          }
          if (e.type === 'snoozed') snoozed = true;
          if (e.type !== 'break-prompt') continue;
          if (lastPrompt !== null) expect(e.at - lastPrompt).toBeGreaterThanOrEqual(s.snoozeMinutes * MIN);
          // (1 s of slack: natural-break reports whole seconds.)
          else if (!snoozed) expect(e.at - cycleFrom - offDeskMs(sc, cycleFrom, e.at)).toBeGreaterThanOrEqual(interval - 1000);
          lastPrompt = e.at;
        }
      }),
      PROPS,
    );
  });

  it('dates every natural break from where input stopped (or where the cycle began), never from when it was noticed', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { events } = runScenario(sc);
        const marks = new Set([sc.start, ...events.filter((e) => e.type !== 'natural-break').map((e) => e.at)]);
        for (const e of events) {
          if (e.type !== 'natural-break') continue;
          const stopped = presenceAt(sc, e.from - 1).state === 'active' && presenceAt(sc, e.from).state !== 'active';
          const hoursBegan = inWorkHours(e.from, sc.settings.workHours, sc.timeZone) && !inWorkHours(e.from - 1, sc.settings.workHours, sc.timeZone);
          expect(stopped || hoursBegan || marks.has(e.from)).toBe(true);
        }
      }),
      PROPS,
    );
  });

  it('honours every snooze: no prompt before its time unless the cycle restarted', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { events } = runScenario(sc);
        let until: number | null = null;
        for (const e of events) {
          if (isReset(e)) until = null;
          if (e.type === 'snoozed') {
            expect(e.until).toBeGreaterThanOrEqual(e.at + sc.settings.snoozeMinutes * MIN);
            until = e.until;
          }
          if (e.type === 'break-prompt' && until !== null) expect(e.at).toBeGreaterThanOrEqual(until);
        }
      }),
      PROPS,
    );
  });

  it('emits in time order, within the scenario, and the same input always gives the same timeline', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const a = runScenario(sc);
        const b = runScenario(structuredClone(sc));
        expect(b).toEqual(a);
        for (let i = 1; i < a.events.length; i++) expect(a.events[i]!.at).toBeGreaterThanOrEqual(a.events[i - 1]!.at);
        for (const e of a.events) {
          expect(e.at).toBeGreaterThanOrEqual(sc.start);
          expect(e.at).toBeLessThanOrEqual(sc.end);
        }
      }),
      PROPS,
    );
  });

  it('keeps timer wake-ups low on any day: at most 150 an hour', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { wakeups } = runScenario(sc);
        const hours = (sc.end - sc.start) / (60 * MIN);
        expect(wakeups / hours).toBeLessThanOrEqual(150);
      }),
      { ...PROPS, numRuns: 60 },
    );
  });
});

// ---- holds -----------------------------------------------------------------------------------------------------

const GRACE = HOLD_GRACE_MS;

const busyArb = (t0: number) =>
  fc
    .array(
      fc.record({
        gapSeconds: fc.oneof(fc.integer({ min: 0, max: 240 }), fc.integer({ min: 0, max: 7200 })),
        minutes: fc.integer({ min: 1, max: 180 }),
        reason: fc.constantFrom(...HOLD_REASONS),
        overlapWith: fc.option(fc.constantFrom(...HOLD_REASONS), { nil: undefined }),
      }),
      { maxLength: 8 },
    )
    .map((pieces) => {
      const busy: BusyInterval[] = [];
      let t = t0;
      for (const p of pieces) {
        t += p.gapSeconds * 1000;
        busy.push({ from: t, to: t + p.minutes * MIN, reason: p.reason });
        if (p.overlapWith) busy.push({ from: t + 5 * MIN, to: t + p.minutes * MIN + 10 * MIN, reason: p.overlapWith });
        t += p.minutes * MIN;
      }
      return busy;
    });

const holdDuringArb = fc.subarray([...HOLD_REASONS]);

/** Any day with random activity, actions and answers, plus meetings; the busy intervals follow the activity. */
const heldScenarioArb: fc.Arbitrary<Scenario> = fc
  .tuple(scenarioArb, holdDuringArb, fc.integer({ min: 15, max: 240 }))
  .chain(([sc, holdDuring, holdLimitMinutes]) =>
    busyArb(sc.start).map((busy) => ({ ...sc, busy, settings: { ...sc.settings, holdDuring, holdLimitMinutes } })),
  );

/** A user at the desk all day who takes every break: only the holds shape the timeline. */
const deskDayArb: fc.Arbitrary<Scenario> = fc
  .tuple(settingsArb, holdDuringArb, fc.integer({ min: 15, max: 240 }), fc.integer({ min: 4, max: 14 }))
  .chain(([settings, holdDuring, holdLimitMinutes, hours]) => {
    const start = Date.parse('2026-11-23T08:00:00+01:00');
    return busyArb(start).map<Scenario>((busy) => ({
      start,
      end: start + hours * 60 * MIN,
      settings: { ...settings, workHours: { ...settings.workHours, enabled: false }, holdDuring, holdLimitMinutes },
      activity: [],
      actions: [],
      busy,
      user: { onHeadsUp: 'wait', onPrompt: 'start', completes: true },
      timeZone: 'Europe/Berlin',
    }));
  });

const holdingAt = (sc: Scenario, t: number) => busyAt(sc.busy ?? [], t).filter((r) => sc.settings.holdDuring.includes(r));

/** The first instant from `t` on after which no holding reason is active for the whole grace. */
function holdEnds(sc: Scenario, t: number): number {
  const spans = (sc.busy ?? []).filter((b) => sc.settings.holdDuring.includes(b.reason)).sort((a, b) => a.from - b.from);
  let end = t;
  for (const b of spans) if (b.from <= end + GRACE && b.to > end) end = b.to;
  return end;
}

describe('hold properties', () => {
  it('never gives a heads-up or a prompt while a reason it holds for is active', () => {
    fc.assert(
      fc.property(heldScenarioArb, (sc) => {
        for (const e of runScenario(sc).events) {
          if (e.type === 'heads-up' || e.type === 'break-prompt') expect(holdingAt(sc, e.at)).toEqual([]);
          if (e.type === 'break-held') {
            expect(holdingAt(sc, e.at)).toContain(e.reason);
            expect(holdingAt(sc, e.at)[0]).toBe(e.reason); // the highest one
          }
        }
      }),
      PROPS,
    );
  });

  it('holds each break once: a second break-held only after the first break was taken, skipped, missed or replaced', () => {
    fc.assert(
      fc.property(heldScenarioArb, (sc) => {
        let held = false;
        let notices = 0;
        for (const e of runScenario(sc).events) {
          if (e.type === 'break-held') {
            expect(held).toBe(false);
            held = true;
            notices = 0;
          }
          if (e.type === 'hold-notice') expect(++notices).toBe(1);
          if (e.type === 'break-end' || e.type === 'natural-break' || e.type === 'paused' || e.type === 'break-start') held = false;
        }
      }),
      PROPS,
    );
  });

  it('never loses worked time: the held break comes 2 minutes after the hold ends (never later), once, as a stretch if held long', () => {
    fc.assert(
      fc.property(deskDayArb, (sc) => {
        const { events } = runScenario(sc);
        const s = sc.settings;
        const stretchMs = s.longBreak.everyNth * s.microBreak.everyMinutes * MIN;
        events.forEach((e, i) => {
          if (e.type !== 'break-held') return;
          const comes = holdEnds(sc, e.at) + GRACE;
          const next = events.slice(i + 1).find((x) => x.type === 'break-prompt' || x.type === 'break-held');
          if (comes > sc.end) return expect(next).toBeUndefined();
          expect(next?.type).toBe('break-prompt');
          // Held at the heads-up, the break itself was due headsUpSeconds later: it comes at whichever is later.
          expect(next!.at).toBeGreaterThanOrEqual(comes);
          expect(next!.at).toBeLessThanOrEqual(Math.max(comes, e.at + s.headsUpSeconds * 1000));
          const long = s.longBreak.enabled && next!.at - e.at > stretchMs;
          if (long) expect('kind' in next! && next.kind).toBe('long');
          else expect('kind' in next! && next.kind).toBe(e.kind);
        });
      }),
      PROPS,
    );
  });

  it('keeps timer wake-ups low with meetings and every source asked: at most 150 an hour', () => {
    fc.assert(
      fc.property(heldScenarioArb, (sc) => {
        const { wakeups } = runScenario(sc);
        expect(wakeups / ((sc.end - sc.start) / (60 * MIN))).toBeLessThanOrEqual(150);
      }),
      { ...PROPS, numRuns: 60 },
    );
  });
});
