// Which exercises have a figure, and how long one movement cycle lasts by default. Plain data, so tests and
// tools can read it without compiling Svelte; the components live in components.ts.

/** Seated and standing moves: every one of these must have a figure. */
export const DESK_FIGURE_IDS = [
  'warm-up',
  'shoulder-roll',
  'neck-roll',
  'march',
  'knee-bends',
  'chair-rotation',
  'knee-lifts',
  'upper-trap-stretch',
  'trunk-rotation',
  'overhead-reach',
  'neck-flexion',
  'scapular-squeeze',
  'wall-angel',
] as const;

/** Floor moves: a key pose with a gentle breathing motion. */
export const FLOOR_FIGURE_IDS = ['cat-cow', 'childs-pose', 'knee-to-chest', 'heel-digs'] as const;

/** The four moves that get the most care. */
export const HEADLINE_FIGURE_IDS = ['shoulder-roll', 'neck-roll', 'chair-rotation', 'scapular-squeeze'] as const;

export type FigureId = (typeof DESK_FIGURE_IDS)[number] | (typeof FLOOR_FIGURE_IDS)[number];

export const FIGURE_IDS: readonly FigureId[] = [...DESK_FIGURE_IDS, ...FLOOR_FIGURE_IDS];

/**
 * Seconds of one movement cycle. For moves done one side at a time (march, knee lifts, reaches) this is one
 * lift and lower of one side; for holds it is a full hold-and-release when the figure loops on its own.
 */
export const DEFAULT_PERIODS: Readonly<Record<FigureId, number>> = {
  'warm-up': 3,
  'shoulder-roll': 4,
  'neck-roll': 7,
  march: 2,
  'knee-bends': 6,
  'chair-rotation': 5,
  'knee-lifts': 3,
  'upper-trap-stretch': 8,
  'trunk-rotation': 5,
  'overhead-reach': 3,
  'neck-flexion': 8,
  'scapular-squeeze': 7,
  'wall-angel': 6,
  'cat-cow': 8,
  'childs-pose': 6,
  'knee-to-chest': 6,
  'heel-digs': 6,
};

/** Used for an id without a figure of its own (the neutral standing figure). */
export const FALLBACK_PERIOD = 4;

export function isFigureId(id: string): id is FigureId {
  return Object.hasOwn(DEFAULT_PERIODS, id);
}

export function defaultPeriod(id: string): number {
  return isFigureId(id) ? DEFAULT_PERIODS[id] : FALLBACK_PERIOD;
}
