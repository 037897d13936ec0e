// The timeline simulator (docs/simulator.md): scenario parsing and validation, and the run loop that drives the real
// Scheduler with a VirtualClock and a scripted user. Pure: the CLI (scripts/simulate.ts) only reads and prints.
import { VirtualClock } from './clock.ts';
import { ACTIVITY_STATES, ScriptedActivity } from './activity-script.ts';
import type { ActivitySegment, ActivityState } from './activity-script.ts';
import { Scheduler } from './scheduler.ts';
import type { BreakKind, SchedulerAction, SchedulerEvent } from './scheduler.ts';
import { defaultSettings, validateSettings } from './settings.ts';
import type { Settings } from './settings.ts';
import { currentTimeZone, formatLocalIso, isValidTimeZone, localToEpoch, offsetMinutes } from './work-hours.ts';

export type HeadsUpAnswer = 'wait' | 'start' | 'snooze' | 'skip';
export type PromptAnswer = 'start' | 'snooze' | 'skip' | 'ignore';

export interface SimulatedUser {
  onHeadsUp: HeadsUpAnswer;
  onPrompt: PromptAnswer;
  /** Started breaks run to their end (`finish`); otherwise the user closes them halfway (`skip`). */
  completes: boolean;
}

export interface Scenario {
  start: number;
  end: number;
  settings: Settings;
  activity: ActivitySegment[];
  actions: Array<{ at: number; action: SchedulerAction }>;
  user: SimulatedUser;
  timeZone: string;
}

export interface ScenarioProblem {
  path: string;
  message: string;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

/** Longest scenario accepted: a little over a year of simulated time. */
export const MAX_SPAN_DAYS = 400;

const HEADS_UP: readonly HeadsUpAnswer[] = ['wait', 'start', 'snooze', 'skip'];
const PROMPT: readonly PromptAnswer[] = ['start', 'snooze', 'skip', 'ignore'];
const ACTIONS = ['start-break', 'snooze', 'skip', 'finish', 'pause', 'resume'] as const;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?$/;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** ISO-8601 date-time; without an offset it is local time in the scenario's zone. */
export function parseTime(s: unknown, timeZone: string): number | null {
  if (typeof s !== 'string') return null;
  const m = ISO_RE.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi, sec, ms, off] = m;
  const parts = [y, mo, d, h, mi].map(Number) as [number, number, number, number, number];
  const [year, month, day, hour, minute] = parts;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || Number(sec ?? 0) > 59) return null;
  const extra = Number(sec ?? 0) * 1000 + Number((ms ?? '0').padEnd(3, '0'));
  let t: number;
  if (off) t = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:00${off === 'Z' ? 'Z' : off}`) + extra;
  else t = localToEpoch(year, month, day, hour, minute, timeZone) + extra;
  // Reject dates that do not exist (2026-02-30).
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day) return null;
  return Number.isFinite(t) ? t : null;
}

function unknownKeys(obj: Record<string, unknown>, allowed: readonly string[], prefix: string, problems: ScenarioProblem[]): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) problems.push({ path: prefix + k, message: `${prefix}${k} is not a known field (allowed: ${allowed.join(', ')})` });
  }
}

function parseSettings(input: unknown, problems: ScenarioProblem[]): Settings {
  if (input === undefined) return defaultSettings();
  if (!isRecord(input)) {
    problems.push({ path: 'settings', message: 'settings must be an object with any subset of the settings' });
    return defaultSettings();
  }
  const defaults = defaultSettings() as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(input)) {
    const d = defaults[k];
    if (d === undefined) problems.push({ path: `settings.${k}`, message: `settings.${k} is not a known setting` });
    else if (isRecord(d) && isRecord(v)) {
      for (const sub of Object.keys(v)) {
        if (!(sub in d)) problems.push({ path: `settings.${k}.${sub}`, message: `settings.${k}.${sub} is not a known setting` });
      }
    }
  }
  const r = validateSettings(input);
  if (!r.ok) {
    for (const p of r.problems) problems.push({ path: `settings.${p.path}`, message: `settings.${p.message}` });
    return defaultSettings();
  }
  return r.settings;
}

function parseAction(x: unknown, path: string, zone: string, problems: ScenarioProblem[]): { at: number; action: SchedulerAction } | null {
  if (!isRecord(x)) {
    problems.push({ path, message: `${path} must be an object like {"at": "…", "do": "pause", "minutes": 60}` });
    return null;
  }
  const at = parseTime(x.at, zone);
  if (at === null) problems.push({ path: `${path}.at`, message: `${path}.at must be an ISO-8601 date-time` });
  const what = x.do;
  if (typeof what !== 'string' || !(ACTIONS as readonly string[]).includes(what)) {
    problems.push({ path: `${path}.do`, message: `${path}.do must be one of: ${ACTIONS.join(', ')}` });
    return null;
  }
  let action: SchedulerAction;
  if (what === 'start-break') {
    unknownKeys(x, ['at', 'do', 'kind'], `${path}.`, problems);
    if (x.kind !== undefined && x.kind !== 'micro' && x.kind !== 'long') {
      problems.push({ path: `${path}.kind`, message: `${path}.kind must be micro or long` });
      return null;
    }
    action = x.kind === undefined ? { do: 'start-break' } : { do: 'start-break', kind: x.kind as BreakKind };
  } else if (what === 'pause') {
    unknownKeys(x, ['at', 'do', 'minutes', 'until'], `${path}.`, problems);
    if (x.until !== undefined && x.until !== 'tomorrow') {
      problems.push({ path: `${path}.until`, message: `${path}.until must be "tomorrow"` });
      return null;
    }
    const m = x.minutes;
    if (m !== undefined && (typeof m !== 'number' || !Number.isInteger(m) || m < 1 || m > 10_080)) {
      problems.push({ path: `${path}.minutes`, message: `${path}.minutes must be a whole number from 1 to 10080` });
      return null;
    }
    if (m !== undefined && x.until !== undefined) {
      problems.push({ path: `${path}.minutes`, message: `${path}.minutes and ${path}.until cannot both be given` });
      return null;
    }
    action = x.until === 'tomorrow' ? { do: 'pause', until: 'tomorrow' } : m !== undefined ? { do: 'pause', minutes: m } : { do: 'pause' };
  } else {
    unknownKeys(x, ['at', 'do'], `${path}.`, problems);
    action = { do: what } as SchedulerAction;
  }
  return at === null ? null : { at, action };
}

/** Validate a scenario (parsed JSON). Every problem names its field, e.g. `activity[2].to must be after from`. */
export function parseScenario(input: unknown, defaultTimeZone: string = currentTimeZone()): ParseResult {
  const problems: ScenarioProblem[] = [];
  if (!isRecord(input)) return { ok: false, problems: [{ path: '(scenario)', message: 'the scenario must be a JSON object' }] };
  unknownKeys(input, ['start', 'end', 'settings', 'activity', 'actions', 'user', 'timeZone'], '', problems);

  let timeZone = defaultTimeZone;
  if (input.timeZone !== undefined) {
    if (typeof input.timeZone !== 'string' || !isValidTimeZone(input.timeZone)) {
      problems.push({ path: 'timeZone', message: 'timeZone must be an IANA time zone name such as Europe/Berlin' });
    } else timeZone = input.timeZone;
  }

  const start = parseTime(input.start, timeZone);
  if (start === null) problems.push({ path: 'start', message: 'start must be an ISO-8601 date-time such as 2026-11-23T08:55:00+01:00' });
  const end = parseTime(input.end, timeZone);
  if (end === null) problems.push({ path: 'end', message: 'end must be an ISO-8601 date-time such as 2026-11-23T18:00:00+01:00' });
  if (start !== null && end !== null) {
    if (end <= start) problems.push({ path: 'end', message: 'end must be later than start' });
    else if (end - start > MAX_SPAN_DAYS * 86_400_000) problems.push({ path: 'end', message: `end must be at most ${MAX_SPAN_DAYS} days after start` });
  }

  const settings = parseSettings(input.settings, problems);

  const activity: ActivitySegment[] = [];
  if (input.activity !== undefined && !Array.isArray(input.activity)) {
    problems.push({ path: 'activity', message: 'activity must be a list of {"from", "to", "state"}' });
  } else {
    (input.activity ?? []).forEach((x: unknown, i: number) => {
      const path = `activity[${i}]`;
      if (!isRecord(x)) return problems.push({ path, message: `${path} must be an object {"from", "to", "state"}` });
      unknownKeys(x, ['from', 'to', 'state'], `${path}.`, problems);
      const from = parseTime(x.from, timeZone);
      const to = parseTime(x.to, timeZone);
      if (from === null) problems.push({ path: `${path}.from`, message: `${path}.from must be an ISO-8601 date-time` });
      if (to === null) problems.push({ path: `${path}.to`, message: `${path}.to must be an ISO-8601 date-time` });
      if (typeof x.state !== 'string' || !(ACTIVITY_STATES as readonly string[]).includes(x.state)) {
        problems.push({ path: `${path}.state`, message: `${path}.state must be one of: ${ACTIVITY_STATES.join(', ')}` });
        return;
      }
      if (from === null || to === null) return;
      if (to <= from) return problems.push({ path: `${path}.to`, message: `${path}.to must be later than ${path}.from` });
      activity.push({ from, to, state: x.state as ActivityState });
    });
    const sorted = activity.map((s, i) => ({ s, i })).sort((a, b) => a.s.from - b.s.from);
    for (let k = 1; k < sorted.length; k++) {
      const a = sorted[k - 1]!;
      const b = sorted[k]!;
      if (b.s.from < a.s.to) problems.push({ path: `activity[${b.i}]`, message: `activity[${b.i}] overlaps activity[${a.i}]` });
    }
  }

  const actions: Scenario['actions'] = [];
  if (input.actions !== undefined && !Array.isArray(input.actions)) {
    problems.push({ path: 'actions', message: 'actions must be a list of {"at", "do", …}' });
  } else {
    (input.actions ?? []).forEach((x: unknown, i: number) => {
      const a = parseAction(x, `actions[${i}]`, timeZone, problems);
      if (!a) return;
      if (start !== null && end !== null && (a.at < start || a.at > end)) {
        problems.push({ path: `actions[${i}].at`, message: `actions[${i}].at must be between start and end` });
      }
      actions.push(a);
    });
  }

  const user: SimulatedUser = { onHeadsUp: 'wait', onPrompt: 'start', completes: true };
  if (input.user !== undefined) {
    const u = input.user;
    if (!isRecord(u)) problems.push({ path: 'user', message: 'user must be an object {"onHeadsUp", "onPrompt", "completes"}' });
    else {
      unknownKeys(u, ['onHeadsUp', 'onPrompt', 'completes'], 'user.', problems);
      if (u.onHeadsUp !== undefined) {
        if (typeof u.onHeadsUp === 'string' && (HEADS_UP as readonly string[]).includes(u.onHeadsUp)) user.onHeadsUp = u.onHeadsUp as HeadsUpAnswer;
        else problems.push({ path: 'user.onHeadsUp', message: `user.onHeadsUp must be one of: ${HEADS_UP.join(', ')}` });
      }
      if (u.onPrompt !== undefined) {
        if (typeof u.onPrompt === 'string' && (PROMPT as readonly string[]).includes(u.onPrompt)) user.onPrompt = u.onPrompt as PromptAnswer;
        else problems.push({ path: 'user.onPrompt', message: `user.onPrompt must be one of: ${PROMPT.join(', ')}` });
      }
      if (u.completes !== undefined) {
        if (typeof u.completes === 'boolean') user.completes = u.completes;
        else problems.push({ path: 'user.completes', message: 'user.completes must be true or false' });
      }
    }
  }

  if (problems.length || start === null || end === null) return { ok: false, problems };
  actions.sort((a, b) => a.at - b.at); // stable: same-instant actions keep their order
  return { ok: true, scenario: { start, end, settings, activity, actions, user, timeZone } };
}

export interface SimulationResult {
  events: SchedulerEvent[];
  /** Timer wake-ups of the scheduler (the simulated user's own reactions are not timers). */
  wakeups: number;
}

interface Pending {
  at: number;
  seq: number;
  fn: () => void;
}

/** Run the real Scheduler over a scenario. Deterministic: the same scenario always gives the same events. */
export function runScenario(sc: Scenario, opts: { onEvent?: (e: SchedulerEvent, clock: VirtualClock) => void } = {}): SimulationResult {
  const clock = new VirtualClock(sc.start);
  const activity = new ScriptedActivity(sc.activity, clock);
  const scheduler = new Scheduler({ clock, activity, settings: sc.settings, timeZone: sc.timeZone });
  const events: SchedulerEvent[] = [];
  const queue: Pending[] = [];
  let seq = 0;
  const later = (at: number, fn: () => void) => {
    queue.push({ at, seq: seq++, fn });
    queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
  };
  const breakMs = (k: BreakKind) => (k === 'long' ? sc.settings.longBreak.durationMinutes * 60_000 : sc.settings.microBreak.durationSeconds * 1000);

  scheduler.onEvent((e) => {
    events.push(e);
    opts.onEvent?.(e, clock);
    const now = e.at;
    // The user answers a notification only while it is still showing (a scripted action may have come first).
    const answer = (phase: 'heads-up' | 'prompt', a: 'start' | 'snooze' | 'skip') =>
      later(now, () => scheduler.status().phase === phase && scheduler.dispatch(a === 'start' ? { do: 'start-break' } : { do: a }));
    if (e.type === 'heads-up' && sc.user.onHeadsUp !== 'wait') answer('heads-up', sc.user.onHeadsUp);
    else if (e.type === 'break-prompt' && sc.user.onPrompt !== 'ignore') answer('prompt', sc.user.onPrompt);
    else if (e.type === 'break-start') {
      const startedAt = e.at;
      const stillThisBreak = () => scheduler.status().currentBreak?.startedAt === startedAt;
      if (sc.user.completes) later(now + breakMs(e.kind), () => stillThisBreak() && scheduler.dispatch({ do: 'finish' }));
      else later(now + Math.round(breakMs(e.kind) / 2), () => stillThisBreak() && scheduler.dispatch({ do: 'skip' }));
    }
  });

  const changes = activity.changes(sc.start, sc.end);
  let ci = 0;
  let ai = 0;
  let lockSent = false;
  const syncLock = (state: ActivityState) => {
    const locked = state === 'locked';
    if (locked !== lockSent) {
      lockSent = locked;
      scheduler.power(locked ? 'lock' : 'unlock');
    }
  };
  const sleepUntil = (t: number): boolean => {
    // Asleep: nothing runs; the wall clock simply moves on.
    scheduler.power('suspend');
    let wake = sc.end;
    while (ci < changes.length && changes[ci]!.at <= sc.end) {
      const c = changes[ci++]!;
      if (c.from === 'asleep') {
        wake = c.at;
        break;
      }
    }
    if (wake >= sc.end && activity.stateAt(sc.end) === 'asleep') {
      clock.jumpTo(Math.max(t, sc.end));
      return false;
    }
    clock.jumpTo(wake);
    scheduler.power('resume');
    syncLock(activity.stateAt(wake));
    return true;
  };

  scheduler.start();
  const initial = activity.stateAt(sc.start);
  if (initial === 'asleep' && !sleepUntil(sc.start)) return { events, wakeups: clock.wakeups };
  if (initial === 'locked') syncLock('locked');

  for (;;) {
    const timer = clock.pending()[0];
    const cands = [changes[ci]?.at, sc.actions[ai]?.at, queue[0]?.at, timer].filter((x): x is number => x !== undefined);
    if (!cands.length) break;
    const t = Math.max(clock.now(), Math.min(...cands));
    if (t > sc.end) break;
    // A change of activity at t happens before the timers due at t: no prompt to a machine going to sleep.
    const changing = ci < changes.length && changes[ci]!.at <= t;
    if (changing && t > clock.now()) {
      clock.advanceTo(t - 1);
      clock.jumpTo(t);
    } else clock.advanceTo(t);
    let asleepToEnd = false;
    while (ci < changes.length && changes[ci]!.at <= t) {
      const c = changes[ci++]!;
      if (c.to === 'asleep') {
        if (!sleepUntil(t)) asleepToEnd = true;
        break;
      }
      syncLock(c.to);
    }
    if (asleepToEnd) break;
    const now = clock.now();
    while (ai < sc.actions.length && sc.actions[ai]!.at <= now) scheduler.dispatch(sc.actions[ai++]!.action);
    while (queue.length && queue[0]!.at <= now) queue.shift()!.fn();
  }
  return { events, wakeups: clock.wakeups };
}

/** One output line's object: `at` (and `until`, `from`) as ISO-8601 with the zone's offset. */
export function timelineEntry(e: SchedulerEvent, timeZone: string): Record<string, unknown> {
  const iso = (t: number) => formatLocalIso(t, timeZone);
  switch (e.type) {
    case 'heads-up':
      return { at: iso(e.at), type: e.type, kind: e.kind, breakAt: iso(e.breakAt) };
    case 'break-prompt':
      return { at: iso(e.at), type: e.type, kind: e.kind };
    case 'break-start':
      return { at: iso(e.at), type: e.type, kind: e.kind, manual: e.manual };
    case 'break-end':
      return { at: iso(e.at), type: e.type, kind: e.kind, outcome: e.outcome, seconds: e.seconds };
    case 'snoozed':
      return { at: iso(e.at), type: e.type, kind: e.kind, until: iso(e.until) };
    case 'natural-break':
      return { at: iso(e.at), type: e.type, kind: e.kind, from: iso(e.from), seconds: e.seconds };
    case 'paused':
      return { at: iso(e.at), type: e.type, until: e.until === null ? null : iso(e.until) };
    case 'resumed':
      return { at: iso(e.at), type: e.type };
  }
}

/** The simulator's output: one JSON object a line, in time order. */
export function formatTimeline(events: readonly SchedulerEvent[], timeZone: string): string {
  return events.map((e) => JSON.stringify(timelineEntry(e, timeZone))).join('\n') + (events.length ? '\n' : '');
}

/** Parse JSON text and run it; the CLI's whole job. Exit code 2 on any invalid input. */
export function simulateText(text: string, defaultTimeZone?: string): { code: 0; output: string } | { code: 2; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { code: 2, message: `the scenario is not valid JSON: ${(err as Error).message}` };
  }
  const r = parseScenario(json, defaultTimeZone);
  if (!r.ok) return { code: 2, message: r.problems.map((p) => p.message).join('\n') };
  const { events } = runScenario(r.scenario);
  return { code: 0, output: formatTimeline(events, r.scenario.timeZone) };
}

// Re-exported so callers of the simulator need one import for time formatting.
export { formatLocalIso, offsetMinutes };
