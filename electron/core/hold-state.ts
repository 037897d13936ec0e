// The scheduler's hold bookkeeping (docs/scheduling.md, "Holds"): which reasons are active, whether
// the user counts as present because of them, and the one held break with its timings. Pure state and arithmetic;
// the scheduler decides when to call what.
import { PRESENCE_REASONS, topReason } from './holds.ts';
import type { HoldReason } from './holds.ts';

/** The held break comes this long after the last reason ends; a reason back within it is the same hold. */
export const HOLD_GRACE_MS = 2 * 60_000;
/** Sources are asked this long before a heads-up, a prompt or a re-prompt, so their answer is in by then. */
export const HOLD_CHECK_LEAD_MS = 10_000;
/** While a break is held, sources are asked again after these waits (the last one repeats). */
export const HOLD_RECHECK_MS: readonly number[] = [60_000, 120_000, 300_000];
/** An answer to the check made when idle reached awayAfter is taken as that moment's truth if it comes this soon. */
export const CHECK_ANSWER_MS = 5_000;

export interface HeldBreak<K extends string> {
  kind: K;
  /** The reason named in `break-held`. */
  reason: HoldReason;
  /** When `break-held` was emitted. */
  since: number;
  /** When the last holding reason ended, while none is active; null while one is. */
  freeAt: number | null;
  noticeDone: boolean;
  /** Sources are asked again at this time while the hold lasts (null during the grace after it). */
  recheckAt: number | null;
  rechecks: number;
}

export class HoldState<K extends string> {
  private active = new Set<HoldReason>();
  /** When the last presence reason (call, share, presentation) ended; idle before it is not away. */
  private presenceEndAt = Number.NEGATIVE_INFINITY;
  held: HeldBreak<K> | null = null;

  /** Replace the active reasons. Returns whether presence began or ended with this change. */
  set(reasons: readonly HoldReason[], now: number): { presenceBegan: boolean } {
    const wasPresent = this.present();
    this.active = new Set(reasons);
    const isPresent = this.present();
    if (wasPresent && !isPresent) this.presenceEndAt = now;
    return { presenceBegan: !wasPresent && isPresent };
  }

  /** In a call, a share or a presentation: input idle is not away. */
  present(): boolean {
    return PRESENCE_REASONS.some((r) => this.active.has(r));
  }

  /** The highest active reason among those the user lets hold a break, or null. */
  holding(holdDuring: readonly HoldReason[]): HoldReason | null {
    return topReason(holdDuring.filter((r) => this.active.has(r)));
  }

  /** Idle time that counts towards away: none while present, and only what outlasts the last presence. */
  effectiveIdleMs(rawIdleMs: number, now: number): number {
    if (this.present()) return 0;
    return Math.max(0, Math.min(rawIdleMs, now - this.presenceEndAt));
  }

  /** Hold the due break now. */
  hold(kind: K, reason: HoldReason, now: number): HeldBreak<K> {
    this.held = { kind, reason, since: now, freeAt: null, noticeDone: false, recheckAt: now + HOLD_RECHECK_MS[0]!, rechecks: 0 };
    return this.held;
  }

  /** Follow the holding reasons: the grace starts when the last one ends and is cancelled when one returns. */
  follow(holdingNow: boolean, now: number): void {
    const h = this.held;
    if (!h) return;
    if (holdingNow && h.freeAt !== null) {
      h.freeAt = null;
      h.recheckAt = now + HOLD_RECHECK_MS[0]!;
      h.rechecks = 0;
    } else if (!holdingNow && h.freeAt === null) {
      h.freeAt = now;
      h.recheckAt = null;
    }
  }

  /** When the held break comes: 2 min after the last reason ended, never before the break was due. */
  comesAt(dueAt: number): number | null {
    const h = this.held;
    return h && h.freeAt !== null ? Math.max(dueAt, h.freeAt + HOLD_GRACE_MS) : null;
  }

  /** The next backoff re-check, after one was made at `now`. */
  recheckDone(now: number): void {
    const h = this.held;
    if (!h || h.recheckAt === null) return;
    h.rechecks++;
    h.recheckAt = now + HOLD_RECHECK_MS[Math.min(h.rechecks, HOLD_RECHECK_MS.length - 1)]!;
  }

  /** Rebase every anchor after the wall clock moved back. */
  rebase(delta: number): void {
    if (Number.isFinite(this.presenceEndAt)) this.presenceEndAt += delta;
    const h = this.held;
    if (!h) return;
    h.since += delta;
    if (h.freeAt !== null) h.freeAt += delta;
    if (h.recheckAt !== null) h.recheckAt += delta;
  }
}
