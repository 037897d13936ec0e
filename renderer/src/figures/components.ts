// id -> the component that draws it. Separate from figures.ts so plain-TypeScript code (tests, the catalog
// tooling) can read ids and periods without compiling Svelte.
import type { Component } from 'svelte';
import { isFigureId, type FigureId } from './figures.ts';
import type { MoveProps } from './types.ts';
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

type Move = Component<MoveProps>;

// A Record over every id, so the type checker refuses a figure id without a drawing.
const COMPONENTS: Readonly<Record<FigureId, Move>> = {
  'warm-up': WarmUp,
  'shoulder-roll': ShoulderRoll,
  'neck-roll': NeckRoll,
  march: March,
  'knee-bends': KneeBends,
  'chair-rotation': Twist,
  'knee-lifts': KneeLifts,
  'upper-trap-stretch': UpperTrapStretch,
  'trunk-rotation': Twist,
  'overhead-reach': OverheadReach,
  'neck-flexion': NeckFlexion,
  'scapular-squeeze': ScapularSqueeze,
  'wall-angel': WallAngel,
  'cat-cow': CatCow,
  'childs-pose': ChildsPose,
  'knee-to-chest': KneeToChest,
  'heel-digs': HeelDigs,
};

export function figureComponent(id: string): Move {
  return isFigureId(id) ? COMPONENTS[id] : Neutral;
}
