// Break scheduling: one explicit state machine, driven by an injected clock and a sampled activity source.
// Public API used by app.ts, the simulator and the tests.
//
// How it stays cheap and correct:
// - Work time is banked lazily: while present, work accrues from `countFrom`; away is found by sampling and is
//   applied from the start of the idle stretch (now − idle), so late detection costs nothing.
// - One timer, always to the earliest of: next idle sample, heads-up, prompt (or re-prompt), work-hours boundary,
//   pause end, break watchdog. Idle samples are spaced by what could have changed: if the user was idle `i` at the
//   last sample, nothing can turn "away" before `awayAfter − i` — and never closer than 30 s apart.
// - Every wake-up re-derives what is due from the state at `now`; a late or backwards clock is noticed and
//   reconciled first, so nothing stale fires and nothing bursts.
import type { Cancel, Clock } from './clock.ts';
import { CHECK_ANSWER_MS, HOLD_CHECK_LEAD_MS, HoldState } from './hold-state.ts';
import type { HoldReason } from './holds.ts';
import type { Settings } from './settings.ts';
import { currentTimeZone, inWorkHours, isValidTimeZone, localDayKey, nextWorkDayStart, nextWorkHoursChange } from './work-hours.ts';

export type BreakKind = 'micro' | 'long';
/** `partial`: a break ended before its end (finished early, the window closed, sleep or lock). */
export type BreakOutcome = 'completed' | 'partial' | 'skipped' | 'natural' | 'missed';
export type PowerEvent = 'lock' | 'unlock' | 'suspend' | 'resume';

/** What the platform can tell about the user's presence, sampled on demand. */
export interface ActivitySource {
  /** Seconds since the last keyboard or mouse input. */
  idleSeconds(): number;
  /** True when the screen is known to be locked (Linux has no lock events: sampled instead). */
  isLocked(): boolean;
  /**
   * The idle time also sees input on the user's other computers: a late wake-up of this one (it slept) is not an
   * absence by itself, the idle time says whether the user was away.
   */
  readonly coversGaps?: boolean;
}

/** An activity source that also reports lock, unlock, suspend and resume as they happen. */
export interface ActivityPort extends ActivitySource {
  onPower(cb: (e: PowerEvent) => void): Cancel;
}

export type SchedulerEvent =
  | { type: 'heads-up'; at: number; kind: BreakKind; breakAt: number }
  | { type: 'break-prompt'; at: number; kind: BreakKind }
  | { type: 'break-start'; at: number; kind: BreakKind; manual: boolean }
  | { type: 'break-end'; at: number; kind: BreakKind; outcome: BreakOutcome; seconds: number; heldSeconds?: number }
  | { type: 'snoozed'; at: number; kind: BreakKind; until: number }
  | { type: 'natural-break'; at: number; kind: BreakKind; from: number; seconds: number }
  | { type: 'paused'; at: number; until: number | null }
  | { type: 'resumed'; at: number }
  /** The due break is held: no heads-up and no prompt until 2 minutes after the last hold reason ends. */
  | { type: 'break-held'; at: number; kind: BreakKind; reason: HoldReason }
  /** A heads-up or prompt on screen is taken back because a hold began: the app withdraws it. */
  | { type: 'withdrawn'; at: number; kind: BreakKind; what: 'heads-up' | 'prompt' }
  /** One quiet word that a break has been waiting `holdLimitMinutes`. */
  | { type: 'hold-notice'; at: number; kind: BreakKind; since: number };

export type SchedulerAction =
  | { do: 'start-break'; kind?: BreakKind }
  | { do: 'snooze' }
  | { do: 'skip' }
  | { do: 'finish' }
  | { do: 'pause'; minutes?: number; until?: 'tomorrow' }
  | { do: 'resume' };

export type SchedulerPhase = 'working' | 'heads-up' | 'prompt' | 'on-break' | 'paused' | 'away' | 'off-hours' | 'disabled';

export interface SchedulerStatus {
  phase: SchedulerPhase;
  nextBreak: { at: number; kind: BreakKind } | null;
  pausedUntil: number | null;
  currentBreak: { kind: BreakKind; startedAt: number } | null;
  breaksToday: number;
  /** The due break is held (the tray shows it waiting); `reason` is the highest one active now. */
  held: { reason: HoldReason; since: number } | null;
}

export interface SchedulerDeps {
  clock: Clock;
  activity: ActivitySource;
  settings: Settings;
  /** IANA zone for work hours and "tomorrow"; default: the process's zone, re-read at each wake-up. */
  timeZone?: string;
  /**
   * Ask the hold sources now; their answer comes back through `setHolds`. Called shortly before each heads-up,
   * prompt and re-prompt, when idle reaches awayAfter, and on a slow backoff while a break is held.
   */
  requestHoldCheck?: () => void;
}

/** No two idle samples closer than this (the main process never ticks every second). */
export const SAMPLE_MIN_MS = 30_000;
/** A wake-up this late means the machine slept or the clock jumped without telling us. */
export const LATE_MS = 120_000;
/** Prompts per due break: the first plus re-prompts, each `snoozeMinutes` apart; then the break counts as missed. */
export const MAX_PROMPTS = 3;
/** A break window that never reports back is closed by the scheduler this long after the break's own length. */
export const BREAK_GRACE_MS = 10 * 60_000;
/**
 * While asleep nothing is sampled (an idle counter is meaningless across a sleep), so the timer only needs to fire
 * now and then; sampling waits for `resume`, or for an unlock, which only an awake machine can see.
 */
const ASLEEP_FALLBACK_MS = 15 * 60_000;

const MIN = 60_000;

const held = (ms: number | null) => (ms === null ? {} : { heldSeconds: Math.round(ms / 1000) });

type Presence =
  | { state: 'present' }
  | { state: 'away'; from: number; went: number; cause: 'idle' | 'lock' | 'sleep'; natural: boolean }
  | { state: 'unknown' };

interface OnBreak {
  kind: BreakKind;
  startedAt: number;
  manual: boolean;
  /** How long this break was held before it came, if it was. */
  heldMs: number | null;
}

export class Scheduler {
  private readonly listeners = new Set<(e: SchedulerEvent) => void>();
  private readonly clock: Clock;
  private readonly activity: ActivitySource;
  private readonly requestHoldCheck: (() => void) | undefined;
  private settings: Settings;
  private zoneOverride: string | undefined;
  private zone: string;

  private started = false;
  private timer: Cancel | undefined;
  private timerAt = 0;
  private lastSeen: number;

  // Orthogonal pieces of state; `phase()` reads them in one place.
  private presence: Presence = { state: 'unknown' };
  private asleep = false;
  private lockedByEvent = false;
  private inHours = true;
  private hoursChangeAt: number | null = null;
  private paused: { until: number | null; byDuration: boolean } | null = null;
  private onBreak: OnBreak | null = null;

  // The current work cycle.
  private workMs = 0;
  private countFrom = 0;
  /** Where the current stretch of desk time began (countFrom moves on with every bank; this does not). */
  private presentSince = 0;
  private cycleAt = 0;
  private sinceLong = 0;
  private snoozedUntil: number | null = null;
  private headsUpGiven = false;
  private prompts = 0;
  private lastPromptAt = 0;
  /** The cycle began with a break (taken, skipped or missed): an absence now is a natural break. */
  private afterBreak = false;

  // Holds: active reasons and the held break; once it came, its record stays here so a re-hold is the same hold.
  private readonly holds = new HoldState<BreakKind>();
  private releasedHold: { kind: BreakKind; reason: HoldReason; since: number; noticeDone: boolean; heldMs: number } | null = null;
  /** The decision instant a hold check was last asked for, and whether one waits to be sent after this run. */
  private checkedFor = Number.NaN;
  private checkWanted = false;

  // Idle sampling.
  private nextSampleAt = 0;

  private today = { key: '', count: 0 };
  private queue: SchedulerEvent[] = [];
  private flushing = false;

  constructor(deps: SchedulerDeps) {
    this.clock = deps.clock;
    this.activity = deps.activity;
    this.requestHoldCheck = deps.requestHoldCheck;
    this.settings = deps.settings;
    this.zoneOverride = deps.timeZone && isValidTimeZone(deps.timeZone) ? deps.timeZone : undefined;
    this.zone = this.zoneOverride ?? currentTimeZone();
    this.lastSeen = this.clock.now();
  }

  onEvent(cb: (e: SchedulerEvent) => void): Cancel {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    const now = this.clock.now();
    this.lastSeen = now;
    this.zone = this.zoneOverride ?? currentTimeZone();
    this.inHours = inWorkHours(now, this.settings.workHours, this.zone);
    this.hoursChangeAt = nextWorkHoursChange(now, this.settings.workHours, this.zone);
    this.newPeriod(now);
    this.run(now);
  }

  stop(): void {
    this.started = false;
    this.cancelTimer();
  }

  setSettings(s: Settings): void {
    const now = this.enter();
    this.bank(now);
    const wasTracking = this.tracking();
    this.settings = s;
    this.refreshHours(now, true);
    if (!wasTracking && this.tracking()) this.newPeriod(now);
    // A due break (or its heads-up) that moved into the future is no longer pending.
    if (this.snoozedUntil === null) {
      const worked = this.workedMs(now);
      if (worked < this.intervalMs()) this.prompts = 0;
      if (worked < this.intervalMs() - s.headsUpSeconds * 1000) this.headsUpGiven = false;
    }
    this.run(now);
  }

  /** Use another time zone for work hours (e.g. the system zone changed); undefined follows the process's zone. */
  setTimeZone(tz: string | undefined): void {
    this.zoneOverride = tz && isValidTimeZone(tz) ? tz : undefined;
    const now = this.enter();
    this.run(now);
  }

  power(e: PowerEvent): void {
    const now = this.enter();
    switch (e) {
      case 'lock':
        this.lockedByEvent = true;
        // A break running when the screen locks ends where it got to; the absence that follows counts as away.
        if (this.onBreak) this.endBreak(now, 'partial');
        if (this.tracking() && this.presence.state === 'present') this.goAway(now, 'lock');
        break;
      case 'unlock':
        this.lockedByEvent = false;
        // A screen unlocked is a machine awake, even if its `resume` event was lost.
        this.asleep = false;
        if (this.tracking()) this.sample(now, true);
        break;
      case 'suspend':
        this.asleep = true;
        if (this.onBreak) this.endBreak(now, now - this.onBreak.startedAt >= this.breakMs(this.onBreak.kind) ? 'completed' : 'partial');
        if (this.tracking()) {
          if (this.presence.state === 'present') this.goAway(now, 'sleep');
          else if (this.presence.state === 'away') this.presence.cause = 'sleep';
        }
        break;
      case 'resume':
        this.asleep = false;
        if (this.tracking()) this.sample(now, true);
        break;
    }
    this.run(now);
  }

  status(): SchedulerStatus {
    const now = Math.max(this.clock.now(), this.lastSeen);
    const phase = this.phase();
    let nextBreak: SchedulerStatus['nextBreak'] = null;
    if (phase === 'working' || phase === 'heads-up' || phase === 'prompt') {
      nextBreak = { at: phase === 'prompt' ? now : this.dueAt(now), kind: this.dueKind() };
    }
    return {
      phase,
      nextBreak,
      pausedUntil: this.paused?.until ?? null,
      currentBreak: this.onBreak ? { kind: this.onBreak.kind, startedAt: this.onBreak.startedAt } : null,
      breaksToday: this.today.key === localDayKey(now, this.zone) ? this.today.count : 0,
      held: this.holds.held
        ? { reason: this.holds.holding(this.settings.holdDuring) ?? this.holds.held.reason, since: this.holds.held.since }
        : null,
    };
  }

  /** The shared cycle as it stands (several computers; a restart continues from it). */
  cycleSnapshot(): { at: number; workedMs: number; idleMs: number; sinceLong: number; snoozedUntil: number | null; paused: boolean; pausedUntil: number | null } {
    const now = Math.max(this.clock.now(), this.lastSeen);
    // The idle stretch going on now counts as work only until it reaches awayAfter (then it is taken back from its
    // start): kept apart, so whoever continues the cycle later adds it only if the whole stretch stayed short.
    const idleMs = this.counting() ? Math.max(0, Math.min(this.idleMs(), now - this.presentSince, this.workedMs(now))) : 0;
    return {
      at: now,
      // During a break the cycle restarts when it ends: nothing of it is owed.
      workedMs: this.onBreak ? 0 : this.workedMs(now) - idleMs,
      idleMs,
      sinceLong: this.sinceLong,
      snoozedUntil: this.snoozedUntil,
      paused: this.paused !== null,
      pausedUntil: this.paused?.until ?? null,
    };
  }

  /**
   * Continue a cycle saved by this computer before a restart, or kept by another computer: `workedMs` of work done
   * (counted up to now by the caller), the place in the micro/long rotation, a snooze or a pause still running.
   */
  restoreCycle(c: { workedMs: number; sinceLong: number; snoozedUntil: number | null; paused: boolean; pausedUntil: number | null }): void {
    const now = this.enter();
    if (this.onBreak) return;
    if (c.paused && (c.pausedUntil === null || c.pausedUntil > now)) {
      this.bank(now);
      this.paused = { until: c.pausedUntil, byDuration: c.pausedUntil !== null };
      this.presence = { state: 'unknown' };
    } else if (this.paused === null) {
      this.sinceLong = Math.max(0, Math.floor(c.sinceLong));
      this.workMs = Math.max(0, c.workedMs);
      this.countFrom = this.presentSince = now;
      this.snoozedUntil = c.snoozedUntil !== null && c.snoozedUntil > now ? c.snoozedUntil : null;
    }
    this.run(now);
  }

  /**
   * Every hold reason active now, whatever `holdDuring` says: presence (call, share, presentation) counts for all,
   * holding only for those the user chose.
   */
  setHolds(active: readonly HoldReason[]): void {
    const now = this.enter();
    this.bank(now);
    const { presenceBegan } = this.holds.set(active, now);
    const p = this.presence;
    if (presenceBegan && p.state === 'away' && p.cause === 'idle' && this.tracking() && now - p.went <= CHECK_ANSWER_MS) {
      // The answer to the check made as idle reached awayAfter: in a call all along, so that idle was desk time.
      this.workMs += Math.max(0, now - p.from);
      this.presence = { state: 'present' };
      this.countFrom = this.presentSince = now;
    }
    const h = this.holds.held;
    const wasFree = h?.freeAt != null;
    this.holds.follow(this.holds.holding(this.settings.holdDuring) !== null, now);
    if (h && wasFree && h.freeAt === null && this.headsUpGiven) {
      // A reason back within the grace: the same hold, and the heads-up it brought is taken back.
      this.headsUpGiven = false;
      this.emit({ type: 'withdrawn', at: now, kind: h.kind, what: 'heads-up' });
    }
    if (this.tracking()) this.sample(now, true);
    this.run(now);
  }

  dispatch(a: SchedulerAction): void {
    const now = this.enter();
    switch (a.do) {
      case 'start-break': {
        if (this.onBreak) break;
        this.bank(now);
        const kind = a.kind ?? this.dueKind();
        // Started from a heads-up or prompt it is the due break; otherwise by hand (it still counts as the due one,
        // and while a break is held it is the held one).
        const manual = !(this.counting() && (this.prompts > 0 || this.headsUpGiven));
        const heldMs = this.heldMs(now);
        this.dropHold();
        this.onBreak = { kind, startedAt: now, manual, heldMs };
        this.emit({ type: 'break-start', at: now, kind, manual });
        break;
      }
      case 'finish':
        // Ended before its length: partial (the break window, which knows the routine, has the last word).
        if (this.onBreak) this.endBreak(now, now - this.onBreak.startedAt >= this.breakMs(this.onBreak.kind) ? 'completed' : 'partial');
        break;
      case 'skip':
        if (this.onBreak) this.endBreak(now, 'skipped');
        else if (this.counting()) this.closeDueBreak(now, 'skipped');
        break;
      case 'snooze': {
        if (!this.onBreak && this.holds.held) break; // a held break is already put off
        if (this.onBreak) {
          // Snooze from the break window: the break is put off, not recorded.
          this.onBreak = null;
          this.newCycleKeepingWork(now);
        } else if (!this.counting() || this.presence.state !== 'present') break;
        this.bank(now);
        const until = Math.max(now, this.snoozedUntil ?? this.dueAt(now)) + this.settings.snoozeMinutes * MIN;
        this.snoozedUntil = until;
        this.headsUpGiven = false;
        this.prompts = 0;
        this.cycleAt = now;
        this.emit({ type: 'snoozed', at: now, kind: this.dueKind(), until });
        break;
      }
      case 'pause': {
        let until: number | null = null;
        if (a.until === 'tomorrow') until = nextWorkDayStart(now, this.settings.workHours, this.zone);
        else if (a.minutes !== undefined) {
          if (!Number.isFinite(a.minutes) || a.minutes <= 0) break;
          until = now + Math.round(a.minutes * MIN);
        }
        this.bank(now);
        this.dropHold(); // pause wins
        this.paused = { until, byDuration: a.until !== 'tomorrow' && until !== null };
        this.presence = { state: 'unknown' };
        this.emit({ type: 'paused', at: now, until });
        break;
      }
      case 'resume':
        if (this.paused) this.resume(now);
        break;
    }
    this.run(now);
  }

  // ---- the state machine ------------------------------------------------------------------------------------

  private phase(): SchedulerPhase {
    if (this.onBreak) return 'on-break';
    if (this.paused) return 'paused';
    if (!this.inHours) return 'off-hours';
    if (!this.enabled()) return 'disabled';
    if (this.presence.state !== 'present') return this.started ? 'away' : 'working';
    if (this.prompts > 0) return 'prompt';
    if (this.headsUpGiven) return 'heads-up';
    return 'working';
  }

  /** Presence matters (and is sampled) only here. */
  private tracking(): boolean {
    return this.started && !this.onBreak && !this.paused && this.inHours && this.enabled();
  }

  private counting(): boolean {
    return this.tracking() && this.presence.state === 'present';
  }

  private enabled(): boolean {
    return this.settings.microBreak.enabled || this.settings.longBreak.enabled;
  }

  private intervalMs(): number {
    const every = this.settings.microBreak.everyMinutes * MIN;
    return this.settings.microBreak.enabled ? every : every * this.settings.longBreak.everyNth;
  }

  private dueKind(): BreakKind {
    const held = this.holds.held ?? this.releasedHold;
    if (held) return held.kind;
    const { microBreak, longBreak } = this.settings;
    if (!microBreak.enabled) return 'long';
    return longBreak.enabled && this.sinceLong >= longBreak.everyNth - 1 ? 'long' : 'micro';
  }

  private breakMs(kind: BreakKind): number {
    return kind === 'long' ? this.settings.longBreak.durationMinutes * MIN : this.settings.microBreak.durationSeconds * 1000;
  }

  private workedMs(now: number): number {
    return this.workMs + (this.counting() ? Math.max(0, now - this.countFrom) : 0);
  }

  private dueAt(now: number): number {
    if (this.snoozedUntil !== null) return this.snoozedUntil;
    return now + Math.max(0, this.intervalMs() - this.workedMs(now));
  }

  /** Bank the work accrued so far, so that settings or state can change underneath. */
  private bank(now: number): void {
    if (this.counting()) {
      this.workMs += Math.max(0, now - this.countFrom);
      this.countFrom = now;
    }
  }

  /** A fresh work period (start, entering work hours, resume, end of a break): nothing done before counts. */
  private newPeriod(now: number, afterBreak = false): void {
    this.resetCycle(now);
    this.afterBreak = afterBreak;
    this.presence = { state: 'unknown' };
    if (this.tracking()) {
      this.presence = this.asleep ? { state: 'away', from: now, went: now, cause: 'sleep', natural: afterBreak } : { state: 'present' };
      this.countFrom = this.presentSince = now;
      this.sample(now, true);
    }
  }

  private resetCycle(now: number): void {
    this.workMs = 0;
    this.countFrom = this.presentSince = now;
    this.cycleAt = now;
    this.snoozedUntil = null;
    this.headsUpGiven = false;
    this.prompts = 0;
    this.afterBreak = false;
    this.dropHold();
  }

  /** How long the due break has been held (till now, or till it came), or null if it never was. */
  private heldMs(now: number): number | null {
    if (this.holds.held) return now - this.holds.held.since;
    return this.releasedHold?.heldMs ?? null;
  }

  /** The hold ends without its break coming (taken, skipped, replaced by a natural break, paused, off hours). */
  private dropHold(): void {
    this.holds.held = null;
    this.releasedHold = null;
  }

  private newCycleKeepingWork(now: number): void {
    this.countFrom = this.presentSince = now;
    if (this.tracking()) this.presence = { state: 'present' };
  }

  private countBreak(kind: BreakKind): void {
    this.sinceLong = kind === 'long' ? 0 : this.sinceLong + 1;
  }

  private tally(now: number): void {
    const key = localDayKey(now, this.zone);
    if (this.today.key !== key) this.today = { key, count: 0 };
    this.today.count++;
  }

  private endBreak(now: number, outcome: BreakOutcome): void {
    const b = this.onBreak;
    if (!b) return;
    this.onBreak = null;
    const seconds = Math.round(Math.min(now - b.startedAt, this.breakMs(b.kind)) / 1000);
    this.countBreak(b.kind);
    if (outcome === 'completed') this.tally(now);
    this.emit({ type: 'break-end', at: now, kind: b.kind, outcome, seconds, ...held(b.heldMs) });
    this.newPeriod(now, true);
  }

  /** The due break ends without being taken (skipped from the tray or heads-up, or missed after re-prompts). */
  private closeDueBreak(now: number, outcome: 'skipped' | 'missed'): void {
    const kind = this.dueKind();
    this.countBreak(kind);
    this.emit({ type: 'break-end', at: now, kind, outcome, seconds: 0, ...held(this.heldMs(now)) });
    this.resetCycle(now);
    this.afterBreak = true;
    this.countFrom = this.presentSince = now;
  }

  private resume(now: number): void {
    this.paused = null;
    this.emit({ type: 'resumed', at: now });
    this.newPeriod(now);
  }

  /** Present → away, from the start of the idle stretch (never before the cycle's own counting began). */
  private goAway(now: number, cause: 'idle' | 'lock' | 'sleep', idleMs = this.idleMs()): void {
    const from = Math.min(now, Math.max(now - idleMs, this.presentSince));
    // Idle already banked as work (settings or hold reasons changed meanwhile) is taken back.
    this.workMs = Math.max(0, this.workMs + from - this.countFrom);
    // Leaving counts as a break after some work in this cycle, or during or right after a break; not at the start of
    // a day, of work hours or after a pause, when nothing was done yet.
    this.presence = { state: 'away', from, went: now, cause, natural: this.workMs > 0 || this.afterBreak };
    if (cause === 'idle') this.askHolds(); // a call or a presentation would make this idle desk time
  }

  private comeBack(now: number, at: number): void {
    if (this.presence.state !== 'away') return;
    const { from, natural } = this.presence;
    const back = Math.min(now, Math.max(at, from));
    const absent = back - from;
    this.presence = { state: 'present' };
    this.countFrom = this.presentSince = back;
    if (!natural) return;
    const { microBreak, longBreak, awayAfterMinutes } = this.settings;
    let kind: BreakKind | null = null;
    if (longBreak.enabled && absent >= longBreak.durationMinutes * MIN) kind = 'long';
    else if (microBreak.enabled && absent >= Math.min(microBreak.durationSeconds * 1000, awayAfterMinutes * MIN)) kind = 'micro';
    if (!kind) return; // too short to be a break; the absence simply did not count as work
    this.countBreak(kind);
    this.tally(now);
    this.emit({ type: 'natural-break', at: now, kind, from, seconds: Math.round(absent / 1000) });
    this.resetCycle(back);
  }

  /** Input idle that counts towards away (none in a call, a share or a presentation). */
  private idleMs(): number {
    const s = this.activity.idleSeconds();
    const raw = Number.isFinite(s) && s > 0 ? Math.round(s * 1000) : 0;
    return this.holds.effectiveIdleMs(raw, this.clock.now());
  }

  private locked(): boolean {
    return this.lockedByEvent || this.activity.isLocked();
  }

  /** Read the activity source and move between present and away. */
  private sample(now: number, force: boolean): void {
    if (this.asleep || !this.tracking()) return;
    if (!force && now < this.nextSampleAt) return;
    const idle = this.idleMs();
    const locked = this.locked();
    const awayMs = this.settings.awayAfterMinutes * MIN;
    if (this.presence.state === 'present') {
      if (locked || idle >= awayMs) {
        this.goAway(now, locked ? 'lock' : 'idle', idle);
      }
    } else if (this.presence.state === 'away') {
      // Back once there was input after leaving; the return is dated by the latest input we can see.
      // An absence that began with a lock or a sleep keeps its cause: a call reported on waking does not make it desk time.
      if (!locked && idle < awayMs && now - idle > this.presence.from) this.comeBack(now, now - idle);
    }
    if (this.presence.state === 'present') {
      this.nextSampleAt = now + Math.max(SAMPLE_MIN_MS, awayMs - idle);
    } else if (this.presence.state === 'away') {
      // The return can only be dated by the latest input seen, so look every 30 s.
      this.nextSampleAt = now + SAMPLE_MIN_MS;
    }
  }

  /** Entry of every public call and wake-up: notice clock jumps and zone changes first. */
  private enter(late = 0): number {
    const now = this.clock.now();
    if (now < this.lastSeen) this.rebase(now - this.lastSeen);
    else if (late > LATE_MS && this.started) {
      // Slept or jumped without an event: the gap is treated like sleep, from where we stopped looking.
      if (this.counting() && !this.activity.coversGaps) this.goAway(now, 'sleep', Math.max(this.idleMs(), now - (this.timerAt || now)));
    }
    this.lastSeen = now;
    if (this.started) this.refreshHours(now, false);
    return now;
  }

  /** The wall clock went backwards by -delta: move our anchors with it, so no time is gained or lost. */
  private rebase(delta: number): void {
    this.countFrom += delta;
    this.presentSince += delta;
    this.cycleAt += delta;
    this.lastPromptAt += delta;
    this.nextSampleAt += delta;
    if (this.snoozedUntil !== null) this.snoozedUntil += delta;
    if (this.presence.state === 'away') this.presence.from += delta;
    if (this.onBreak) this.onBreak.startedAt += delta;
    if (this.paused?.byDuration && this.paused.until !== null) this.paused.until += delta;
    if (this.presence.state === 'away') this.presence.went += delta;
    this.holds.rebase(delta);
    if (this.releasedHold) this.releasedHold.since += delta;
    this.checkedFor += delta;
  }

  private refreshHours(now: number, force: boolean): void {
    const zone = this.zoneOverride ?? currentTimeZone();
    if (!force && zone === this.zone && (this.hoursChangeAt === null || now < this.hoursChangeAt)) return;
    this.zone = zone;
    const was = this.inHours;
    // Asleep across both ends of the hours (16:00 → next morning) still means a new work period.
    const crossed = this.hoursChangeAt !== null && now >= this.hoursChangeAt;
    this.bank(now);
    this.inHours = inWorkHours(now, this.settings.workHours, zone);
    this.hoursChangeAt = nextWorkHoursChange(now, this.settings.workHours, zone);
    if (was !== this.inHours || (crossed && this.inHours)) {
      if (this.inHours) {
        // Entering work hours: a fresh period; nothing done before counts, and the day starts with a micro break.
        this.sinceLong = 0;
        this.newPeriod(now);
      }
      else {
        this.presence = { state: 'unknown' };
        this.resetCycle(now);
      }
    }
  }

  /** Decide what is due at `now`, emit it, flush events and arm the one timer; then ask the hold sources if due. */
  private run(now: number): void {
    if (this.started) this.advance(now);
    this.flush();
    this.arm();
    // After the state settled: a source that answers at once re-enters through setHolds.
    if (this.checkWanted && !this.flushing) {
      this.checkWanted = false;
      this.requestHoldCheck?.();
    }
  }

  private askHolds(): void {
    if (this.requestHoldCheck) this.checkWanted = true;
  }

  private advance(now: number): void {
    if (this.paused && this.paused.until !== null && now >= this.paused.until) this.resume(now);
    if (this.onBreak && now >= this.onBreak.startedAt + this.breakMs(this.onBreak.kind) + BREAK_GRACE_MS) {
      this.endBreak(now, 'completed');
    }
    if (!this.tracking()) return;
    if (this.presence.state === 'unknown') this.newPeriod(now);
    // Before anything is shown, look at the user: no prompt to an empty chair.
    const dueSoon = this.dueAt(now) - this.settings.headsUpSeconds * 1000 <= now;
    this.sample(now, dueSoon);
    const held = this.holds.held;
    if (held?.recheckAt != null && now >= held.recheckAt) {
      this.askHolds();
      this.holds.recheckDone(now);
    }
    if (!this.counting()) return;

    const decision = this.requestHoldCheck ? this.nextDecision(now) : null;
    if (decision !== null && decision - HOLD_CHECK_LEAD_MS <= now && this.checkedFor !== decision) {
      this.checkedFor = decision;
      this.askHolds();
    }
    if (held) return this.advanceHeld(now);

    const due = this.dueAt(now);
    const kind = this.dueKind();
    const headsUpMs = this.settings.headsUpSeconds * 1000;
    const holdBy = this.holds.holding(this.settings.holdDuring);
    if (now < due) {
      if (headsUpMs > 0 && !this.headsUpGiven && now >= due - headsUpMs && due - headsUpMs > this.cycleAt) {
        if (holdBy) return this.holdDue(now, kind, holdBy);
        this.headsUpGiven = true;
        this.emit({ type: 'heads-up', at: now, kind, breakAt: due });
      }
      return;
    }
    if (this.prompts === 0) {
      if (holdBy) this.holdDue(now, kind, holdBy);
      else this.prompt(now, kind);
    } else if (now >= this.lastPromptAt + this.settings.snoozeMinutes * MIN) {
      if (this.prompts >= MAX_PROMPTS) this.closeDueBreak(now, 'missed');
      else if (holdBy) this.holdDue(now, kind, holdBy);
      else this.prompt(now, kind);
    }
  }

  /** A due break meets a hold reason at the moment it would show something: hold it, withdrawing what is shown. */
  private holdDue(now: number, kind: BreakKind, reason: HoldReason): void {
    if (this.prompts > 0 || this.headsUpGiven) {
      this.emit({ type: 'withdrawn', at: now, kind, what: this.prompts > 0 ? 'prompt' : 'heads-up' });
    }
    // Prompts shown before the hold do not count toward the limit.
    this.prompts = 0;
    this.headsUpGiven = false;
    const again = this.releasedHold;
    if (again) {
      // Held once already and back before it was answered: the same hold, no second `break-held`.
      const h = this.holds.hold(again.kind, again.reason, now);
      h.since = again.since;
      h.noticeDone = again.noticeDone;
      this.releasedHold = null;
      return;
    }
    this.holds.hold(kind, reason, now);
    this.emit({ type: 'break-held', at: now, kind, reason });
  }

  /** While held: the one notice; after the last reason, the heads-up and then the break, once. */
  private advanceHeld(now: number): void {
    const h = this.holds.held!;
    const limitAt = h.since + this.settings.holdLimitMinutes * MIN;
    if (!h.noticeDone && h.freeAt === null && now >= limitAt) {
      h.noticeDone = true;
      this.emit({ type: 'hold-notice', at: now, kind: h.kind, since: h.since });
    }
    const comes = this.holds.comesAt(this.dueAt(now));
    if (comes === null) return;
    const kind = this.heldKindAt(comes);
    const headsUpMs = this.settings.headsUpSeconds * 1000;
    if (now < comes) {
      if (headsUpMs > 0 && !this.headsUpGiven && now >= Math.max(h.freeAt!, comes - headsUpMs)) {
        this.headsUpGiven = true;
        this.emit({ type: 'heads-up', at: now, kind, breakAt: comes });
      }
      return;
    }
    this.releasedHold = { kind, reason: h.reason, since: h.since, noticeDone: h.noticeDone, heldMs: now - h.since };
    this.holds.held = null;
    this.prompt(now, kind);
  }

  /** Held longer than the stretch interval (from `break-held` to when it comes): the held break is the long one. */
  private heldKindAt(comes: number): BreakKind {
    const h = this.holds.held!;
    const { microBreak, longBreak } = this.settings;
    const stretchMs = longBreak.everyNth * microBreak.everyMinutes * MIN;
    return longBreak.enabled && comes - h.since > stretchMs ? 'long' : h.kind;
  }

  private prompt(now: number, kind: BreakKind): void {
    this.prompts++;
    this.lastPromptAt = now;
    this.headsUpGiven = true;
    this.emit({ type: 'break-prompt', at: now, kind });
  }

  /** The next instant a heads-up, prompt or re-prompt could show (hold sources are asked shortly before). */
  private nextDecision(now: number): number | null {
    if (!this.counting()) return null;
    const headsUpMs = this.settings.headsUpSeconds * 1000;
    const h = this.holds.held;
    if (h) {
      const comes = this.holds.comesAt(this.dueAt(now));
      if (comes === null) return null;
      return headsUpMs > 0 && !this.headsUpGiven ? Math.max(h.freeAt!, comes - headsUpMs) : comes;
    }
    const due = this.dueAt(now);
    if (headsUpMs > 0 && !this.headsUpGiven && due - headsUpMs > this.cycleAt && now < due) return due - headsUpMs;
    if (this.prompts === 0) return due;
    return this.prompts < MAX_PROMPTS ? this.lastPromptAt + this.settings.snoozeMinutes * MIN : null;
  }

  /** The earliest instant anything can change. */
  private nextDeadline(now: number): number | null {
    if (!this.started) return null;
    const cands: number[] = [];
    if (this.onBreak) cands.push(this.onBreak.startedAt + this.breakMs(this.onBreak.kind) + BREAK_GRACE_MS);
    else if (this.paused) {
      if (this.paused.until !== null) cands.push(this.paused.until);
    } else {
      if (this.hoursChangeAt !== null) cands.push(this.hoursChangeAt);
      if (this.tracking()) {
        if (this.asleep) cands.push(now + ASLEEP_FALLBACK_MS);
        else cands.push(this.nextSampleAt);
        const held = this.holds.held;
        if (held?.recheckAt != null && this.requestHoldCheck) cands.push(held.recheckAt);
        if (this.counting()) {
          const decision = this.nextDecision(now);
          if (decision !== null) {
            cands.push(decision);
            if (this.requestHoldCheck && this.checkedFor !== decision) cands.push(decision - HOLD_CHECK_LEAD_MS);
          }
          if (held && !held.noticeDone && held.freeAt === null) cands.push(held.since + this.settings.holdLimitMinutes * MIN);
          // A re-prompt slot past the limit is where the break counts as missed.
          if (!held && this.prompts >= MAX_PROMPTS) cands.push(this.lastPromptAt + this.settings.snoozeMinutes * MIN);
        }
      }
    }
    // Whatever is due at `now` was handled by advance(); never re-arm for the same instant (no busy loop).
    return cands.length ? Math.max(now + 1, Math.min(...cands)) : null;
  }

  private arm(): void {
    const now = this.clock.now();
    const at = this.nextDeadline(now);
    if (at === null) {
      this.cancelTimer();
      return;
    }
    if (this.timer && this.timerAt === at) return;
    this.cancelTimer();
    this.timerAt = at;
    this.timer = this.clock.setTimer(at, () => this.wake(at));
  }

  private cancelTimer(): void {
    this.timer?.();
    this.timer = undefined;
  }

  private wake(at: number): void {
    this.timer = undefined;
    if (!this.started) return;
    const now = this.enter(this.clock.now() - at);
    this.run(now);
  }

  private emit(e: SchedulerEvent): void {
    this.queue.push(e);
  }

  /** Listeners run after the state is settled; actions they dispatch queue behind earlier events, in order. */
  private flush(): void {
    if (this.flushing) return;
    this.flushing = true;
    try {
      for (let e = this.queue.shift(); e; e = this.queue.shift()) {
        for (const l of this.listeners) l(e);
      }
    } finally {
      this.flushing = false;
    }
  }
}
