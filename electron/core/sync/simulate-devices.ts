// The simulator with several computers (DESIGN §4 "Several computers"): one SyncNode per computer — the same code the
// app runs — each on its own (possibly wrong) clock, their states carried to each other after `syncDelaySeconds`.
// Output times are true time. Pure: no I/O.
import type { Cancel, Clock } from '../clock.ts';
import { VirtualClock } from '../clock.ts';
import { ScriptedActivity } from '../activity-script.ts';
import type { ActivitySegment, ActivityState } from '../activity-script.ts';
import type { HoldReason } from '../holds.ts';
import type { BreakKind, SchedulerAction, SchedulerEvent } from '../scheduler.ts';
import type { Settings } from '../settings.ts';
import { refusal, type PolicyRules, type RefusedEvent } from '../policy.ts';
import { compareIds } from './presence.ts';
import { SyncNode } from './node.ts';
import type { DeviceState } from './wire.ts';

export interface SimDevice {
  id: string;
  activity: ActivitySegment[];
  busy: Array<{ from: number; to: number; reason: HoldReason }>;
  clockOffsetSeconds: number;
}

export interface DevicesScenario {
  start: number;
  end: number;
  settings: Settings;
  timeZone: string;
  devices: SimDevice[];
  syncDelaySeconds: number;
  actions: Array<{ at: number; action: SchedulerAction; device?: string }>;
  user: { onHeadsUp: 'wait' | 'start' | 'snooze' | 'skip'; onPrompt: 'start' | 'snooze' | 'skip' | 'ignore'; completes: boolean };
  /** What the organisation's policy lets users do; absent: everything. */
  rules?: PolicyRules;
}

/** A pause in input is noticed this late (idle counters count in seconds). */
const NOTICE_PAUSE_MS = 2000;

/** One output event: true time, and the computer it happened on. */
export interface DeviceEvent {
  device: string;
  event: SchedulerEvent | RefusedEvent;
}

export interface DevicesResult {
  events: DeviceEvent[];
  /** Timer wake-ups and peer changes taken in, per computer. */
  wakeups: Record<string, number>;
}

/** A computer's clock: true time plus its error. Timers are kept in true time by the one virtual clock. */
class OffsetClock implements Clock {
  wakeups = 0;
  constructor(
    private readonly truth: VirtualClock,
    readonly offsetMs: number,
  ) {}
  now(): number {
    return this.truth.now() + this.offsetMs;
  }
  setTimer(at: number, fn: () => void): Cancel {
    return this.truth.setTimer(at - this.offsetMs, () => {
      this.wakeups++;
      fn();
    });
  }
}

interface Dev {
  spec: SimDevice;
  clock: OffsetClock;
  activity: ScriptedActivity;
  node: SyncNode | null;
  /** Everything it wrote: (true time, state); a computer starting reads what had arrived by then. */
  written: Array<{ at: number; state: DeviceState }>;
  received: number;
  lockSent: boolean;
}

function busyAt(busy: SimDevice['busy'], t: number): HoldReason[] {
  const on = new Set<HoldReason>();
  for (const b of busy) if (b.from <= t && t < b.to) on.add(b.reason);
  return [...on];
}

/** Shift a device-clock event to true time. */
function toTrue(e: SchedulerEvent, off: number): SchedulerEvent {
  const x = { ...e, at: e.at - off } as SchedulerEvent & Record<string, unknown>;
  if ('breakAt' in e) x.breakAt = e.breakAt - off;
  if ('until' in e && typeof e.until === 'number') x.until = e.until - off;
  if ('from' in e) x.from = e.from - off;
  if ('since' in e) x.since = e.since - off;
  return x;
}

export function runDevices(sc: DevicesScenario): DevicesResult {
  const truth = new VirtualClock(sc.start);
  const delayMs = Math.round(sc.syncDelaySeconds * 1000);
  const anyBusy = sc.devices.some((d) => d.busy.length > 0);
  const out: Array<DeviceEvent & { seq: number }> = [];
  let outSeq = 0;
  const forbidden = (action: SchedulerAction, now: number): boolean =>
    sc.rules !== undefined && refusal(action, sc.rules, { now, settings: sc.settings, timeZone: sc.timeZone }) !== null;
  const queue: Array<{ at: number; seq: number; fn: () => void }> = [];
  let qseq = 0;
  const later = (at: number, fn: () => void) => {
    queue.push({ at, seq: qseq++, fn });
    queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
  };
  const breakMs = (k: BreakKind) => (k === 'long' ? sc.settings.longBreak.durationMinutes * 60_000 : sc.settings.microBreak.durationSeconds * 1000);

  const devs: Dev[] = sc.devices.map((spec) => ({
    spec,
    clock: new OffsetClock(truth, Math.round(spec.clockOffsetSeconds * 1000)),
    activity: new ScriptedActivity(spec.activity, truth),
    node: null,
    written: [],
    received: 0,
    lockSent: false,
  }));
  const stateOf = (d: Dev, t: number): ActivityState => d.activity.stateAt(t);

  /** The computer in use in truth: the most recent input among those on and awake (equal: the first id). */
  const trueInUse = (t: number): Dev | null => {
    let best: { d: Dev; last: number } | null = null;
    for (const d of devs) {
      const s = stateOf(d, t);
      if (s === 'off' || s === 'asleep' || !d.node) continue;
      const last = t - d.activity.idleSeconds() * 1000;
      if (!best || last > best.last || (last === best.last && compareIds(d.spec.id, best.d.spec.id) < 0)) best = { d, last };
    }
    return best?.d ?? null;
  };

  const deliver = (from: Dev, state: DeviceState, at: number) => {
    for (const d of devs) {
      if (d === from) continue;
      later(at + delayMs, () => {
        if (!d.node) return;
        d.received++;
        d.node.peer(state);
      });
    }
  };

  const boot = (d: Dev, t: number, seedNow: boolean) => {
    const own = {
      idleSeconds: () => d.activity.idleSeconds(),
      isLocked: () => stateOf(d, truth.now()) === 'locked',
    };
    const node = new SyncNode({
      previous: d.written.at(-1)?.state ?? null,
      id: d.spec.id,
      name: d.spec.id,
      clock: d.clock,
      own,
      settings: sc.settings,
      timeZone: sc.timeZone,
      requestOwnHoldCheck: anyBusy ? () => node.ownHolds(busyAt(d.spec.busy, truth.now())) : undefined,
      publish: (s) => {
        d.written.push({ at: truth.now(), state: s });
        deliver(d, s, truth.now());
      },
    });
    d.node = node;
    node.onEvent((r) => {
      if (!r.here || r.event.type === 'withdrawn') return;
      const e = r.event;
      out.push({ device: d.spec.id, event: toTrue(e, d.clock.offsetMs), seq: outSeq++ });
      const now = truth.now();
      // The user answers where they are: a notice on a computer they are not at (shown within the sync delay of
      // leaving it) goes unanswered there.
      const answer = (phase: 'heads-up' | 'prompt', a: 'start' | 'snooze' | 'skip') =>
        later(now, () => {
          if (d.node !== node || node.scheduler.status().phase !== phase || trueInUse(truth.now()) !== d) return;
          const action: SchedulerAction = a === 'start' ? { do: 'start-break' } : { do: a };
          // A button the policy removes (Skip) is not there to press: the user leaves the notice be.
          if (forbidden(action, truth.now())) return;
          node.act(action);
        });
      if (e.type === 'heads-up' && sc.user.onHeadsUp !== 'wait') answer('heads-up', sc.user.onHeadsUp);
      else if (e.type === 'break-prompt' && sc.user.onPrompt !== 'ignore') answer('prompt', sc.user.onPrompt);
      else if (e.type === 'break-start') {
        const startedAt = e.at;
        const len = sc.user.completes ? breakMs(e.kind) : Math.round(breakMs(e.kind) / 2);
        later(now + len, () => {
          if (d.node === node && node.scheduler.status().currentBreak?.startedAt === startedAt) node.act({ do: 'finish' });
        });
      }
    });
    // A computer starting reads what the others wrote and had reached it by now; it continues the freshest cycle
    // (its own, saved before it stopped, or a running computer's).
    let freshest: { at: number; state: DeviceState } | null = null;
    const seen: DeviceState[] = [];
    for (const o of devs) {
      const visible = o.written.filter((w) => o === d || w.at + delayMs <= t || seedNow).at(-1);
      if (!visible) continue;
      if (o !== d) seen.push(visible.state);
      // A running computer carries the shared cycle on; this one's own saved cycle only when none does.
      if (o !== d && visible.state.power !== 'off' && visible.state.cycle && (!freshest || visible.at > freshest.at)) freshest = visible;
    }
    const mine = d.written.at(-1);
    if (!freshest && mine?.state.cycle) freshest = mine;
    node.start();
    for (const s of seen) node.peer(s);
    if (!seedNow && freshest?.state.cycle) node.continueCycle(freshest.state.cycle, t - freshest.at);
    const s0 = stateOf(d, t);
    if (s0 === 'locked') {
      d.lockSent = true;
      node.ownPower('lock');
    } else if (s0 === 'asleep') node.ownPower('suspend');
  };

  // Every computer that runs at the start has been running: they already know each other.
  for (const d of devs) if (stateOf(d, sc.start) !== 'off') boot(d, sc.start, true);
  for (const d of devs) {
    if (!d.node) continue;
    for (const o of devs) {
      const last = o.written.at(-1);
      if (o !== d && o.node && last) d.node.peer(last.state);
    }
  }

  const changes = devs.flatMap((d) => d.activity.changes(sc.start, sc.end).map((c) => ({ ...c, d })));
  changes.sort((a, b) => a.at - b.at);
  const busyTimes = [...new Set(devs.flatMap((d) => d.spec.busy.flatMap((b) => [b.from, b.to])))].filter((t) => t > sc.start && t <= sc.end).sort((a, b) => a - b);
  if (anyBusy) for (const d of devs) d.node?.ownHolds(busyAt(d.spec.busy, sc.start));

  let ci = 0;
  let bi = 0;
  let ai = 0;
  for (;;) {
    const timer = truth.pending()[0];
    const cands = [changes[ci]?.at, busyTimes[bi], sc.actions[ai]?.at, queue[0]?.at, timer].filter((x): x is number => x !== undefined);
    if (!cands.length) break;
    const t = Math.max(truth.now(), Math.min(...cands));
    if (t > sc.end) break;
    const changing = (ci < changes.length && changes[ci]!.at <= t) || (bi < busyTimes.length && busyTimes[bi]! <= t);
    if (changing && t > truth.now()) {
      truth.advanceTo(t - 1);
      truth.jumpTo(t);
    } else truth.advanceTo(t);
    while (ci < changes.length && changes[ci]!.at <= t) {
      const c = changes[ci++]!;
      const d = c.d;
      if (c.to === 'off') {
        d.node?.stop();
        d.node = null;
        d.lockSent = false;
        continue;
      }
      if (c.from === 'off' || !d.node) {
        boot(d, t, false);
        if (anyBusy) d.node?.ownHolds(busyAt(d.spec.busy, t));
        continue;
      }
      const node = d.node;
      if (c.from === 'asleep') node.ownPower('resume');
      if (c.to === 'asleep') {
        node.ownPower('suspend');
        d.lockSent = false;
        continue;
      }
      const locked = c.to === 'locked';
      if (locked !== d.lockSent) {
        d.lockSent = locked;
        node.ownPower(locked ? 'lock' : 'unlock');
      }
      // Input beginning is noticed at once; a pause in input only once it is a little old (idle counts in seconds).
      if (c.to === 'active') node.ownActivityChanged();
      else later(t + NOTICE_PAUSE_MS, () => d.node === node && node.ownActivityChanged());
    }
    if (bi < busyTimes.length && busyTimes[bi]! <= t) {
      while (bi < busyTimes.length && busyTimes[bi]! <= t) bi++;
      for (const d of devs) d.node?.ownHolds(busyAt(d.spec.busy, t));
    }
    while (ai < sc.actions.length && sc.actions[ai]!.at <= t) {
      const a = sc.actions[ai++]!;
      const d = a.device ? devs.find((x) => x.spec.id === a.device) : trueInUse(t);
      if (!d?.node) continue;
      // The policy step, as in the app's dispatcher: a forbidden action is not carried out, and says so where it was made.
      if (forbidden(a.action, t)) out.push({ device: d.spec.id, event: { type: 'refused', at: t, do: a.action.do, reason: 'policy' }, seq: outSeq++ });
      else d.node.act(a.action);
    }
    while (queue.length && queue[0]!.at <= t) queue.shift()!.fn();
  }
  out.sort((a, b) => a.event.at - b.event.at || a.seq - b.seq);
  const wakeups: Record<string, number> = {};
  for (const d of devs) wakeups[d.spec.id] = d.clock.wakeups + d.received;
  return { events: out.map(({ device, event }) => ({ device, event })), wakeups };
}
