// The one figure registry: for every exercise of the catalog, the component that draws it and how long one movement
// cycle lasts. Keyed on ExerciseId, so a catalog move without a figure (or a figure without a move) is a type error.
// Its accessible name is the exercise's own name from the string catalog, with the motion in words.
import type { Component } from 'svelte';
import { getExercise, isExerciseId, type ExerciseId } from '../../../electron/core/catalog.ts';
import type { Position } from '../../../electron/core/settings.ts';
import { exerciseName, t } from '../lib/i18n.svelte.ts';
import type { Motion, MoveProps } from './types.ts';
import CatCow from './moves/CatCow.svelte';
import ChildsPose from './moves/ChildsPose.svelte';
import HeelDigs from './moves/HeelDigs.svelte';
import KneeBends from './moves/KneeBends.svelte';
import KneeLifts from './moves/KneeLifts.svelte';
import KneeToChest from './moves/KneeToChest.svelte';
import March from './moves/March.svelte';
import NeckFlexion from './moves/NeckFlexion.svelte';
import NeckRoll from './moves/NeckRoll.svelte';
import Neutral from './moves/Neutral.svelte';
import OverheadReach from './moves/OverheadReach.svelte';
import ScapularSqueeze from './moves/ScapularSqueeze.svelte';
import ShoulderRoll from './moves/ShoulderRoll.svelte';
import Twist from './moves/Twist.svelte';
import UpperTrapStretch from './moves/UpperTrapStretch.svelte';
import WallAngel from './moves/WallAngel.svelte';
import WarmUp from './moves/WarmUp.svelte';

export interface Figure {
  component: Component<MoveProps>;
  /**
   * Seconds of one movement cycle. For moves done one side at a time (march, knee lifts, reaches) this is one
   * lift and lower of one side; for holds it is a full hold-and-release when the figure loops on its own.
   */
  period: number;
}

export const FIGURES = {
  'warm-up': { component: WarmUp, period: 3 },
  'shoulder-roll': { component: ShoulderRoll, period: 4 },
  'neck-roll': { component: NeckRoll, period: 7 },
  march: { component: March, period: 2 },
  'knee-bends': { component: KneeBends, period: 6 },
  'chair-rotation': { component: Twist, period: 5 },
  'knee-lifts': { component: KneeLifts, period: 3 },
  'upper-trap-stretch': { component: UpperTrapStretch, period: 8 },
  'trunk-rotation': { component: Twist, period: 5 },
  'overhead-reach': { component: OverheadReach, period: 3 },
  'neck-flexion': { component: NeckFlexion, period: 8 },
  'scapular-squeeze': { component: ScapularSqueeze, period: 7 },
  'wall-angel': { component: WallAngel, period: 6 },
  'cat-cow': { component: CatCow, period: 8 },
  'childs-pose': { component: ChildsPose, period: 6 },
  'knee-to-chest': { component: KneeToChest, period: 6 },
  'heel-digs': { component: HeelDigs, period: 6 },
} as const satisfies Readonly<Record<ExerciseId, Figure>>;

/** For an id outside the catalog: the neutral standing figure. */
export const FALLBACK_FIGURE: Figure = { component: Neutral, period: 4 };

export function figureFor(id: string): Figure {
  return isExerciseId(id) ? FIGURES[id] : FALLBACK_FIGURE;
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
