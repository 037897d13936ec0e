// The break player: a routine laid out on a timeline of segments, and a small state machine that moves along it.
// Every operation takes the current time and returns a new player; the UI renders `tick(player, now)`.
import { getExercise, type Direction, type Exercise, type Motion, type Side } from './catalog.ts';
import { fitDose, type Routine } from './routine.ts';

export type CueCode =
  | 'get-ready'
  | 'begin'
  | 'switch-direction'
  | 'other-side'
  | 'rep'
  | 'hold'
  | 'release'
  | 'lean-back'
  | 'breathe';

/** What to tell the user at the start of a segment; messages.ts turns it into words. */
export interface Cue {
  code: CueCode;
  /** Counter ("8 of 10"): repetition, else set, else side or direction. */
  n: number;
  of: number;
  side?: Side;
  direction?: Direction;
}

export interface PlanSegment {
  cue: Cue;
  motion: Motion;
  side?: Side;
  direction?: Direction;
  /** Offsets on the routine's timeline, in ms. */
  start: number;
  end: number;
}

export interface PlanExercise {
  id: string;
  start: number;
  end: number;
  segments: PlanSegment[];
}

export interface Plan {
  readyMs: number;
  exercises: PlanExercise[];
  totalMs: number;
}

export interface PlayerOptions {
  /** Length of the get-ready countdown (default 5 s). */
  readySeconds?: number;
  /** Where exercise ids are looked up (default: the catalog). */
  lookup?: (id: string) => Exercise | undefined;
}

export const DEFAULT_READY_SECONDS = 5;

const motionOfClosing = { 'lean-back': 'backward', breathe: 'none' } as const satisfies Record<string, Motion>;

/** The segments of one exercise played for `seconds`, starting at `offset` ms. */
export function planExercise(ex: Exercise, seconds: number, offset = 0): PlanExercise {
  const { dose, closingSeconds } = fitDose(ex, seconds);
  const sets = dose.sets ?? 1;
  const reps = dose.reps ?? 1;
  const inner = (dose.sides ?? 1) * (dose.directions ?? 1);
  const hold = dose.holdSeconds ?? 0;
  const alternating = reps > 1 && inner > 1;
  const segments: PlanSegment[] = [];
  let t = 0; // seconds into the exercise; boundaries round to whole ms from this exact running sum
  const push = (cue: Cue, motion: Motion, length: number, where: { side?: Side; direction?: Direction }) => {
    const start = offset + Math.round(t * 1000);
    t += length;
    segments.push({ cue, motion, ...where, start, end: offset + Math.round(t * 1000) });
  };
  let prev: { side?: Side; direction?: Direction } | null = null;
  for (let set = 1; set <= sets; set++) {
    for (let rep = 1; rep <= reps; rep++) {
      for (let u = 0; u < inner; u++) {
        const side: Side | undefined = dose.sides ? (u === 0 ? 'right' : 'left') : undefined;
        const direction = dose.directions ? ex.directionPair?.[u] : undefined;
        const where = { ...(side && { side }), ...(direction && { direction }) };
        const [n, of] = reps > 1 ? [rep, reps] : sets > 1 ? [set, sets] : [u + 1, inner];
        const plain: CueCode = hold > 0 ? 'hold' : reps > 1 ? 'rep' : 'begin';
        let code: CueCode = plain;
        if (prev && !alternating && side && prev.side !== side) code = 'other-side';
        else if (prev && direction && prev.direction !== direction) code = 'switch-direction';
        const cue: Cue = { code, n, of, ...where };
        if (hold > 0) {
          push(cue, ex.phases?.[0] ?? 'hold', hold, where);
          if (dose.secondsEach > hold) push({ ...cue, code: 'release' }, ex.phases?.[1] ?? 'release', dose.secondsEach - hold, where);
        } else if (ex.phases) {
          push(cue, ex.phases[0], dose.secondsEach / 2, where);
          push(cue, ex.phases[1], dose.secondsEach / 2, where);
        } else {
          push(cue, direction ?? side ?? 'none', dose.secondsEach, where);
        }
        prev = where;
      }
    }
  }
  if (ex.closing && closingSeconds > 0) {
    push({ code: ex.closing.cue, n: 1, of: 1 }, motionOfClosing[ex.closing.cue], closingSeconds, {});
  }
  return { id: ex.id, start: offset, end: offset + Math.round(seconds * 1000), segments };
}

export function planRoutine(routine: Routine, opts: PlayerOptions = {}): Plan {
  const lookup = opts.lookup ?? getExercise;
  // An empty routine has nothing to get ready for.
  const readyMs = routine.exercises.length > 0 ? Math.round((opts.readySeconds ?? DEFAULT_READY_SECONDS) * 1000) : 0;
  const exercises: PlanExercise[] = [];
  let at = readyMs;
  for (const item of routine.exercises) {
    const ex = lookup(item.id);
    if (!ex) throw new Error(`unknown exercise id: ${item.id}`);
    const planned = planExercise(ex, item.seconds, at);
    exercises.push(planned);
    at = planned.end;
  }
  return { readyMs, exercises, totalMs: at };
}

export type PlayerStatus = 'idle' | 'running' | 'paused' | 'finished';

/** The machine's whole state. `pos` is the timeline position (ms) at wall time `since`. */
export interface Player {
  readonly plan: Plan;
  readonly status: PlayerStatus;
  readonly pos: number;
  readonly since: number;
  /** Ms actually spent moving in each exercise, up to `since`. */
  readonly movedMs: readonly number[];
}

export function createPlayer(routine: Routine, opts: PlayerOptions = {}): Player {
  const plan = planRoutine(routine, opts);
  return { plan, status: 'idle', pos: 0, since: 0, movedMs: plan.exercises.map(() => 0) };
}

function position(p: Player, now: number): number {
  return p.status === 'running' ? Math.min(p.plan.totalMs, p.pos + Math.max(0, now - p.since)) : p.pos;
}

/** Time spent in each exercise while the timeline ran from `a` to `b`. */
function addMoved(plan: Plan, moved: readonly number[], a: number, b: number): number[] {
  return plan.exercises.map((e, i) => (moved[i] ?? 0) + Math.max(0, Math.min(b, e.end) - Math.max(a, e.start)));
}

/** Bring the anchor up to `now`, counting the time moved on the way. */
function settle(p: Player, now: number): Player {
  const pos = position(p, now);
  const movedMs = p.status === 'running' ? addMoved(p.plan, p.movedMs, p.pos, pos) : p.movedMs;
  const status = p.status === 'running' && pos >= p.plan.totalMs ? 'finished' : p.status;
  return { ...p, pos, since: now, movedMs, status };
}

const jump = (p: Player, now: number, pos: number): Player => ({ ...settle(p, now), pos });

function exerciseAt(plan: Plan, pos: number): number {
  const i = plan.exercises.findIndex((e) => pos < e.end);
  return i === -1 ? plan.exercises.length : i;
}

export function start(p: Player, now: number): Player {
  return p.status === 'idle' ? { ...p, status: p.plan.totalMs > 0 ? 'running' : 'finished', since: now } : p;
}

export function pause(p: Player, now: number): Player {
  const s = settle(p, now);
  return s.status === 'running' ? { ...s, status: 'paused' } : s;
}

export function resume(p: Player, now: number): Player {
  return p.status === 'paused' ? { ...p, status: 'running', since: now } : p;
}

export function togglePause(p: Player, now: number): Player {
  return p.status === 'paused' ? resume(p, now) : pause(p, now);
}

/** Skip to the next exercise (from get-ready: to the first); past the last one the break is finished. */
export function next(p: Player, now: number): Player {
  const s = settle(p, now);
  if (s.status === 'idle' || s.status === 'finished') return s;
  const target = s.pos < s.plan.readyMs ? 0 : exerciseAt(s.plan, s.pos) + 1;
  const ex = s.plan.exercises[target];
  return ex ? jump(s, now, ex.start) : finish(s, now);
}

/** Back to the start of the previous exercise; in the first one (or while getting ready), to its start. */
export function previous(p: Player, now: number): Player {
  const s = settle(p, now);
  if (s.status === 'idle' || s.status === 'finished') return s;
  if (s.pos < s.plan.readyMs) return jump(s, now, 0);
  const ex = s.plan.exercises[Math.max(0, exerciseAt(s.plan, s.pos) - 1)];
  return ex ? jump(s, now, ex.start) : s;
}

/** End the break now (finish button, closing the window). */
export function finish(p: Player, now: number): Player {
  return { ...settle(p, now), status: 'finished' };
}

export interface PlayerSummary {
  /** Exercises moved through for at least half their time, in routine order. */
  exercises: string[];
  secondsMoved: number;
  /** True when the routine played to its end rather than being finished early. */
  completed: boolean;
}

export interface SegmentState {
  cue: Cue;
  motion: Motion;
  side?: Side;
  direction?: Direction;
  /** Counter shown with the cue: `index` of `count`, from 1. */
  index: number;
  count: number;
  /** Position of this segment in its exercise, from 0; changes exactly when the segment does. */
  number: number;
  secondsLeft: number;
  secondsTotal: number;
}

export type PlayerPhase = 'ready' | 'moving' | 'finished';

export interface PlayerState {
  /** Wall time this snapshot describes. */
  at: number;
  phase: PlayerPhase;
  started: boolean;
  paused: boolean;
  exerciseIndex: number;
  exerciseCount: number;
  /** The current exercise; while getting ready, the first one. */
  exerciseId: string | null;
  segment: SegmentState | null;
  exerciseSecondsLeft: number;
  exerciseSecondsTotal: number;
  upNext: string | null;
  /** Elapsed fraction (0–1) of the current segment or get-ready countdown, for the countdown ring. */
  progress: number;
  /** Elapsed fraction (0–1) of the whole routine, get-ready excluded. */
  routineProgress: number;
  summary: PlayerSummary | null;
  /** Exact remaining ms of the segment and exercise, for scheduling. */
  segmentMsLeft: number;
  exerciseMsLeft: number;
}

const secs = (ms: number): number => Math.ceil(ms / 1000 - 1e-9);
const frac = (done: number, total: number): number => (total > 0 ? Math.min(1, Math.max(0, done / total)) : 1);

function summarize(plan: Plan, movedMs: readonly number[], completed: boolean): PlayerSummary {
  return {
    exercises: plan.exercises.filter((e, i) => (movedMs[i] ?? 0) * 2 >= e.end - e.start).map((e) => e.id),
    secondsMoved: Math.round(movedMs.reduce((s, x) => s + x, 0) / 1000),
    completed,
  };
}

/** The snapshot at `now`. Pure: the same player and time always give the same state. */
export function tick(p: Player, now: number): PlayerState {
  const s = settle(p, now);
  const { plan } = s;
  const moving = plan.totalMs - plan.readyMs;
  const base = {
    at: now,
    started: s.status !== 'idle',
    paused: s.status === 'paused',
    exerciseCount: plan.exercises.length,
    routineProgress: frac(s.pos - plan.readyMs, moving),
  };
  if (s.status === 'finished' || plan.exercises.length === 0) {
    return {
      ...base,
      phase: 'finished',
      exerciseIndex: plan.exercises.length,
      exerciseId: null,
      segment: null,
      exerciseSecondsLeft: 0,
      exerciseSecondsTotal: 0,
      upNext: null,
      progress: 1,
      summary: summarize(plan, s.movedMs, s.pos >= plan.totalMs),
      segmentMsLeft: 0,
      exerciseMsLeft: 0,
    };
  }
  if (s.pos < plan.readyMs) {
    const left = plan.readyMs - s.pos;
    const first = plan.exercises[0];
    return {
      ...base,
      phase: 'ready',
      exerciseIndex: 0,
      exerciseId: first?.id ?? null,
      segment: {
        cue: { code: 'get-ready', n: 1, of: 1 },
        motion: 'none',
        index: 1,
        count: 1,
        number: 0,
        secondsLeft: secs(left),
        secondsTotal: secs(plan.readyMs),
      },
      exerciseSecondsLeft: secs(left),
      exerciseSecondsTotal: secs(plan.readyMs),
      upNext: plan.exercises[1]?.id ?? null,
      progress: frac(s.pos, plan.readyMs),
      summary: null,
      segmentMsLeft: left,
      exerciseMsLeft: left,
    };
  }
  const i = exerciseAt(plan, s.pos);
  const ex = plan.exercises[i];
  const n = ex ? ex.segments.findIndex((g) => s.pos < g.end) : -1;
  const seg = ex?.segments[n];
  if (!ex || !seg) throw new Error('player position outside its plan');
  return {
    ...base,
    phase: 'moving',
    exerciseIndex: i,
    exerciseId: ex.id,
    segment: {
      cue: seg.cue,
      motion: seg.motion,
      ...(seg.side && { side: seg.side }),
      ...(seg.direction && { direction: seg.direction }),
      index: seg.cue.n,
      count: seg.cue.of,
      number: n,
      secondsLeft: secs(seg.end - s.pos),
      secondsTotal: secs(seg.end - seg.start),
    },
    exerciseSecondsLeft: secs(ex.end - s.pos),
    exerciseSecondsTotal: secs(ex.end - ex.start),
    upNext: plan.exercises[i + 1]?.id ?? null,
    progress: frac(s.pos - seg.start, seg.end - seg.start),
    summary: null,
    segmentMsLeft: seg.end - s.pos,
    exerciseMsLeft: ex.end - s.pos,
  };
}

/** Ms until a whole-second countdown of `ms` shows a different number (or reaches zero). */
const toNextSecond = (ms: number): number => ms - 1000 * (secs(ms) - 1);

/**
 * When the snapshot next changes (a countdown second, a segment, an exercise, the end), or null when nothing will
 * change on its own (not started, paused, finished). One timer at this time replaces polling.
 */
export function nextChangeAt(state: PlayerState): number | null {
  if (!state.started || state.paused || state.phase === 'finished') return null;
  const wait = Math.min(toNextSecond(state.segmentMsLeft), toNextSecond(state.exerciseMsLeft));
  return state.at + Math.max(1, Math.ceil(wait));
}
