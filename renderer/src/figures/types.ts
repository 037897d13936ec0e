import type { Position } from '../../../electron/core/settings.ts';

/** What the player is doing right now; the figure shows it. Matches the player's motion vocabulary. */
export type Motion =
  | 'forward'
  | 'backward'
  | 'clockwise'
  | 'anticlockwise'
  | 'left'
  | 'right'
  | 'up'
  | 'down'
  | 'hold'
  | 'release'
  | 'none';

export type Side = 'left' | 'right';

/** Props every move component receives from ExerciseFigure. */
export interface MoveProps {
  /** The exercise id, for components that draw more than one exercise. */
  id: string;
  motion: Motion;
  /** The side being worked: from a left/right motion, else from the player's side, else right. */
  side: Side;
  /** Reduced motion: the move draws its key pose and a static cue arrow. */
  still: boolean;
  /** The position the routine does the move in, always one the exercise allows. */
  position: Position;
}

/** Runs the other way round: backwards, anticlockwise. */
export function isReverse(motion: Motion): boolean {
  return motion === 'backward' || motion === 'anticlockwise' || motion === 'left';
}

/** Joins the state classes of a move into one attribute value (one class update per element, not one each). */
export function states(...names: (string | false | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

/**
 * The classes of a joint in a move where the sides take turns (timings in ExerciseFigure): it swings while its
 * side moves, and when both sides move the second one (`lag`) runs half a cycle behind.
 */
export function swingClasses(on: boolean, lag: boolean, both: boolean, still: boolean): string {
  return states(on && 'swing', on && lag && both && 'behind', still && 'still');
}
