// The one figure registry: for every exercise of the catalog, the component that draws it and how long one movement
// cycle lasts. Keyed on ExerciseId, so a catalog move without a figure (or a figure without a move) is a type error.
// Its accessible name is the exercise's own name from the string catalog, with the motion in words.
import type { Component } from 'svelte';
import { getExercise, isExerciseId, type ExerciseId } from '../../../electron/core/catalog.ts';
import type { Position } from '../../../electron/core/settings.ts';
import { exerciseName, t } from '../lib/i18n.svelte.ts';
import type { Motion, MoveProps } from './types.ts';
import Neutral from './moves/Neutral.svelte';

type Move = Component<MoveProps>;

export interface Figure {
  /** The move's drawing, its own chunk: a break window loads only the moves of its routine. */
  load: () => Promise<{ default: Move }>;
  /**
   * Seconds of one movement cycle. For moves done one side at a time (march, knee lifts, reaches) this is one
   * lift and lower of one side; for holds it is a full hold-and-release when the figure loops on its own.
   */
  period: number;
}

export const FIGURES = {
  'warm-up': { load: () => import('./moves/WarmUp.svelte'), period: 3 },
  'shoulder-roll': { load: () => import('./moves/ShoulderRoll.svelte'), period: 4 },
  'neck-roll': { load: () => import('./moves/NeckRoll.svelte'), period: 7 },
  march: { load: () => import('./moves/March.svelte'), period: 2 },
  'knee-bends': { load: () => import('./moves/KneeBends.svelte'), period: 6 },
  'chair-rotation': { load: () => import('./moves/Twist.svelte'), period: 5 },
  'knee-lifts': { load: () => import('./moves/KneeLifts.svelte'), period: 3 },
  'upper-trap-stretch': { load: () => import('./moves/UpperTrapStretch.svelte'), period: 8 },
  'trunk-rotation': { load: () => import('./moves/Twist.svelte'), period: 5 },
  'overhead-reach': { load: () => import('./moves/OverheadReach.svelte'), period: 3 },
  'neck-flexion': { load: () => import('./moves/NeckFlexion.svelte'), period: 8 },
  'scapular-squeeze': { load: () => import('./moves/ScapularSqueeze.svelte'), period: 7 },
  'wall-angel': { load: () => import('./moves/WallAngel.svelte'), period: 6 },
  'cat-cow': { load: () => import('./moves/CatCow.svelte'), period: 8 },
  'childs-pose': { load: () => import('./moves/ChildsPose.svelte'), period: 6 },
  'knee-to-chest': { load: () => import('./moves/KneeToChest.svelte'), period: 6 },
  'heel-digs': { load: () => import('./moves/HeelDigs.svelte'), period: 6 },
} as const satisfies Readonly<Record<ExerciseId, Figure>>;

/** For an id outside the catalog: the neutral standing figure. */
export const FALLBACK_FIGURE: Figure = { load: () => Promise.resolve({ default: Neutral }), period: 4 };

export function figureFor(id: string): Figure {
  return isExerciseId(id) ? FIGURES[id] : FALLBACK_FIGURE;
}

/** Moves loaded so far, by exercise id. */
const loaded = new Map<string, Move>();

/** The move that draws this exercise if it is loaded (the neutral figure, for an id outside the catalog, always is). */
export function loadedMove(id: string): Move | undefined {
  return isExerciseId(id) ? loaded.get(id) : Neutral;
}

/**
 * Loads the moves of these exercises: a routine's, before the window shows it (a figure draws only a loaded move).
 * A move that fails to load leaves its exercise drawn by the neutral figure rather than by nothing.
 */
export async function loadFigures(ids: readonly string[]): Promise<void> {
  await Promise.all(
    ids.map(async (id) => {
      if (!isExerciseId(id) || loaded.has(id)) return;
      const move = await FIGURES[id].load().then((m) => m.default, () => Neutral);
      loaded.set(id, move);
    }),
  );
}

/**
 * The position a figure is drawn in: the one asked for when the exercise can be done in it, else the exercise's main
 * position (standing for an id outside the catalog, as the neutral figure stands).
 */
export function figurePosition(id: string, asked: Position | undefined): Position {
  const e = getExercise(id);
  if (!e) return 'standing';
  return asked !== undefined && e.positions.includes(asked) ? asked : e.position;
}

// Circles read better as clockwise or anticlockwise than as forwards or backwards.
const CIRCLE_MOTION: Partial<Record<Motion, Motion>> = { forward: 'clockwise', right: 'clockwise', backward: 'anticlockwise', left: 'anticlockwise' };

/** The figure's accessible name: the exercise's name, and the motion when there is one ("Neck roll, clockwise"). */
export function figureLabel(id: string, motion: Motion): string {
  const name = isExerciseId(id) ? exerciseName(id) : t('figure.fallback');
  const shown = id === 'neck-roll' ? (CIRCLE_MOTION[motion] ?? motion) : motion;
  return shown === 'none' ? name : t('figure.withMotion', { name, motion: t(`motion.${shown}`) });
}
