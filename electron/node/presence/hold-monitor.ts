// Asks every hold source at decision points (when the scheduler requests it), follows their events only while a
// break is held, and tells the scheduler which reasons are active. Nothing here runs on a fixed timer.
import type { Cancel } from '../../core/clock.ts';
import { HOLD_REASONS, type HoldReason, type HoldSource, type HoldVerdict } from '../../core/holds.ts';
import type { HoldsPort } from '../../core/holds.ts';
import { askWithin, watchSafely, type GuardOptions } from './guard.ts';

export interface HoldMonitorOptions extends GuardOptions {
  sources: readonly HoldSource[];
  /** All active reasons, highest first (the scheduler decides which of them hold a break); or given to start(). */
  setHolds?: (active: readonly HoldReason[]) => void;
  log?: (message: string) => void;
  /** Events come in bursts (a call opens several streams): wait this long for quiet before asking again. */
  settleMs?: number;
}

export const EVENT_SETTLE_MS = 1000;

export class HoldMonitor implements HoldsPort {
  private readonly last = new Map<string, HoldVerdict>();
  private running: Promise<readonly HoldReason[]> | null = null;
  private again = false;
  private watches: Cancel[] = [];
  private settle: Cancel | null = null;
  private stopped = false;
  /** How many times the sources were asked (each a wake-up of the app). */
  checks = 0;

  private setHolds: (active: readonly HoldReason[]) => void;

  constructor(private readonly opts: HoldMonitorOptions) {
    this.setHolds = opts.setHolds ?? (() => {});
  }

  start(setHolds: (active: readonly HoldReason[]) => void): void {
    this.setHolds = setHolds;
    this.stopped = false;
  }

  /** Ask every source now; overlapping requests share one round and one more follows if asked meanwhile. */
  check(): Promise<readonly HoldReason[]> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.round().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.check();
      }
    });
    return this.running;
  }

  /** Resolves once no round is running or waiting (tests wait for an answer before moving their clock on). */
  async settled(): Promise<void> {
    while (this.running || this.settle) {
      if (this.running) await this.running;
      else await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The last answer of each source, by id (for `limber doctor` and status). */
  answers(): ReadonlyMap<string, HoldVerdict> {
    return this.last;
  }

  get following(): boolean {
    return this.watches.length > 0;
  }

  stop(): void {
    this.stopped = true;
    this.unfollow();
  }

  private async round(): Promise<readonly HoldReason[]> {
    this.checks++;
    const verdicts = await Promise.all(this.opts.sources.map((s) => askWithin(s, this.opts).then((v) => [s, v] as const)));
    const active = new Set<HoldReason>();
    for (const [s, v] of verdicts) {
      this.last.set(s.id, v);
      if (v.state === 'held') active.add(v.reason);
    }
    const ordered = HOLD_REASONS.filter((r) => active.has(r));
    if (this.stopped) return ordered;
    if (ordered.length) this.follow();
    else this.unfollow();
    this.setHolds(ordered);
    return ordered;
  }

  private follow(): void {
    if (this.watches.length) return;
    const log = this.opts.log ?? (() => {});
    const onChange = () => {
      if (this.stopped) return;
      this.settle?.();
      const after = this.opts.after ?? ((ms: number, fn: () => void) => {
        const h = setTimeout(fn, ms);
        return () => clearTimeout(h);
      });
      this.settle = after(this.opts.settleMs ?? EVENT_SETTLE_MS, () => {
        this.settle = null;
        void this.check();
      });
    };
    this.watches = this.opts.sources.filter((s) => s.watch).map((s) => watchSafely(s, onChange, log));
  }

  private unfollow(): void {
    for (const w of this.watches) w();
    this.watches = [];
    this.settle?.();
    this.settle = null;
  }
}
