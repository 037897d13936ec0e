// Words for the figure's accessible name. Kept apart from the player's messages so the figure stands alone;
// the player may pass its own translated names later.
import { isFigureId, type FigureId } from './figures.ts';
import type { Motion } from './types.ts';

const NAMES: Readonly<Record<FigureId, string>> = {
  'warm-up': 'Arm circles',
  'shoulder-roll': 'Shoulder rolls',
  'neck-roll': 'Neck rolls',
  march: 'Marching on the spot',
  'knee-bends': 'Knee bends',
  'chair-rotation': 'Seated upper-back twist',
  'knee-lifts': 'Seated knee lifts',
  'upper-trap-stretch': 'Side neck stretch',
  'trunk-rotation': 'Standing trunk twist',
  'overhead-reach': 'Overhead reach',
  'neck-flexion': 'Chin to chest',
  'scapular-squeeze': 'Shoulder blade squeeze',
  'wall-angel': 'Wall angels',
  'cat-cow': 'Cat and cow',
  'childs-pose': "Child's pose",
  'knee-to-chest': 'Knee to chest',
  'heel-digs': 'Heel digs',
};

const MOTION_WORDS: Readonly<Record<Motion, string>> = {
  forward: 'forwards',
  backward: 'backwards',
  clockwise: 'clockwise',
  anticlockwise: 'anticlockwise',
  left: 'to the left',
  right: 'to the right',
  up: 'up',
  down: 'down',
  hold: 'hold',
  release: 'release',
  none: '',
};

// Circles read better as clockwise or anticlockwise than as forwards or backwards.
const CIRCLE_WORDS: Partial<Record<Motion, string>> = {
  forward: 'clockwise',
  right: 'clockwise',
  backward: 'anticlockwise',
  left: 'anticlockwise',
};

export function figureName(id: string): string {
  return isFigureId(id) ? NAMES[id] : 'Standing figure';
}

export function figureLabel(id: string, motion: Motion): string {
  const words = id === 'neck-roll' ? (CIRCLE_WORDS[motion] ?? MOTION_WORDS[motion]) : MOTION_WORDS[motion];
  return words ? `${figureName(id)}, ${words}` : figureName(id);
}
