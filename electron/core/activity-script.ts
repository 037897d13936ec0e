// A scripted user for the simulator and tests: presence as a timeline of states, read through the injected clock.
import type { Clock } from './clock.ts';
import type { ActivitySource } from './scheduler.ts';

/** `off`: Limber not running on that computer (several computers only). */
export type ActivityState = 'active' | 'idle' | 'locked' | 'asleep' | 'off';
export const ACTIVITY_STATES: readonly ActivityState[] = ['active', 'idle', 'locked', 'asleep'];
export const DEVICE_ACTIVITY_STATES: readonly ActivityState[] = [...ACTIVITY_STATES, 'off'];

export interface ActivitySegment {
  from: number;
  to: number;
  state: ActivityState;
}

export interface StateChange {
  at: number;
  from: ActivityState;
  to: ActivityState;
}

/**
 * Time not covered by a segment is `active`, and an active user gives input all the time (idle 0). Any other state
 * is "no input": idle time runs from the start of the unbroken stretch of non-active segments.
 */
export class ScriptedActivity implements ActivitySource {
  private readonly segs: ActivitySegment[];
  /** For each segment, where its stretch of no input began. */
  private readonly stretchFrom: number[];

  constructor(
    segments: readonly ActivitySegment[],
    private readonly clock: Clock,
  ) {
    this.segs = segments.filter((s) => s.to > s.from && s.state !== 'active').sort((a, b) => a.from - b.from);
    this.stretchFrom = [];
    for (let i = 0; i < this.segs.length; i++) {
      const prev = this.segs[i - 1];
      const cur = this.segs[i]!;
      this.stretchFrom.push(prev && prev.to >= cur.from ? this.stretchFrom[i - 1]! : cur.from);
    }
  }

  private index(t: number): number {
    let lo = 0;
    let hi = this.segs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.segs[mid]!;
      if (t < s.from) hi = mid - 1;
      else if (t >= s.to) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  stateAt(t: number): ActivityState {
    const i = this.index(t);
    return i < 0 ? 'active' : this.segs[i]!.state;
  }

  idleSeconds(): number {
    const t = this.clock.now();
    const i = this.index(t);
    return i < 0 ? 0 : (t - this.stretchFrom[i]!) / 1000;
  }

  isLocked(): boolean {
    return this.stateAt(this.clock.now()) === 'locked';
  }

  /** Every change of state after `after` up to and including `until`, in time order. */
  changes(after: number, until: number): StateChange[] {
    const times = new Set<number>();
    for (const s of this.segs) {
      if (s.from > after && s.from <= until) times.add(s.from);
      if (s.to > after && s.to <= until) times.add(s.to);
    }
    const out: StateChange[] = [];
    for (const at of [...times].sort((a, b) => a - b)) {
      const from = this.stateAt(at - 1);
      const to = this.stateAt(at);
      if (from !== to) out.push({ at, from, to });
    }
    return out;
  }
}
