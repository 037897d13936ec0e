// Time is injected everywhere: the app, the harness and the simulator share this interface.

export type Cancel = () => void;

export interface Clock {
  /** Wall-clock milliseconds since the epoch. */
  now(): number;
  /** Run `fn` once at wall time `at` (or as soon as possible if that is past). */
  setTimer(at: number, fn: () => void): Cancel;
}

// setTimeout's delay is a signed 32-bit number: longer waits are chained.
const MAX_DELAY = 2 ** 31 - 1;

/** The real clock. One timer per call; a long wait is re-armed in steps rather than overflowing. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(at, fn) {
    let handle: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      const delay = at - Date.now();
      if (delay <= 0) {
        handle = undefined;
        fn();
        return;
      }
      handle = setTimeout(arm, Math.min(delay, MAX_DELAY));
    };
    handle = setTimeout(arm, Math.max(0, Math.min(at - Date.now(), MAX_DELAY)));
    return () => {
      if (handle !== undefined) clearTimeout(handle);
      handle = undefined;
    };
  },
};

interface PendingTimer {
  at: number;
  seq: number;
  fn: () => void;
}

/** A clock that only moves when told to. Timers fire in time order; `wakeups` counts how many fired. */
export class VirtualClock implements Clock {
  private t: number;
  private timers: PendingTimer[] = [];
  private seq = 0;
  wakeups = 0;

  constructor(start: number | string | Date) {
    this.t = typeof start === 'number' ? start : new Date(start).getTime();
  }

  now(): number {
    return this.t;
  }

  setTimer(at: number, fn: () => void): Cancel {
    const timer = { at: Math.max(at, this.t), seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((x) => x !== timer);
    };
  }

  /** Timers not yet fired, earliest first. */
  pending(): number[] {
    return this.timers.map((x) => x.at).sort((a, b) => a - b);
  }

  /** Move to `target`, firing every timer due on the way, each at its own time. */
  advanceTo(target: number): void {
    for (;;) {
      const next = this.nextDue(target);
      if (!next) break;
      this.timers = this.timers.filter((x) => x !== next);
      this.t = Math.max(this.t, next.at);
      this.wakeups++;
      next.fn();
    }
    this.t = Math.max(this.t, target);
  }

  advanceBy(ms: number): void {
    this.advanceTo(this.t + ms);
  }

  /** Set the wall clock without firing anything (a clock jump, or time passing while asleep). */
  jumpTo(t: number): void {
    this.t = t;
  }

  private nextDue(limit: number): PendingTimer | undefined {
    let best: PendingTimer | undefined;
    for (const x of this.timers) {
      if (x.at <= limit && (!best || x.at < best.at || (x.at === best.at && x.seq < best.seq))) best = x;
    }
    return best;
  }
}
