// The routine builder: which moves a break gets, and for how long. Pure and deterministic.
import { EXERCISES, allowedIn, doseSeconds, type Dose, type Exercise } from './catalog.ts';
import type { BreakKind } from './scheduler.ts';
import type { Position, Settings } from './settings.ts';

export interface RoutineItem {
  id: string;
  seconds: number;
}

export interface Routine {
  kind: BreakKind;
  exercises: RoutineItem[];
  totalSeconds: number;
}

export interface FittedDose {
  dose: Dose;
  closingSeconds: number;
  totalSeconds: number;
}

/**
 * The dose of `ex` stretched to last `seconds`. Counts change first (more or fewer repetitions or sets, keeping
 * the natural pace), then every unit stretches by the same factor so the total is exact; units stay equal, so
 * both directions or both sides always get the same time. Unit lengths may be fractional.
 */
export function fitDose(ex: Exercise, seconds: number): FittedDose {
  const factor = seconds / ex.totalSeconds;
  const closingSeconds = (ex.closing?.seconds ?? 0) * factor;
  const dose: Dose = { ...ex.dose };
  if ((dose.reps ?? 1) > 1) dose.reps = Math.max(1, Math.round((dose.reps ?? 1) * factor));
  else {
    const sets = Math.max(1, Math.round((dose.sets ?? 1) * factor));
    if (sets > 1 || dose.sets !== undefined) dose.sets = sets;
  }
  const units = doseSeconds({ ...dose, secondsEach: 1 });
  const secondsEach = (seconds - closingSeconds) / units;
  if (dose.holdSeconds !== undefined) dose.holdSeconds = (dose.holdSeconds * secondsEach) / dose.secondsEach;
  dose.secondsEach = secondsEach;
  return { dose, closingSeconds, totalSeconds: seconds };
}

// A long break opens with the gentlest move available: the warm-up itself, else something that warms up too.
const OPENERS = ['warm-up', 'shoulder-roll', 'march', 'neck-roll', 'cat-cow', 'overhead-reach'];
// Moves an opener already includes, so the same session does not repeat them.
const CONTAINS: Readonly<Record<string, readonly string[]>> = { 'warm-up': ['shoulder-roll'] };
// A micro break up to this long gets one move; a longer one gets two.
const ONE_MOVE_MAX_SECONDS = 75;
// A long break from this long gets four main moves instead of three.
const FOUR_MOVES_MIN_SECONDS = 270;

// Standing moves first and floor moves last, so a session gets down to the floor once and ends there calmly.
const FLOW: readonly Position[] = ['standing', 'wall', 'seated', 'floor'];
const inFlowOrder = (moves: readonly Exercise[]): Exercise[] =>
  [...moves].sort((a, b) => FLOW.indexOf(a.position) - FLOW.indexOf(b.position));

function eligible(settings: Settings): Exercise[] {
  return EXERCISES.filter((e) => allowedIn(e, settings.positions) && !settings.excludedExercises.includes(e.id));
}

/** Rank by how long ago a move was last used (never used first), then by catalog order. */
function byFreshness(candidates: readonly Exercise[], previous: readonly (readonly string[])[]): Exercise[] {
  const age = (id: string): number => {
    for (let a = 1; a <= previous.length; a++) if (previous[previous.length - a]?.includes(id)) return a;
    return previous.length + 1; // never used: older than anything in the history
  };
  const order = new Map(EXERCISES.map((e, i) => [e.id, i]));
  return [...candidates].sort((x, y) => age(y.id) - age(x.id) || (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0));
}

/** Up to `n` moves, freshest first, each opening a body area not yet worked when possible. */
function pickVaried(ranked: readonly Exercise[], n: number): Exercise[] {
  const picked: Exercise[] = [];
  const covered = new Set<string>();
  for (const e of ranked) {
    if (picked.length >= n) break;
    const primary = e.areas[0];
    if (primary !== undefined && covered.has(primary)) continue;
    picked.push(e);
    if (primary !== undefined) covered.add(primary);
  }
  // Not enough distinct areas: fill with the least overlapping of the rest.
  const rest = ranked.filter((e) => !picked.includes(e));
  while (picked.length < n && rest.length > 0) {
    const areas = new Set(picked.flatMap((p) => p.areas));
    let best = 0;
    let bestOverlap = Infinity;
    rest.forEach((e, i) => {
      const overlap = e.areas.filter((a) => areas.has(a)).length;
      if (overlap < bestOverlap) [best, bestOverlap] = [i, overlap];
    });
    picked.push(...rest.splice(best, 1));
  }
  return picked;
}

/** Split `total` seconds over the moves in proportion to their default doses; whole seconds summing exactly. */
function share(moves: readonly Exercise[], total: number): RoutineItem[] {
  const natural = moves.reduce((s, e) => s + e.totalSeconds, 0);
  const raw = moves.map((e) => (total * e.totalSeconds) / natural);
  const items = moves.map((e, i) => ({ id: e.id, seconds: Math.floor(raw[i] ?? 0) }));
  let left = total - items.reduce((s, x) => s + x.seconds, 0);
  // Largest remainders get the spare seconds; ties go to the earlier move.
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    const item = items[i];
    if (item) item.seconds++;
    left--;
  }
  return items;
}

/**
 * The routine for the next break. `previous` holds the exercise ids of earlier routines, newest last. Only moves
 * allowed by `positions` and not excluded; the least recently used come first, so consecutive routines differ
 * whenever the allowed moves permit. With no allowed move at all the routine is empty.
 */
export function buildRoutine(kind: BreakKind, settings: Settings, previous: readonly (readonly string[])[]): Routine {
  const pool = eligible(settings);
  const total = kind === 'micro' ? settings.microBreak.durationSeconds : settings.longBreak.durationMinutes * 60;
  let moves: Exercise[];
  if (kind === 'micro') {
    const ranked = byFreshness(
      pool.filter((e) => e.id !== 'warm-up'),
      previous,
    );
    // The warm-up alone is still better than an empty break.
    const source = ranked.length > 0 ? ranked : pool;
    moves = pickVaried(source, total <= ONE_MOVE_MAX_SECONDS ? 1 : 2);
  } else {
    const opener = OPENERS.map((id) => pool.find((e) => e.id === id)).find((e) => e !== undefined) ?? pool[0];
    const repeats = (opener && CONTAINS[opener.id]) ?? [];
    const rest = byFreshness(
      pool.filter((e) => e !== opener && !repeats.includes(e.id)),
      previous,
    );
    const main = inFlowOrder(pickVaried(rest, total >= FOUR_MOVES_MIN_SECONDS ? 4 : 3));
    moves = opener ? [opener, ...main] : main;
  }
  // Least recently used first: the previous routine's moves rank last, so it cannot come back unchanged
  // unless the allowed moves leave no other choice.
  const exercises = moves.length > 0 ? share(moves, total) : [];
  return { kind, exercises, totalSeconds: exercises.reduce((s, x) => s + x.seconds, 0) };
}

/** The next `n` routines of one kind, each built on the history of the ones before it. */
export function nextRoutines(
  kind: BreakKind,
  n: number,
  settings: Settings,
  previous: readonly (readonly string[])[] = [],
): Routine[] {
  const history = [...previous];
  const out: Routine[] = [];
  for (let i = 0; i < n; i++) {
    const r = buildRoutine(kind, settings, history);
    out.push(r);
    history.push(r.exercises.map((x) => x.id));
  }
  return out;
}
