// One computer among several (DESIGN §1 "Several computers, one work clock"). Wraps this computer's Scheduler so that
// it sees the user's presence (merged from every computer), the user's hold reasons, and the other computers'
// decisions as ordinary actions; and decides what of the scheduler's events happens here (shown, recorded) and what
// on another computer. The app and the simulator both run this; the file adapter (electron/node/sync) only carries
// `DeviceState` between computers.
import type { Cancel, Clock } from '../clock.ts';
import type { HoldReason } from '../holds.ts';
import { Scheduler } from '../scheduler.ts';
import type { ActivitySource, BreakKind, PowerEvent, SchedulerAction, SchedulerEvent } from '../scheduler.ts';
import type { Settings } from '../settings.ts';
import {
  compareIds,
  everyRunningLockedOrAsleep,
  inUseOf,
  isRunning,
  lastUsedOf,
  mergedHolds,
  effective,
  mergedIdleMs,
  ownInputCheckMs,
  refreshMs,
  toLocal,
} from './presence.ts';
import type { DevicePower, DeviceView } from './presence.ts';
import { ACTIONS_KEPT, WIRE_VERSION } from './wire.ts';
import type { CycleSnapshot, DeviceState, WireAction } from './wire.ts';

export interface SyncNodeDeps {
  id: string;
  name: string;
  /** This computer's clock (it may be wrong by minutes: only differences of a peer's own times are used). */
  clock: Clock;
  /** This computer's input idle and lock. */
  own: ActivitySource;
  settings: Settings;
  timeZone?: string;
  /** Ask this computer's hold sources; the answer comes back through `ownHolds`. Absent where there are none. */
  requestOwnHoldCheck?: () => void;
  /** Write this computer's state for the others (on change, and while in use at least every `refreshMs`). */
  publish: (s: DeviceState) => void;
  /** What this computer wrote last, before a restart: its numbering goes on from there. */
  previous?: DeviceState | null;
}

/** A scheduler event with where it happens. */
export interface RoutedEvent {
  event: SchedulerEvent;
  /** Shown here (heads-up, prompt, break window, snooze, hold, notice) or recorded here (break-end, natural-break). */
  here: boolean;
  /** The computer where it is shown, made or recorded, as far as this one knows (null: not known). */
  device: string | null;
}

type Origin = { kind: 'local' } | { kind: 'remote'; device: string; shown: boolean };

/** Decisions about the break at hand; a copy of one about a break already closed here is stale. */
/** Idle this short at writing: input is going on. */
const USING_MS = 1000;

const BREAK_DECISIONS = new Set<WireAction['do']>(['start-break', 'snooze', 'skip', 'finish']);

export class SyncNode {
  readonly scheduler: Scheduler;
  readonly id: string;
  private name: string;
  private readonly clock: Clock;
  private readonly own: ActivitySource;
  private readonly publishFn: (s: DeviceState) => void;
  private settings: Settings;

  private readonly self: DeviceView;
  private readonly peers = new Map<string, DeviceView>();
  /** Per peer: the last state seq and action seq taken in. */
  private readonly peerSeq = new Map<string, { seq: number; action: number; n: number; showing: DeviceState['showing']; kind: BreakKind | undefined }>();
  private readonly listeners = new Set<(e: RoutedEvent) => void>();

  private ownHoldsNow: HoldReason[] = [];
  private pushedHolds = '';
  private actions: WireAction[] = [];
  private seq = 0;
  private actionSeq = 0;
  /** Breaks closed (taken, skipped, missed, natural): names "the break at hand" across computers. */
  private n = 0;
  /** Where the notice (heads-up or prompt) of the break at hand went, and where its window runs. */
  private noticeOn: string | null = null;
  private ranOn: string | null = null;
  private pausedBy: string | null = null;
  /** The computer in use while the user was last present (it records the natural break that follows). */
  private lastActive: string;
  private origin: Origin | null = null;
  /** What the scheduler was told of lock and sleep. */
  private told: 'none' | 'lock' | 'suspend' = 'none';
  private lastWriteAt = Number.NEGATIVE_INFINITY;
  /** The last write or look at this computer's input (the timer counts from it). */
  private lastLookAt = Number.NEGATIVE_INFINITY;
  private lastWrittenInput = Number.NEGATIVE_INFINITY;
  private wroteInUse = false;
  private wroteUsing = false;
  private batching = false;
  /** The next write promised with the last one (ms), or null. */
  private promised: number | null = null;
  private timer: Cancel | undefined;
  private timerAt = 0;
  private running = false;

  constructor(deps: SyncNodeDeps) {
    this.id = deps.id;
    this.name = deps.name;
    this.clock = deps.clock;
    this.own = deps.own;
    this.publishFn = deps.publish;
    this.settings = deps.settings;
    const now = this.clock.now();
    this.self = { id: deps.id, name: deps.name, lastInput: now - this.ownIdleMs(), power: 'active', holds: [], heardAt: now, using: false, refreshBy: null };
    this.lastActive = deps.id;
    if (deps.previous && deps.previous.id === deps.id) {
      this.seq = deps.previous.seq;
      this.actions = deps.previous.actions;
      this.actionSeq = deps.previous.actions.reduce((m, x) => Math.max(m, x.seq), 0);
      this.n = deps.previous.n;
    }
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the merged source reads this node's live state
    const node = this;
    const merged: ActivitySource = {
      get coversGaps() {
        return !node.alone();
      },
      idleSeconds: () => node.mergedIdleSeconds(),
      isLocked: () => (node.alone() ? node.own.isLocked() : node.everyoneLocked()),
    };
    const ask = deps.requestOwnHoldCheck;
    this.scheduler = new Scheduler({
      clock: deps.clock,
      activity: merged,
      settings: deps.settings,
      timeZone: deps.timeZone,
      requestHoldCheck: ask ? () => ask() : undefined,
    });
    this.scheduler.onEvent((e) => this.route(e));
  }

  onEvent(cb: (e: RoutedEvent) => void): Cancel {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  start(): void {
    this.running = true;
    this.scheduler.start();
    this.publish();
    this.arm();
  }

  /** Limber quits here: the others count this computer as off (with its last input). */
  stop(): void {
    if (!this.running) return;
    // A break shown here ends where it got to (recorded here); the others' cycle restarts with it.
    if (this.ranOn === this.id && this.scheduler.status().phase === 'on-break') this.act({ do: 'finish' });
    this.refreshSelf();
    this.self.power = 'off';
    this.publish();
    this.running = false;
    this.scheduler.stop();
    this.timer?.();
    this.timer = undefined;
  }

  setSettings(s: Settings): void {
    this.settings = s;
    this.scheduler.setSettings(s);
    this.arm();
  }

  setName(name: string): void {
    this.name = this.self.name = name;
    this.publish();
  }

  // ---- inputs -------------------------------------------------------------------------------------------------

  /** A decision made on this computer (tray, notification, window, command line, shortcut). */
  act(a: SchedulerAction): void {
    const shown = this.noticeOn === this.id || this.ranOn === this.id;
    const n = this.n;
    // One write for the decision and what it caused, the decision in it (a peer must see both together).
    this.batching = true;
    try {
      this.withOrigin({ kind: 'local' }, () => this.scheduler.dispatch(a));
    } finally {
      this.batching = false;
    }
    const w: WireAction = { seq: ++this.actionSeq, at: this.clock.now(), do: a.do, n, shown };
    // The kind of the break started here, named even when the scheduler chose it: every computer runs the same one
    // (a natural break seen only here may have moved this one's micro/long rotation).
    if (a.do === 'start-break') {
      const kind = this.scheduler.status().currentBreak?.kind ?? a.kind;
      if (kind) w.kind = kind;
    }
    if (a.do === 'pause') {
      if (a.until === 'tomorrow') w.until = 'tomorrow';
      else if (a.minutes !== undefined) w.minutes = Math.max(1, Math.min(10_080, Math.round(a.minutes)));
    }
    this.actions = [...this.actions, w].slice(-ACTIONS_KEPT);
    this.publish();
  }

  /** Lock, unlock, sleep or wake of this computer. */
  ownPower(e: PowerEvent): void {
    // The input up to this moment first: asleep or locked, this computer's last input is the one before it.
    if (e === 'lock' || e === 'suspend') this.refreshSelf();
    this.self.power = e === 'lock' ? 'locked' : e === 'suspend' ? 'asleep' : 'active';
    this.refreshSelf();
    if (this.alone()) {
      // This computer alone: exactly as Limber on one computer.
      this.told = e === 'lock' ? 'lock' : e === 'suspend' ? 'suspend' : 'none';
      this.scheduler.power(e);
    } else {
      // A break shown here ends where it got to when this computer locks or sleeps; the others follow.
      if ((e === 'lock' || e === 'suspend') && this.ranOn === this.id && this.scheduler.status().phase === 'on-break') this.act({ do: 'finish' });
      this.tellLock();
    }
    this.publish();
    this.reconsider();
  }

  /** This computer's own hold reasons (its sources' answer). */
  ownHolds(active: readonly HoldReason[]): void {
    const changed = active.join() !== this.ownHoldsNow.join();
    this.ownHoldsNow = [...active];
    this.self.holds = this.ownHoldsNow;
    if (changed) this.publish();
    this.pushHolds(true);
  }

  /** Input began or stopped here (where the platform can tell; otherwise the node looks now and then). */
  ownActivityChanged(): void {
    this.refreshSelf();
    this.maybeWriteInput();
    if (this.running) this.pushHolds(true); // a fresh look at presence: the user may be back here
    this.reconsider();
  }

  /** Another computer's state arrived (a changed file). */
  peer(s: DeviceState): void {
    if (s.id === this.id || !this.running) return;
    const now = this.clock.now();
    const known = this.peerSeq.get(s.id);
    if (known && s.seq <= known.seq) return;
    const view: DeviceView = {
      id: s.id,
      name: s.name,
      lastInput: Math.min(now, toLocal(s.lastInputAt, s.at, now)),
      power: s.power,
      holds: s.holds,
      heardAt: now,
      using: s.using,
      refreshBy: s.refreshBy,
    };
    this.peers.set(s.id, view);
    const lastAction = s.actions.reduce((m, a) => Math.max(m, a.seq), 0);
    // First sight of a computer: its past decisions are history, not news.
    const fresh = known ? s.actions.filter((a) => a.seq > known.action).sort((a, b) => a.seq - b.seq) : [];
    // The kind of the break its window shows, when the decision that started it named one.
    const kind = s.showing ? s.actions.filter((a) => a.do === 'start-break' && a.n === s.showing!.n).at(-1)?.kind : undefined;
    this.peerSeq.set(s.id, { seq: s.seq, action: Math.max(lastAction, known?.action ?? 0), n: s.n, showing: s.showing, kind });
    this.tellLock();
    // Also a fresh look at presence: the user may be back, on that computer.
    this.pushHolds(true);
    for (const a of fresh) {
      if (BREAK_DECISIONS.has(a.do) && a.n < this.n) continue;
      this.withOrigin({ kind: 'remote', device: s.id, shown: a.shown }, () => this.scheduler.dispatch(toAction(a)));
    }
    // A computer that counted a break this one missed: name the break at hand alike from now on.
    if (s.n > this.n && this.scheduler.status().phase !== 'on-break') this.n = s.n;
    this.reconsider();
  }

  // ---- what others ask ------------------------------------------------------------------------------------------

  /** The computer in use now (this one's view). */
  inUse(): string {
    const now = this.clock.now();
    this.refreshSelf();
    return inUseOf(this.all(), now, this.id);
  }

  /** Where the running break's window is, when it is on another computer: its name (the tray says so). */
  breakElsewhere(): string | null {
    if (this.scheduler.status().phase !== 'on-break' || !this.ranOn || this.ranOn === this.id) return null;
    return this.peers.get(this.ranOn)?.name ?? this.ranOn;
  }

  /** Every computer known, this one first: for `devices`, `status --json` and the settings window. */
  devices(): Array<{ id: string; name: string; self: boolean; lastHeard: number; lastInput: number; state: 'in-use' | 'away' | 'off'; power: DevicePower }> {
    const now = this.clock.now();
    this.refreshSelf();
    const inUse = this.inUse();
    const away = this.settings.awayAfterMinutes * 60_000;
    return [this.self, ...[...this.peers.values()].sort((a, b) => compareIds(a.id, b.id))].map((d) => {
      const runs = isRunning(d, now, this.id);
      const state = !runs ? 'off' : d.id === inUse && now - d.lastInput < away && d.power === 'active' ? 'in-use' : 'away';
      return { id: d.id, name: d.name, self: d.id === this.id, lastHeard: d.heardAt, lastInput: d.lastInput, state, power: d.power };
    });
  }

  /** No other computer running: Limber behaves exactly as on one computer. */
  alone(): boolean {
    const now = this.clock.now();
    for (const p of this.peers.values()) if (isRunning(p, now, this.id)) return false;
    return true;
  }

  // ---- internals ------------------------------------------------------------------------------------------------

  /** Every computer as seen now (a peer in use as of its last write counts as in use now). */
  private all(): DeviceView[] {
    const now = this.clock.now();
    return [this.self, ...[...this.peers.values()].map((p) => effective(p, now, this.id))];
  }

  private ownIdleMs(): number {
    const s = this.own.idleSeconds();
    return Number.isFinite(s) && s > 0 ? Math.round(s * 1000) : 0;
  }

  private refreshSelf(): void {
    const now = this.clock.now();
    this.self.heardAt = now;
    // Asleep or off, this computer has no input; its last one stays.
    if (this.self.power === 'asleep' || this.self.power === 'off') return;
    this.self.lastInput = Math.max(this.self.lastInput, now - this.ownIdleMs());
    if (this.self.power === 'active' && this.own.isLocked()) this.self.power = 'locked';
    else if (this.self.power === 'locked' && !this.own.isLocked() && this.told !== 'lock') this.self.power = 'active';
  }

  private mergedIdleSeconds(): number {
    const now = this.clock.now();
    this.refreshSelf();
    if (this.alone() && this.peers.size === 0) return this.own.idleSeconds();
    const idle = mergedIdleMs(this.all(), now);
    // While the user counts as present, remember where: that computer records the natural break that follows.
    // It is the computer with the latest input, awake or not: every computer names the same one, whichever it is on.
    if (idle < this.settings.awayAfterMinutes * 60_000 && this.scheduler.status().phase !== 'away') this.lastActive = lastUsedOf(this.all(), now, this.id);
    return idle / 1000;
  }

  private everyoneLocked(): boolean {
    this.refreshSelf();
    return everyRunningLockedOrAsleep(this.all(), this.clock.now(), this.id);
  }

  /** Tell the scheduler of lock and sleep as the user's, not this computer's: only when every computer is. */
  private tellLock(): void {
    if (this.alone()) return;
    const locked = this.everyoneLocked();
    if (locked && this.told === 'none') {
      this.told = 'lock';
      this.scheduler.power('lock');
    } else if (!locked && this.told !== 'none') {
      const was = this.told;
      this.told = 'none';
      this.scheduler.power(was === 'suspend' ? 'resume' : 'unlock');
    }
  }

  private pushHolds(force: boolean): void {
    const holds = mergedHolds(this.all(), this.inUse(), this.clock.now(), this.id);
    const key = holds.join();
    if (!force && key === this.pushedHolds) return;
    this.pushedHolds = key;
    this.scheduler.setHolds(holds);
  }

  private withOrigin(o: Origin, fn: () => void): void {
    const before = this.origin;
    this.origin = o;
    try {
      fn();
    } finally {
      this.origin = before;
    }
  }

  /**
   * Continue a cycle written `ageMs` ago (this computer's before a restart, or a running computer's): work went on
   * meanwhile if that is shorter than an absence; otherwise the gap was away.
   */
  continueCycle(c: CycleSnapshot, ageMs: number): void {
    const running = this.runningElsewhere();
    if (running) {
      // A break runs on another computer: the cycle restarts when it ends, nothing of it is owed (whichever computer's
      // snapshot this is), and this computer joins that break instead of prompting one of its own.
      this.scheduler.restoreCycle({ ...c, workedMs: 0, snoozedUntil: null });
      const kind = running.kind;
      this.withOrigin({ kind: 'remote', device: running.id, shown: true }, () => this.scheduler.dispatch(kind ? { do: 'start-break', kind } : { do: 'start-break' }));
      this.reconsider();
      return;
    }
    // The idle stretch the snapshot ended in goes on through its age: work only if the whole of it stayed short.
    const gap = Math.max(0, ageMs) + (c.idleMs ?? 0);
    const workedMs = c.workedMs + (gap < this.settings.awayAfterMinutes * 60_000 ? gap : 0);
    this.scheduler.restoreCycle({ ...c, workedMs });
  }

  /**
   * A running, awake computer showing the window of the break at hand (a computer starting learns of it from the
   * peer's state: the decision that started it was made before this one ran, so it is history, yet the break is not).
   */
  private runningElsewhere(): { id: string; kind: BreakKind | undefined } | null {
    if (this.scheduler.status().phase === 'on-break') return null;
    const now = this.clock.now();
    for (const [id, k] of this.peerSeq) {
      const p = this.peers.get(id);
      if (!p || !isRunning(p, now, this.id) || p.power !== 'active') continue;
      if (k.showing?.what === 'window' && k.showing.n >= this.n) return { id, kind: k.kind };
    }
    return null;
  }

  /** Does this computer record (or show) the end of the break at hand? DESIGN §1: once, by the one that showed it. */
  private recordsHere(o: Origin | null): boolean {
    if (o?.kind === 'remote' && o.shown) return false; // the computer that decided was showing it: it records
    if (this.ranOn) return this.ranOn === this.id;
    if (!o) return (this.noticeOn ?? this.inUse()) === this.id;
    if (o.kind === 'local') return this.noticeOn === null || this.noticeOn === this.id || !this.peerRuns(this.noticeOn);
    return this.noticeOn === this.id;
  }

  private peerRuns(id: string): boolean {
    const p = this.peers.get(id);
    return !!p && isRunning(p, this.clock.now(), this.id);
  }

  private canShow(): boolean {
    return this.self.power === 'active' || this.self.power === 'locked';
  }

  private route(e: SchedulerEvent): void {
    const o = this.origin;
    let here: boolean;
    let device: string | null = null;
    switch (e.type) {
      case 'heads-up':
      case 'break-prompt': {
        const to = this.inUse();
        this.noticeOn = to;
        here = to === this.id && this.canShow() && o?.kind !== 'remote';
        device = to;
        break;
      }
      case 'withdrawn':
        here = this.noticeOn === this.id;
        device = this.noticeOn;
        break;
      case 'break-start':
        this.ranOn = o?.kind === 'remote' ? o.device : this.id;
        here = this.ranOn === this.id;
        device = this.ranOn;
        break;
      case 'break-end':
      case 'snoozed':
        here = this.recordsHere(o);
        device = here ? this.id : null;
        if (e.type === 'break-end') this.n++;
        this.noticeOn = this.ranOn = null;
        break;
      case 'natural-break': {
        const by = this.lastActive === this.id || this.peerRuns(this.lastActive) ? this.lastActive : this.inUse();
        here = by === this.id;
        device = by;
        this.n++;
        this.noticeOn = this.ranOn = null;
        break;
      }
      case 'paused':
        this.pausedBy = o?.kind === 'remote' ? o.device : this.id;
        here = this.pausedBy === this.id;
        device = this.pausedBy;
        break;
      case 'resumed':
        device = o?.kind === 'remote' ? o.device : o ? this.id : this.pausedBy;
        here = device === this.id;
        this.pausedBy = null;
        break;
      case 'break-held':
      case 'hold-notice': {
        const to = this.inUse();
        here = to === this.id;
        device = to;
        break;
      }
    }
    for (const l of this.listeners) l({ event: e, here, device });
    // A natural break closes the break at hand too: the others must name the next one alike (`n`) at once, or they
    // take its decisions for stale ones about a break already closed.
    if (e.type === 'break-start' || e.type === 'break-end' || e.type === 'natural-break' || e.type === 'heads-up' || e.type === 'break-prompt') this.publish();
  }

  /**
   * The notice of the break at hand follows the user: withdrawn from a computer no longer in use.
   */
  private reconsider(): void {
    if (!this.running) return;
    const phase = this.scheduler.status().phase;
    if (phase !== 'heads-up' && phase !== 'prompt') {
      this.arm();
      return;
    }
    const to = this.inUse();
    if (to === this.noticeOn) return this.arm();
    const status = this.scheduler.status();
    const kind = status.nextBreak?.kind ?? 'micro';
    const now = this.clock.now();
    const was = this.noticeOn;
    this.noticeOn = to;
    // Withdrawn here; the computer now in use gets the next notice (the prompt, or a re-prompt) at its moment.
    if (was === this.id) this.emitLocal({ type: 'withdrawn', at: now, kind, what: phase === 'prompt' ? 'prompt' : 'heads-up' }, true, to);
    this.publish();
    this.arm();
  }

  private emitLocal(event: SchedulerEvent, here: boolean, device: string | null): void {
    for (const l of this.listeners) l({ event, here, device });
  }

  private maybeWriteInput(): void {
    const now = this.clock.now();
    // Input stopped here after a write that said it was going on: the others must not count it as going on.
    if (this.wroteUsing && now - this.self.lastInput > USING_MS) return this.publish();
    if (this.self.lastInput <= this.lastWrittenInput) return;
    const inUse = this.inUse() === this.id;
    // Moving here is news at once; staying here is refreshed often enough for the others' away rule.
    if (!this.wroteUsing || !this.wroteInUse || !inUse || now - this.lastWriteAt >= refreshMs(this.settings.awayAfterMinutes) - 1000) this.publish();
  }

  /** One timer: the promised refresh while in use, or a look at this computer's input while another is in use. */
  private arm(): void {
    if (!this.running) return;
    const now = this.clock.now();
    const cands: number[] = [];
    if (this.promised !== null) cands.push(this.lastWriteAt + this.promised);
    if (this.self.power === 'active' && !this.alone() && !(this.wroteInUse && this.wroteUsing && this.promised !== null)) {
      cands.push(this.lastLookAt + ownInputCheckMs(this.settings.awayAfterMinutes));
    }
    if (!cands.length) {
      this.timer?.();
      this.timer = undefined;
      return;
    }
    const at = Math.max(now + 1, Math.min(...cands));
    if (this.timer && this.timerAt === at) return;
    this.timer?.();
    this.timerAt = at;
    this.timer = this.clock.setTimer(at, () => {
      this.timer = undefined;
      const t = this.clock.now();
      this.lastLookAt = t;
      this.refreshSelf();
      // The promised write comes on time (the others count this computer as answering by it).
      if (this.promised !== null && t - this.lastWriteAt >= this.promised - 1000) this.publish();
      else this.maybeWriteInput();
      // A peer that stopped answering may have been the last one unlocked.
      this.tellLock();
      this.reconsider();
    });
  }

  private publish(): void {
    if (!this.running && this.self.power !== 'off') return;
    if (this.batching) return;
    const now = this.clock.now();
    this.refreshSelf();
    const showing: DeviceState['showing'] =
      this.ranOn === this.id ? { n: this.n, what: 'window' } : this.noticeOn === this.id ? { n: this.n, what: 'notice' } : null;
    this.lastWriteAt = this.lastLookAt = now;
    this.lastWrittenInput = this.self.lastInput;
    this.wroteInUse = inUseOf(this.all(), now, this.id) === this.id;
    this.wroteUsing = this.self.power === 'active' && now - this.self.lastInput <= USING_MS;
    const recent = this.self.power === 'active' && now - this.self.lastInput < this.settings.awayAfterMinutes * 60_000;
    this.promised = recent && this.running ? refreshMs(this.settings.awayAfterMinutes) : null;
    this.publishFn({
      v: WIRE_VERSION,
      id: this.id,
      name: this.name,
      at: now,
      seq: ++this.seq,
      n: this.n,
      lastInputAt: this.self.lastInput,
      using: this.wroteUsing,
      refreshBy: this.promised,
      power: this.self.power,
      holds: [...this.ownHoldsNow],
      actions: [...this.actions],
      showing,
      cycle: this.scheduler.cycleSnapshot(),
    });
    this.arm();
  }
}

function toAction(a: WireAction): SchedulerAction {
  switch (a.do) {
    case 'start-break':
      return a.kind ? { do: 'start-break', kind: a.kind } : { do: 'start-break' };
    case 'pause':
      return a.until === 'tomorrow' ? { do: 'pause', until: 'tomorrow' } : a.minutes !== undefined ? { do: 'pause', minutes: a.minutes } : { do: 'pause' };
    default:
      return { do: a.do };
  }
}
