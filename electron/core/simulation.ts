// The timeline simulator (docs/simulator.md): scenario parsing and validation, and the run loop that drives the real
// Scheduler with a VirtualClock and a scripted user. Pure: the CLI (scripts/simulate.ts) only reads and prints.
import { VirtualClock } from './clock.ts';
import { ACTIVITY_STATES, DEVICE_ACTIVITY_STATES, ScriptedActivity } from './activity-script.ts';
import type { ActivitySegment, ActivityState } from './activity-script.ts';
import { HOLD_REASONS } from './holds.ts';
import type { HoldReason } from './holds.ts';
import { Scheduler } from './scheduler.ts';
import type { BreakKind, SchedulerAction, SchedulerEvent } from './scheduler.ts';
import { defaultSettings, validateSettings } from './settings.ts';
import { combineSources, flattenSettings, readPolicyLayer, refusal, resolveSettings, settingKeys, type Policy } from './policy.ts';
import type { Settings } from './settings.ts';
import { runDevices } from './sync/simulate-devices.ts';
import type { DeviceEvent, SimDevice } from './sync/simulate-devices.ts';
import { currentTimeZone, formatLocalIso, isValidTimeZone, localToEpoch, offsetMinutes } from './work-hours.ts';

export type HeadsUpAnswer = 'wait' | 'start' | 'snooze' | 'skip';
export type PromptAnswer = 'start' | 'snooze' | 'skip' | 'ignore';

export interface SimulatedUser {
  onHeadsUp: HeadsUpAnswer;
  onPrompt: PromptAnswer;
  /** Started breaks run to their end; otherwise the user finishes them halfway (recorded as `partial`). */
  completes: boolean;
}

/** A stretch of time a hold reason is active (a call, a shared screen, do-not-disturb…). */
export interface BusyInterval {
  from: number;
  to: number;
  reason: HoldReason;
}

export interface Scenario {
  start: number;
  end: number;
  settings: Settings;
  activity: ActivitySegment[];
  actions: Array<{ at: number; action: SchedulerAction; device?: string }>;
  /** Optional: absent means nothing ever holds a break. */
  busy?: BusyInterval[];
  user: SimulatedUser;
  timeZone: string;
  /** Several computers (they replace `activity` and `busy`). */
  devices?: SimDevice[];
  /** How long a change takes to reach the other computers. */
  syncDelaySeconds?: number;
  /** Organisation policy; `settings` is then the merge of it with the user's own. */
  policy?: Policy;
}

import type { RefusedEvent } from './policy.ts';
export type { RefusedEvent } from './policy.ts';

export type TimelineEvent = SchedulerEvent | RefusedEvent;

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

/** The dotted keys the scenario's user set (their own settings; the rest follow the policy's recommendation). */
function userLeaves(input: unknown, settings: Settings): Record<string, unknown> {
  if (!isRecord(input)) return {};
  const all = flattenSettings(settings);
  return Object.fromEntries(
    settingKeys()
      .filter((k) => {
        const [g, sub] = k.split('.') as [string, string | undefined];
        return sub === undefined ? g in input : isRecord(input[g]) && sub in input[g];
      })
      .map((k) => [k, all[k]]),
  );
}

/** `policy: {managed, recommended}` with the policy files' shapes; here a bad value is a bad scenario (exit 2). */
function parsePolicy(input: unknown, problems: ScenarioProblem[]): Policy | undefined {
  if (input === undefined) return undefined;
  if (!isRecord(input)) {
    problems.push({ path: 'policy', message: 'policy must be an object {"managed": {…}, "recommended": {…}}' });
    return undefined;
  }
  unknownKeys(input, ['managed', 'recommended'], 'policy.', problems);
  const sources: Array<{ kind: 'managed' | 'recommended'; source: string; data: unknown }> = [];
  for (const kind of ['recommended', 'managed'] as const) {
    if (input[kind] === undefined) continue;
    const path = `policy.${kind}`;
    if (!isRecord(input[kind])) {
      problems.push({ path, message: `${path} must be an object with the shapes of a policy file` });
      continue;
    }
    const r = readPolicyLayer(input[kind], path, { rules: kind === 'managed', say: (key, message) => `${path}.${key} ${message}` });
    for (const m of r.problems) problems.push({ path: m.split(' ')[0]!, message: m });
    sources.push({ kind, source: path, data: input[kind] });
  }
  return combineSources(sources);
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

function parseAction(x: unknown, path: string, zone: string, problems: ScenarioProblem[]): { at: number; action: SchedulerAction; device?: string } | null {
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
    unknownKeys(x, ['at', 'do', 'kind', 'device'], `${path}.`, problems);
    if (x.kind !== undefined && x.kind !== 'micro' && x.kind !== 'long') {
      problems.push({ path: `${path}.kind`, message: `${path}.kind must be micro or long` });
      return null;
    }
    action = x.kind === undefined ? { do: 'start-break' } : { do: 'start-break', kind: x.kind as BreakKind };
  } else if (what === 'pause') {
    unknownKeys(x, ['at', 'do', 'minutes', 'until', 'device'], `${path}.`, problems);
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
    unknownKeys(x, ['at', 'do', 'device'], `${path}.`, problems);
    action = { do: what } as SchedulerAction;
  }
  if (x.device !== undefined && typeof x.device !== 'string') {
    problems.push({ path: `${path}.device`, message: `${path}.device must name one of the devices` });
    return null;
  }
  if (at === null) return null;
  return typeof x.device === 'string' ? { at, action, device: x.device } : { at, action };
}

/** Validate a scenario (parsed JSON). Every problem names its field, e.g. `activity[2].to must be after from`. */
export function parseScenario(input: unknown, defaultTimeZone: string = currentTimeZone()): ParseResult {
  const problems: ScenarioProblem[] = [];
  if (!isRecord(input)) return { ok: false, problems: [{ path: '(scenario)', message: 'the scenario must be a JSON object' }] };
  unknownKeys(input, ['start', 'end', 'settings', 'activity', 'actions', 'busy', 'user', 'timeZone', 'devices', 'syncDelaySeconds', 'policy'], '', problems);

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

  let settings = parseSettings(input.settings, problems);
  const policy = parsePolicy(input.policy, problems);
  if (policy) {
    // As in the app: a value that does not fit with a higher layer's (work hours ending before a managed start) is
    // ignored for that key alone; each layer was already checked on its own above.
    settings = resolveSettings(userLeaves(input.settings, settings), policy).settings;
  }

  const activity = parseActivity(input.activity, 'activity', timeZone, ACTIVITY_STATES, problems);

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

  const busy = parseBusy(input.busy, 'busy', timeZone, problems);
  const several = parseDevices(input, timeZone, problems);
  if (several) {
    actions.forEach((a, i) => {
      if (a.device !== undefined && !several.devices.some((d) => d.id === a.device)) {
        problems.push({ path: `actions[${i}].device`, message: `actions[${i}].device must name one of the devices: ${several.devices.map((d) => d.id).join(', ')}` });
      }
    });
  } else {
    actions.forEach((a, i) => {
      if (a.device !== undefined) problems.push({ path: `actions[${i}].device`, message: `actions[${i}].device needs "devices" (several computers)` });
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
  const scenario: Scenario = { start, end, settings, activity, actions, busy, user, timeZone, ...(policy ? { policy } : {}) };
  if (several) {
    scenario.devices = several.devices;
    scenario.syncDelaySeconds = several.syncDelaySeconds;
  }
  return { ok: true, scenario };
}

/** Device ids: `a-z 0-9 -`, up to 32 characters. */
const DEVICE_ID_RE = /^[a-z0-9-]{1,32}$/;

/** `devices`, `syncDelaySeconds` and each device's `clockOffsetSeconds` (DESIGN §4 "Several computers"). */
function parseDevices(input: Record<string, unknown>, timeZone: string, problems: ScenarioProblem[]): { devices: SimDevice[]; syncDelaySeconds: number } | null {
  let syncDelaySeconds = 10;
  if (input.syncDelaySeconds !== undefined) {
    const d = input.syncDelaySeconds;
    if (typeof d !== 'number' || !Number.isFinite(d) || d < 0 || d > 300) {
      problems.push({ path: 'syncDelaySeconds', message: 'syncDelaySeconds must be a number of seconds from 0 to 300' });
    } else syncDelaySeconds = d;
  }
  // One computer: a sync delay has nothing to carry (accepted, as the same scenario may be run with devices).
  if (input.devices === undefined) return null;
  if (input.activity !== undefined) problems.push({ path: 'activity', message: 'activity cannot be given with devices: give each device its own activity' });
  if (input.busy !== undefined) problems.push({ path: 'busy', message: 'busy cannot be given with devices: give each device its own busy' });
  const list = input.devices;
  if (!Array.isArray(list) || list.length < 2 || list.length > 8) {
    problems.push({ path: 'devices', message: 'devices must be a list of 2 to 8 computers {"id", "activity", "busy", "clockOffsetSeconds"}' });
    return null;
  }
  const devices: SimDevice[] = [];
  const ids = new Set<string>();
  list.forEach((x: unknown, i: number) => {
    const path = `devices[${i}]`;
    if (!isRecord(x)) return problems.push({ path, message: `${path} must be an object {"id", "activity", "busy", "clockOffsetSeconds"}` });
    unknownKeys(x, ['id', 'activity', 'busy', 'clockOffsetSeconds'], `${path}.`, problems);
    let id = '';
    if (typeof x.id !== 'string' || !DEVICE_ID_RE.test(x.id)) {
      problems.push({ path: `${path}.id`, message: `${path}.id must be 1 to 32 characters of a-z, 0-9 and -` });
    } else if (ids.has(x.id)) {
      problems.push({ path: `${path}.id`, message: `${path}.id "${x.id}" is given twice: ids must be unique` });
    } else {
      id = x.id;
      ids.add(id);
    }
    let clockOffsetSeconds = 0;
    if (x.clockOffsetSeconds !== undefined) {
      const c = x.clockOffsetSeconds;
      if (typeof c !== 'number' || !Number.isFinite(c) || c < -600 || c > 600) {
        problems.push({ path: `${path}.clockOffsetSeconds`, message: `${path}.clockOffsetSeconds must be a number of seconds from -600 to 600` });
      } else clockOffsetSeconds = c;
    }
    const activity = parseActivity(x.activity, `${path}.activity`, timeZone, DEVICE_ACTIVITY_STATES, problems);
    const busy = parseBusy(x.busy, `${path}.busy`, timeZone, problems);
    devices.push({ id, activity, busy, clockOffsetSeconds });
  });
  return { devices, syncDelaySeconds };
}

/** A list of `{from, to, state}` that must not overlap. */
function parseActivity(input: unknown, name: string, timeZone: string, states: readonly ActivityState[], problems: ScenarioProblem[]): ActivitySegment[] {
  const activity: ActivitySegment[] = [];
  if (input === undefined) return activity;
  if (!Array.isArray(input)) {
    problems.push({ path: name, message: `${name} must be a list of {"from", "to", "state"}` });
    return activity;
  }
  const index: number[] = [];
  input.forEach((x: unknown, i: number) => {
    const path = `${name}[${i}]`;
    if (!isRecord(x)) return problems.push({ path, message: `${path} must be an object {"from", "to", "state"}` });
    unknownKeys(x, ['from', 'to', 'state'], `${path}.`, problems);
    const from = parseTime(x.from, timeZone);
    const to = parseTime(x.to, timeZone);
    if (from === null) problems.push({ path: `${path}.from`, message: `${path}.from must be an ISO-8601 date-time` });
    if (to === null) problems.push({ path: `${path}.to`, message: `${path}.to must be an ISO-8601 date-time` });
    if (typeof x.state !== 'string' || !(states as readonly string[]).includes(x.state)) {
      problems.push({ path: `${path}.state`, message: `${path}.state must be one of: ${states.join(', ')}` });
      return;
    }
    if (from === null || to === null) return;
    if (to <= from) return problems.push({ path: `${path}.to`, message: `${path}.to must be later than ${path}.from` });
    activity.push({ from, to, state: x.state as ActivityState });
    index.push(i);
  });
  const sorted = activity.map((s, k) => ({ s, i: index[k]! })).sort((a, b) => a.s.from - b.s.from);
  for (let k = 1; k < sorted.length; k++) {
    const a = sorted[k - 1]!;
    const b = sorted[k]!;
    if (b.s.from < a.s.to) problems.push({ path: `${name}[${b.i}]`, message: `${name}[${b.i}] overlaps ${name}[${a.i}]` });
  }
  return activity;
}

/** `busy` entries: hold reasons over time. Intervals may overlap (a call while in do-not-disturb). */
function parseBusy(input: unknown, name: string, timeZone: string, problems: ScenarioProblem[]): BusyInterval[] {
  const busy: BusyInterval[] = [];
  if (input === undefined) return busy;
  if (!Array.isArray(input)) {
    problems.push({ path: name, message: `${name} must be a list of {"from", "to", "reason"}` });
    return busy;
  }
  input.forEach((x: unknown, i: number) => {
    const path = `${name}[${i}]`;
    if (!isRecord(x)) return problems.push({ path, message: `${path} must be an object {"from", "to", "reason"}` });
    unknownKeys(x, ['from', 'to', 'reason'], `${path}.`, problems);
    const from = parseTime(x.from, timeZone);
    const to = parseTime(x.to, timeZone);
    if (from === null) problems.push({ path: `${path}.from`, message: `${path}.from must be an ISO-8601 date-time` });
    if (to === null) problems.push({ path: `${path}.to`, message: `${path}.to must be an ISO-8601 date-time` });
    if (typeof x.reason !== 'string' || !(HOLD_REASONS as readonly string[]).includes(x.reason)) {
      problems.push({ path: `${path}.reason`, message: `${path}.reason must be one of: ${HOLD_REASONS.join(', ')}` });
      return;
    }
    if (from === null || to === null) return;
    if (to <= from) return problems.push({ path: `${path}.to`, message: `${path}.to must be later than ${path}.from` });
    busy.push({ from, to, reason: x.reason as HoldReason });
  });
  return busy;
}

/** The hold reasons active at `t` (each interval covers [from, to)). */
export function busyAt(busy: readonly BusyInterval[], t: number): HoldReason[] {
  const on = new Set<HoldReason>();
  for (const b of busy) if (b.from <= t && t < b.to) on.add(b.reason);
  return HOLD_REASONS.filter((r) => on.has(r));
}

export interface SimulationResult {
  events: TimelineEvent[];
  /** Timer wake-ups of the scheduler (the simulated user's own reactions are not timers). */
  wakeups: number;
  /** Times the scheduler asked the hold sources. */
  holdChecks: number;
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
  const busy = sc.busy ?? [];
  // Every source answers at once from the intervals; checks are counted like the real app's would be.
  let holdChecks = 0;
  const requestHoldCheck = busy.length
    ? () => {
        holdChecks++;
        scheduler.setHolds(busyAt(busy, clock.now()));
      }
    : undefined;
  const scheduler = new Scheduler({ clock, activity, settings: sc.settings, timeZone: sc.timeZone, requestHoldCheck });
  const events: TimelineEvent[] = [];
  const queue: Pending[] = [];
  let seq = 0;
  const later = (at: number, fn: () => void) => {
    queue.push({ at, seq: seq++, fn });
    queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
  };
  // The policy step: what the organisation forbids is not dispatched, and says so at its time.
  const policyAllows = (action: SchedulerAction, quiet = false): boolean => {
    if (!sc.policy || refusal(action, sc.policy.rules, { now: clock.now(), settings: sc.settings, timeZone: sc.timeZone }) === null) return true;
    if (!quiet) events.push({ type: 'refused', at: clock.now(), do: action.do, reason: 'policy' });
    return false;
  };
  const breakMs = (k: BreakKind) => (k === 'long' ? sc.settings.longBreak.durationMinutes * 60_000 : sc.settings.microBreak.durationSeconds * 1000);

  scheduler.onEvent((e) => {
    events.push(e);
    opts.onEvent?.(e, clock);
    const now = e.at;
    // The user answers a notification only while it is still showing (a scripted action may have come first). A
    // button the policy removes (Skip) is not there to press: the user leaves the notification be.
    const answer = (phase: 'heads-up' | 'prompt', a: 'start' | 'snooze' | 'skip') =>
      later(now, () => {
        const action: SchedulerAction = a === 'start' ? { do: 'start-break' } : { do: a };
        if (scheduler.status().phase === phase && policyAllows(action, true)) scheduler.dispatch(action);
      });
    if (e.type === 'heads-up' && sc.user.onHeadsUp !== 'wait') answer('heads-up', sc.user.onHeadsUp);
    else if (e.type === 'break-prompt' && sc.user.onPrompt !== 'ignore') answer('prompt', sc.user.onPrompt);
    else if (e.type === 'break-start') {
      const startedAt = e.at;
      const stillThisBreak = () => scheduler.status().currentBreak?.startedAt === startedAt;
      if (sc.user.completes) later(now + breakMs(e.kind), () => stillThisBreak() && scheduler.dispatch({ do: 'finish' }));
      else later(now + Math.round(breakMs(e.kind) / 2), () => stillThisBreak() && scheduler.dispatch({ do: 'finish' }));
    }
  });

  const changes = activity.changes(sc.start, sc.end);
  // Hold sources report each change as it happens (the real sources' events).
  const busyTimes = [...new Set(busy.flatMap((b) => [b.from, b.to]))].filter((t) => t > sc.start && t <= sc.end).sort((a, b) => a - b);
  let bi = 0;
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

  if (busy.length) scheduler.setHolds(busyAt(busy, sc.start));
  scheduler.start();
  const initial = activity.stateAt(sc.start);
  const result = () => ({ events, wakeups: clock.wakeups, holdChecks });
  if (initial === 'asleep' && !sleepUntil(sc.start)) return result();
  if (initial === 'locked') syncLock('locked');

  for (;;) {
    const timer = clock.pending()[0];
    const cands = [changes[ci]?.at, busyTimes[bi], sc.actions[ai]?.at, queue[0]?.at, timer].filter((x): x is number => x !== undefined);
    if (!cands.length) break;
    const t = Math.max(clock.now(), Math.min(...cands));
    if (t > sc.end) break;
    // A change of activity or of hold reasons at t happens before the timers due at t: no prompt to a machine going
    // to sleep, nor into a meeting that begins that instant.
    const changing = (ci < changes.length && changes[ci]!.at <= t) || (bi < busyTimes.length && busyTimes[bi]! <= t);
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
    if (bi < busyTimes.length && busyTimes[bi]! <= t) {
      while (bi < busyTimes.length && busyTimes[bi]! <= t) bi++;
      scheduler.setHolds(busyAt(busy, clock.now()));
    }
    const now = clock.now();
    while (ai < sc.actions.length && sc.actions[ai]!.at <= now) {
      const { action } = sc.actions[ai++]!;
      if (policyAllows(action)) scheduler.dispatch(action);
    }
    while (queue.length && queue[0]!.at <= now) queue.shift()!.fn();
  }
  return result();
}

/** One output line's object: `at` (and `until`, `from`) as ISO-8601 with the zone's offset. */
export function timelineEntry(e: TimelineEvent, timeZone: string): Record<string, unknown> | null {
  const iso = (t: number) => formatLocalIso(t, timeZone);
  switch (e.type) {
    case 'refused':
      return { at: iso(e.at), type: e.type, do: e.do, reason: e.reason };
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
    case 'break-held':
      return { at: iso(e.at), type: e.type, kind: e.kind, reason: e.reason };
    case 'hold-notice':
      return { at: iso(e.at), type: e.type, kind: e.kind };
    case 'withdrawn':
      return null; // for the app (take the notification or window back); not a timeline type
  }
}

/** The simulator's output: one JSON object a line, in time order. */
export function formatTimeline(events: readonly TimelineEvent[], timeZone: string): string {
  const lines = events.map((e) => timelineEntry(e, timeZone)).filter((x) => x !== null);
  return lines.map((x) => JSON.stringify(x)).join('\n') + (lines.length ? '\n' : '');
}

/** Several computers: every line names its `device`. */
export function formatDeviceTimeline(events: readonly DeviceEvent[], timeZone: string): string {
  const lines: string[] = [];
  for (const { device, event } of events) {
    const x = timelineEntry(event, timeZone);
    if (x) lines.push(JSON.stringify({ ...x, device }));
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

/** Run a parsed scenario, one computer or several; the timeline text. */
export function runToText(sc: Scenario): string {
  if (!sc.devices) return formatTimeline(runScenario(sc).events, sc.timeZone);
  const { events } = runDevices({ ...sc, devices: sc.devices, syncDelaySeconds: sc.syncDelaySeconds ?? 10, ...(sc.policy ? { rules: sc.policy.rules } : {}) });
  return formatDeviceTimeline(events, sc.timeZone);
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
  return { code: 0, output: runToText(r.scenario) };
}

// Re-exported so callers of the simulator need one import for time formatting.
export { formatLocalIso, offsetMinutes };
