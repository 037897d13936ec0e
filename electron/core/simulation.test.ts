import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario, simulateText, timelineEntry } from './simulation.ts';
import type { Scenario } from './simulation.ts';
// Example scenarios ship with the repository; JSON imports keep this test free of file-system code.
import normalDay from '../../scenarios/normal-day.json' with { type: 'json' };
import lunchAway from '../../scenarios/lunch-away.json' with { type: 'json' };
import meetings from '../../scenarios/meetings.json' with { type: 'json' };
import week from '../../scenarios/week-work-hours.json' with { type: 'json' };
import dst from '../../scenarios/dst-change.json' with { type: 'json' };
import meetingDay from '../../scenarios/meeting-day.json' with { type: 'json' };

const BERLIN = 'Europe/Berlin';
const base = { start: '2026-11-23T09:00:00+01:00', end: '2026-11-23T10:00:00+01:00' };

function problems(input: unknown): string[] {
  const r = parseScenario(input, BERLIN);
  return r.ok ? [] : r.problems.map((p) => p.message);
}

function scenario(input: unknown): Scenario {
  const r = parseScenario(input, BERLIN);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.scenario;
}

describe('scenario validation', () => {
  it('accepts the minimal scenario with defaults for everything else', () => {
    const sc = scenario(base);
    expect(sc.user).toEqual({ onHeadsUp: 'wait', onPrompt: 'start', completes: true });
    expect(sc.settings.microBreak.everyMinutes).toBe(30);
    expect(sc.timeZone).toBe(BERLIN);
  });

  it('names the offending setting with its range, from the settings schema', () => {
    expect(problems({ ...base, settings: { microBreak: { everyMinutes: 3 } } })).toEqual([
      'settings.microBreak.everyMinutes must be a whole number from 5 to 240 minutes',
    ]);
    expect(problems({ ...base, settings: { workHours: { start: '10:00', end: '09:00' } } })[0]).toMatch(/^settings\.workHours\.end /);
    expect(problems({ ...base, settings: { snoozeMinuts: 5 } })).toContain('settings.snoozeMinuts is not a known setting');
  });

  it('names the offending scenario field', () => {
    expect(problems({ ...base, start: 'tomorrow' })[0]).toMatch(/^start must be an ISO-8601/);
    expect(problems({ ...base, end: base.start })).toEqual(['end must be later than start']);
    expect(problems({ ...base, activity: [{ from: base.start, to: base.end, state: 'napping' }] })[0]).toMatch(/^activity\[0\]\.state must be one of/);
    expect(problems({ ...base, activity: [{ from: base.end, to: base.start, state: 'idle' }] })[0]).toMatch(/^activity\[0\]\.to must be later/);
    expect(
      problems({
        ...base,
        activity: [
          { from: '2026-11-23T09:10', to: '2026-11-23T09:30', state: 'idle' },
          { from: '2026-11-23T09:20', to: '2026-11-23T09:40', state: 'locked' },
        ],
      }),
    ).toEqual(['activity[1] overlaps activity[0]']);
    expect(problems({ ...base, actions: [{ at: base.start, do: 'dance' }] })[0]).toMatch(/^actions\[0\]\.do must be one of/);
    expect(problems({ ...base, actions: [{ at: base.start, do: 'pause', minutes: 0 }] })[0]).toMatch(/^actions\[0\]\.minutes must be/);
    expect(problems({ ...base, actions: [{ at: '2026-11-24T09:00:00+01:00', do: 'skip' }] })).toEqual(['actions[0].at must be between start and end']);
    expect(problems({ ...base, user: { onPrompt: 'later' } })[0]).toMatch(/^user\.onPrompt must be one of/);
    expect(problems({ ...base, timeZone: 'Mars/Olympus' })[0]).toMatch(/^timeZone must be/);
    expect(problems({ ...base, extra: 1 })[0]).toMatch(/^extra is not a known field/);
    expect(problems([1, 2])).toEqual(['the scenario must be a JSON object']);
  });

  it('reads times without an offset as local time in the scenario zone', () => {
    const sc = scenario({ start: '2026-07-01T09:00', end: '2026-07-01T10:00', timeZone: 'America/New_York' });
    expect(sc.start).toBe(Date.parse('2026-07-01T09:00:00-04:00'));
    expect(problems({ ...base, start: '2026-02-30T09:00:00+01:00' })[0]).toMatch(/^start /);
  });

  it('exits 2 on invalid JSON or an invalid scenario, naming the field', () => {
    expect(simulateText('{', BERLIN)).toMatchObject({ code: 2 });
    const r = simulateText(JSON.stringify({ ...base, settings: { awayAfterMinutes: 99 } }), BERLIN);
    expect(r).toEqual({ code: 2, message: 'settings.awayAfterMinutes must be a whole number from 2 to 30 minutes' });
  });
});

describe('timeline', () => {
  it('prints one JSON object a line with local ISO times, kind, outcome and until', () => {
    const r = simulateText(JSON.stringify({ ...base, settings: { snoozeMinutes: 5 }, actions: [{ at: '2026-11-23T09:30:00+01:00', do: 'snooze' }], user: { onPrompt: 'ignore' } }), BERLIN);
    expect(r.code).toBe(0);
    const lines = (r as { output: string }).output.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.slice(0, 4)).toEqual([
      { at: '2026-11-23T09:29:00+01:00', type: 'heads-up', kind: 'micro', breakAt: '2026-11-23T09:30:00+01:00' },
      { at: '2026-11-23T09:30:00+01:00', type: 'break-prompt', kind: 'micro' },
      { at: '2026-11-23T09:30:00+01:00', type: 'snoozed', kind: 'micro', until: '2026-11-23T09:35:00+01:00' },
      { at: '2026-11-23T09:34:00+01:00', type: 'heads-up', kind: 'micro', breakAt: '2026-11-23T09:35:00+01:00' },
    ]);
    expect(timelineEntry({ type: 'break-end', at: 0, kind: 'long', outcome: 'completed', seconds: 300 }, 'UTC')).toEqual({
      at: '1970-01-01T00:00:00+00:00',
      type: 'break-end',
      kind: 'long',
      outcome: 'completed',
      seconds: 300,
    });
  });

  it('the normal day: breaks every 30 minutes of work, every 4th long, lunch as a natural long break', () => {
    const { events } = runScenario(scenario(normalDay));
    const taken = events.filter((e) => e.type === 'break-end' || e.type === 'natural-break').map((e) => `${e.type}:${'kind' in e ? e.kind : ''}`);
    expect(taken.slice(0, 7)).toEqual([
      'break-end:micro',
      'break-end:micro',
      'break-end:micro',
      'break-end:long',
      'break-end:micro',
      'break-end:micro',
      'natural-break:long',
    ]);
    const lunch = events.find((e) => e.type === 'natural-break');
    expect(lunch).toMatchObject({ from: Date.parse('2026-11-23T12:30:00+01:00'), at: Date.parse('2026-11-23T13:15:00+01:00') });
  });

  it('the lunch away: the absence is counted from the start of the idle stretch', () => {
    const { events } = runScenario(scenario(lunchAway));
    expect(events.filter((e) => e.type === 'natural-break')).toMatchObject([
      { kind: 'long', from: Date.parse('2026-11-24T12:05:00+01:00'), at: Date.parse('2026-11-24T13:05:00+01:00'), seconds: 3600 },
    ]);
    const next = events.find((e) => e.type === 'break-prompt' && e.at > Date.parse('2026-11-24T13:05:00+01:00'));
    expect(next?.at).toBe(Date.parse('2026-11-24T13:35:00+01:00'));
  });

  it('the meetings day: pause, resume and a long break by hand', () => {
    const { events } = runScenario(scenario(meetings));
    expect(events.filter((e) => e.type === 'paused' || e.type === 'resumed').map((e) => [e.type, e.at])).toEqual([
      ['paused', Date.parse('2026-11-25T13:30:00+01:00')],
      ['resumed', Date.parse('2026-11-25T14:30:00+01:00')],
      ['paused', Date.parse('2026-11-25T15:45:00+01:00')],
      ['resumed', Date.parse('2026-11-25T16:15:00+01:00')],
    ]);
    expect(events.find((e) => e.type === 'break-start' && e.manual)).toMatchObject({ kind: 'long', at: Date.parse('2026-11-25T16:30:00+01:00') });
  });

  it('the week with work hours: reminders only on weekdays 09:00–17:00, the first at 09:30 each day', () => {
    const sc = scenario(week);
    const { events } = runScenario(sc);
    const prompts = events.filter((e) => e.type === 'break-prompt');
    const byDay = new Map<string, number>();
    for (const p of prompts) {
      const local = new Date(p.at + 3_600_000).toISOString(); // Berlin is UTC+1 in November
      expect(local.slice(11, 16) >= '09:30' && local.slice(11, 16) < '17:00').toBe(true);
      const day = local.slice(0, 10);
      if (!byDay.has(day)) byDay.set(day, p.at);
    }
    expect([...byDay.keys()]).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
    // Thursday is paused from 14:00 until Friday's start: no prompt in between.
    const paused = prompts.filter((p) => p.at > Date.parse('2026-11-26T14:00:00+01:00') && p.at < Date.parse('2026-11-27T09:00:00+01:00'));
    expect(paused).toEqual([]);
    for (const [day, first] of byDay) expect(first).toBe(Date.parse(`${day}T09:30:00+01:00`));
  });

  it('the DST change: the same local times before and after the switch', () => {
    const { events } = runScenario(scenario(dst));
    const firsts = ['2026-03-27T09:30:00+01:00', '2026-03-28T09:30:00+01:00', '2026-03-29T09:30:00+02:00', '2026-03-30T09:30:00+02:00'].map(Date.parse);
    const prompts = events.filter((e) => e.type === 'break-prompt').map((e) => e.at);
    for (const f of firsts) expect(prompts).toContain(f);
    const out = simulateText(JSON.stringify(dst));
    expect(out.code === 0 && out.output.includes('"at":"2026-03-29T09:30:00+02:00","type":"break-prompt"')).toBe(true);
  });
});

describe('busy intervals', () => {
  const call = { from: '2026-11-23T09:10:00+01:00', to: '2026-11-23T09:40:00+01:00', reason: 'call' };

  it('validates each entry with the same care, naming the field', () => {
    expect(problems({ ...base, busy: [{ ...call, reason: 'lunch' }] })).toEqual([
      'busy[0].reason must be one of: call, screen-sharing, presentation, fullscreen, do-not-disturb',
    ]);
    expect(problems({ ...base, busy: [call, { ...call, from: 'soon' }] })).toEqual(['busy[1].from must be an ISO-8601 date-time']);
    expect(problems({ ...base, busy: [{ ...call, to: call.from }] })).toEqual(['busy[0].to must be later than busy[0].from']);
    expect(problems({ ...base, busy: [{ ...call, why: 'x' }] })[0]).toMatch(/^busy\[0\]\.why is not a known field/);
    expect(problems({ ...base, busy: [7] })).toEqual(['busy[0] must be an object {"from", "to", "reason"}']);
    expect(problems({ ...base, busy: {} })).toEqual(['busy must be a list of {"from", "to", "reason"}']);
    expect(problems({ ...base, settings: { holdDuring: ['call', 'nap'] } })[0]).toMatch(/^settings\.holdDuring/);
    expect(problems({ ...base, settings: { holdLimitMinutes: 10 } })).toEqual(['settings.holdLimitMinutes must be a whole number from 15 to 240 minutes']);
    const r = simulateText(JSON.stringify({ ...base, busy: [{ ...call, reason: 'lunch' }] }), BERLIN);
    expect(r).toMatchObject({ code: 2, message: expect.stringMatching(/^busy\[0\]\.reason /) });
  });

  it('overlapping intervals are allowed (a call during do-not-disturb)', () => {
    expect(problems({ ...base, busy: [call, { ...call, reason: 'do-not-disturb' }] })).toEqual([]);
  });

  it('holds the break through the call and prints break-held with its reason', () => {
    const r = simulateText(JSON.stringify({ ...base, busy: [call] }), BERLIN);
    const lines = (r as { output: string }).output.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.slice(0, 3)).toEqual([
      { at: '2026-11-23T09:29:00+01:00', type: 'break-held', kind: 'micro', reason: 'call' },
      { at: '2026-11-23T09:41:00+01:00', type: 'heads-up', kind: 'micro', breakAt: '2026-11-23T09:42:00+01:00' },
      { at: '2026-11-23T09:42:00+01:00', type: 'break-prompt', kind: 'micro' },
    ]);
  });

  it('a meeting that begins at the heads-up instant holds it (the change comes before the timer)', () => {
    const { events } = runScenario(scenario({ ...base, busy: [{ ...call, from: '2026-11-23T09:29:00+01:00' }] }));
    expect(events[0]).toMatchObject({ type: 'break-held', at: Date.parse('2026-11-23T09:29:00+01:00') });
  });

  it('answers the scheduler’s checks from the intervals, and counts them', () => {
    const r = runScenario(scenario({ ...base, busy: [call] }));
    expect(r.holdChecks).toBeGreaterThan(0);
    expect(runScenario(scenario(base)).holdChecks).toBe(0);
  });

  it('the meeting day: back-to-back calls are one hold, a long hold brings the stretch session, one hold notice', () => {
    const { events } = runScenario(scenario(meetingDay));
    const at = (s: string) => Date.parse(`2026-11-26T${s}:00+01:00`);
    expect(events.filter((e) => e.type === 'break-held').map((e) => [e.at, 'reason' in e && e.reason])).toEqual([
      [at('09:24'), 'call'],
      [at('11:18'), 'presentation'],
      [at('13:39'), 'do-not-disturb'],
    ]);
    expect(events.filter((e) => e.type === 'hold-notice').map((e) => e.at)).toEqual([at('14:39')]);
    const prompts = events.filter((e) => e.type === 'break-prompt').map((e) => [e.at, 'kind' in e && e.kind]);
    expect(prompts).toContainEqual([at('10:17'), 'micro']);
    expect(prompts).toContainEqual([at('11:47'), 'micro']);
    expect(prompts).toContainEqual([at('16:02'), 'long']);
  });
});

describe('organisation policy in the simulator', () => {
  const day = { start: '2026-11-23T09:00:00+01:00', end: '2026-11-23T12:00:00+01:00' };
  const lines = (input: unknown) => {
    const r = simulateText(JSON.stringify(input), BERLIN);
    if (r.code !== 0) throw new Error(r.message);
    return r.output.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  };

  it('prints refused for a forbidden action at its time, and does not carry it out', () => {
    const out = lines({
      ...day,
      policy: { managed: { policy: { allowSkip: false, maxPauseMinutes: 60 } } },
      actions: [
        { at: '2026-11-23T09:10:00+01:00', do: 'pause', minutes: 90 },
        { at: '2026-11-23T09:11:00+01:00', do: 'pause' },
        { at: '2026-11-23T09:12:00+01:00', do: 'pause', until: 'tomorrow' },
        { at: '2026-11-23T09:13:00+01:00', do: 'skip' },
        { at: '2026-11-23T09:14:00+01:00', do: 'pause', minutes: 30 },
      ],
    });
    expect(out.slice(0, 5)).toEqual([
      { at: '2026-11-23T09:10:00+01:00', type: 'refused', do: 'pause', reason: 'policy' },
      { at: '2026-11-23T09:11:00+01:00', type: 'refused', do: 'pause', reason: 'policy' },
      { at: '2026-11-23T09:12:00+01:00', type: 'refused', do: 'pause', reason: 'policy' },
      { at: '2026-11-23T09:13:00+01:00', type: 'refused', do: 'skip', reason: 'policy' },
      { at: '2026-11-23T09:14:00+01:00', type: 'paused', until: '2026-11-23T09:44:00+01:00' },
    ]);
  });

  it('the scenario settings are the user’s: managed wins over them, recommended only fills the rest', () => {
    const sc = scenario({
      ...day,
      settings: { microBreak: { durationSeconds: 30 }, snoozeMinutes: 2 },
      policy: { managed: { microBreak: { durationSeconds: 120 } }, recommended: { microBreak: { everyMinutes: 45 }, snoozeMinutes: 9 } },
    });
    expect(sc.settings.microBreak).toEqual({ enabled: true, everyMinutes: 45, durationSeconds: 120 });
    expect(sc.settings.snoozeMinutes).toBe(2);
    expect(lines({ ...day, policy: { recommended: { microBreak: { everyMinutes: 45 } } } })[0]).toMatchObject({ type: 'heads-up', at: '2026-11-23T09:44:00+01:00' });
  });

  it('with several computers, a forbidden action is refused on the computer where it was made, and the rest still run', () => {
    const out = lines({
      ...day,
      devices: [
        { id: 'desk', activity: [{ from: '2026-11-23T09:05:00+01:00', to: '2026-11-23T12:00:00+01:00', state: 'idle' }] },
        { id: 'laptop', activity: [{ from: '2026-11-23T09:00:00+01:00', to: '2026-11-23T09:05:00+01:00', state: 'idle' }] },
      ],
      policy: { managed: { policy: { allowSkip: false, maxPauseMinutes: 60 } } },
      actions: [
        { at: '2026-11-23T09:10:00+01:00', do: 'pause', minutes: 90, device: 'desk' },
        { at: '2026-11-23T09:11:00+01:00', do: 'skip' },
        { at: '2026-11-23T09:12:00+01:00', do: 'pause', minutes: 30, device: 'desk' },
      ],
    });
    expect(out.slice(0, 3)).toEqual([
      { at: '2026-11-23T09:10:00+01:00', type: 'refused', do: 'pause', reason: 'policy', device: 'desk' },
      { at: '2026-11-23T09:11:00+01:00', type: 'refused', do: 'skip', reason: 'policy', device: 'laptop' },
      { at: '2026-11-23T09:12:00+01:00', type: 'paused', until: '2026-11-23T09:42:00+01:00', device: 'desk' },
    ]);
  });

  it('a skip the policy forbids is not offered to the simulated user', () => {
    const out = lines({ ...day, policy: { managed: { policy: { allowSkip: false } } }, user: { onPrompt: 'skip' } });
    expect(out.some((e) => e.outcome === 'skipped')).toBe(false);
    expect(out.some((e) => e.type === 'refused')).toBe(false);
  });

  it('an invalid policy value exits 2 naming the field', () => {
    expect(problems({ ...day, policy: { managed: { microBreak: { everyMinutes: 2 } }, recommended: { policy: { allowSkip: false } } } })).toEqual([
      'policy.recommended.policy.allowSkip can only be managed (set in a managed policy), not recommended',
      'policy.managed.microBreak.everyMinutes must be a whole number from 5 to 240 minutes',
    ]);
    expect(problems({ ...day, policy: { admin: {} } })).toEqual(['policy.admin is not a known field (allowed: managed, recommended)']);
  });
});

describe('organisation policy in the simulator: clashes', () => {
  it('a user setting that does not fit a managed one gives way, as in the app, and the scenario runs', () => {
    const sc = scenario({
      start: '2026-11-23T09:00:00+01:00',
      end: '2026-11-23T10:00:00+01:00',
      settings: { workHours: { enabled: true, start: '16:00' } },
      policy: { managed: { workHours: { end: '15:00' } } },
    });
    expect(sc.settings.workHours).toMatchObject({ enabled: true, start: '09:00', end: '15:00' });
  });
});
