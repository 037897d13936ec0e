// The exercise catalog: every move Limber can coach, as plain data. This list is the one registry of exercises:
// `ExerciseId` is derived from it, and the words (names, steps per position, cautions) live in the string catalog
// (i18n/en.ts) under the same ids. Doses follow the source's timings; every word is our own.
import { exercises as englishTexts } from './i18n/en.ts';
import type { Position } from './settings.ts';

export type BodyArea = 'neck' | 'shoulders' | 'upper-back' | 'mid-back' | 'lower-back' | 'core' | 'hips' | 'legs';
export type Side = 'left' | 'right';
export type Direction = 'forward' | 'backward' | 'clockwise' | 'anticlockwise';
/** What the body is doing during a stretch of time; figures animate by this. */
export type Motion = Direction | Side | 'hold' | 'release' | 'up' | 'down' | 'none';

/**
 * How much of a move makes one default round. The innermost unit is one side or one direction (or one
 * repetition when neither applies) and lasts `secondsEach`; units nest as sets > reps > sides|directions, so
 * `reps` with `sides` alternates sides within every repetition. A unit with `holdSeconds` is a hold followed by
 * a release for the rest of the unit.
 */
export interface Dose {
  directions?: 2;
  sides?: 2;
  secondsEach: number;
  reps?: number;
  holdSeconds?: number;
  sets?: number;
}

/** A fixed last part of a move, after its units (e.g. the lean back that ends the chair rotation). */
export interface Closing {
  cue: 'lean-back' | 'breathe';
  seconds: number;
}

/** A move as data: what the routine builder, the player and the figures need. */
export interface Move {
  id: string;
  /** The main position: the one a routine uses when it can, and the figure shows when not told otherwise. */
  position: Position;
  /** Every position the move can be done in, the main one first; routines filter on these. */
  positions: readonly Position[];
  areas: readonly BodyArea[];
  dose: Dose;
  /** Seconds of the default dose, closing included. */
  totalSeconds: number;
  /** The two directions, in order, when `dose.directions` is set. */
  directionPair?: readonly [Direction, Direction];
  /** Motions of the two halves of each unit (hold and release, or a cycle split in two). */
  phases?: readonly [Motion, Motion];
  closing?: Closing;
}

/** A move with its English words, as `npm run -s catalog` prints it. */
export interface Exercise extends Move {
  id: ExerciseId;
  name: string;
  /** The steps in the main position. */
  steps: readonly string[];
  /** The steps in each position the move can be done in, so each reads right (no "stand tall" when seated). */
  stepsByPosition: Readonly<Partial<Record<Position, readonly string[]>>>;
  cautions: readonly string[];
  totalSeconds: number;
}

/** Seconds of a dose: units times seconds per unit. */
export function doseSeconds(dose: Dose): number {
  return (dose.sets ?? 1) * (dose.reps ?? 1) * (dose.sides ?? 1) * (dose.directions ?? 1) * dose.secondsEach;
}

type Entry = Omit<Move, 'totalSeconds'>;

const SIT_STAND: readonly Position[] = ['seated', 'standing'];
const STAND_SIT: readonly Position[] = ['standing', 'seated'];

const ENTRIES = [
  {
    id: 'warm-up',
    position: 'standing',
    positions: STAND_SIT,
    areas: ['shoulders', 'upper-back'],
    dose: { directions: 2, secondsEach: 15 },
    directionPair: ['forward', 'backward'],
    closing: { cue: 'breathe', seconds: 15 },
  },
  {
    id: 'shoulder-roll',
    position: 'seated',
    positions: SIT_STAND,
    areas: ['shoulders', 'upper-back'],
    dose: { directions: 2, secondsEach: 30 },
    directionPair: ['forward', 'backward'],
  },
  {
    id: 'neck-roll',
    position: 'seated',
    positions: SIT_STAND,
    areas: ['neck', 'shoulders'],
    dose: { directions: 2, secondsEach: 30 },
    directionPair: ['clockwise', 'anticlockwise'],
  },
  {
    id: 'march',
    position: 'standing',
    positions: ['standing'],
    areas: ['legs', 'hips', 'core'],
    dose: { reps: 15, sides: 2, secondsEach: 2 },
  },
  {
    id: 'heel-digs',
    position: 'floor',
    positions: ['floor'],
    areas: ['core', 'hips', 'legs'],
    dose: { reps: 3, sides: 2, secondsEach: 10, holdSeconds: 5 },
    phases: ['up', 'down'],
  },
  {
    id: 'knee-bends',
    position: 'standing',
    positions: ['standing'],
    areas: ['legs', 'hips', 'core'],
    dose: { reps: 10, secondsEach: 6, holdSeconds: 3 },
    phases: ['down', 'up'],
  },
  {
    id: 'chair-rotation',
    position: 'seated',
    positions: ['seated'],
    areas: ['mid-back', 'upper-back'],
    dose: { reps: 3, sides: 2, secondsEach: 5, holdSeconds: 3 },
    closing: { cue: 'lean-back', seconds: 10 },
  },
  {
    id: 'knee-lifts',
    position: 'seated',
    positions: ['seated'],
    areas: ['core', 'hips', 'legs'],
    dose: { reps: 10, sides: 2, secondsEach: 3 },
  },
  {
    id: 'cat-cow',
    position: 'floor',
    positions: ['floor'],
    areas: ['mid-back', 'upper-back', 'lower-back'],
    dose: { reps: 10, secondsEach: 6 },
    phases: ['up', 'down'],
  },
  {
    id: 'upper-trap-stretch',
    position: 'seated',
    positions: SIT_STAND,
    areas: ['neck', 'shoulders'],
    dose: { sets: 2, sides: 2, secondsEach: 25, holdSeconds: 20 },
  },
  {
    id: 'trunk-rotation',
    position: 'seated',
    positions: SIT_STAND,
    areas: ['mid-back', 'upper-back', 'core'],
    dose: { reps: 6, sides: 2, secondsEach: 5, holdSeconds: 3 },
  },
  {
    id: 'overhead-reach',
    position: 'standing',
    positions: STAND_SIT,
    areas: ['shoulders', 'upper-back', 'mid-back'],
    dose: { sets: 2, reps: 5, sides: 2, secondsEach: 3 },
  },
  {
    id: 'knee-to-chest',
    position: 'floor',
    positions: ['floor'],
    areas: ['lower-back', 'hips'],
    dose: { sets: 2, sides: 2, secondsEach: 25, holdSeconds: 20 },
  },
  {
    id: 'neck-flexion',
    position: 'seated',
    positions: SIT_STAND,
    areas: ['neck', 'upper-back'],
    dose: { reps: 3, secondsEach: 25, holdSeconds: 20 },
  },
  {
    id: 'childs-pose',
    position: 'floor',
    positions: ['floor'],
    areas: ['lower-back', 'hips', 'mid-back'],
    dose: { secondsEach: 50, holdSeconds: 45 },
  },
  {
    id: 'scapular-squeeze',
    position: 'seated',
    positions: SIT_STAND,
    areas: ['upper-back', 'shoulders'],
    dose: { reps: 10, secondsEach: 7, holdSeconds: 5 },
  },
  {
    id: 'wall-angel',
    position: 'wall',
    positions: ['wall'],
    areas: ['shoulders', 'upper-back', 'mid-back'],
    dose: { reps: 10, secondsEach: 6 },
    phases: ['up', 'down'],
  },
] as const satisfies readonly Entry[];

/** Every exercise id: adding a move to ENTRIES adds it here, and the type checker then asks for its words and figure. */
export type ExerciseId = (typeof ENTRIES)[number]['id'];

// Totals are derived, so they can never disagree with the dose.
function withWords(e: Entry & { id: ExerciseId }): Exercise {
  const words = englishTexts[e.id];
  const { id, position, positions, areas, ...movement } = e;
  // In the order `npm run -s catalog` prints: who, where, how, then the dose.
  return {
    id,
    name: words.name,
    position,
    positions,
    areas,
    steps: words.steps[position] ?? [],
    stepsByPosition: words.steps,
    cautions: words.cautions,
    ...movement,
    totalSeconds: doseSeconds(e.dose) + (e.closing?.seconds ?? 0),
  };
}

export const EXERCISES: readonly Exercise[] = ENTRIES.map(withWords);

export const EXERCISE_IDS: readonly ExerciseId[] = EXERCISES.map((e) => e.id);

const BY_ID = new Map<string, Exercise>(EXERCISES.map((e) => [e.id, e]));

export function isExerciseId(id: string): id is ExerciseId {
  return BY_ID.has(id);
}

/** The exercise of an id from outside (history, IPC), if there is one. */
export function getExercise(id: string): Exercise | undefined {
  return BY_ID.get(id);
}

/** The position a move is done in when only `allowed` positions are: the main one if allowed, else the first that is. */
export function positionFor(e: Move, allowed: readonly Position[]): Position {
  return e.positions.find((p) => allowed.includes(p)) ?? e.position;
}

/** Moves that need no floor space or wall: the ones a break at the desk can offer. */
export const DESK_FRIENDLY = (e: Exercise): boolean => e.position === 'seated' || e.position === 'standing';

/** True when the move can be done in one of the allowed positions. */
export function allowedIn(e: Exercise, positions: readonly Position[]): boolean {
  return e.positions.some((p) => positions.includes(p));
}
