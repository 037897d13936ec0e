// id -> the component that draws it. Separate from figures.ts so plain-TypeScript code (tests, the catalog
// tooling) can read ids and periods without compiling Svelte.
import type { Component } from 'svelte';
import type { FigureId } from './figures.ts';
import { isFigureId } from './figures.ts';
import type { MoveProps } from './types.ts';
import ShoulderRoll from './moves/ShoulderRoll.svelte';
import Neutral from './moves/Neutral.svelte';

type Move = Component<MoveProps>;

const COMPONENTS: Partial<Record<FigureId, Move>> = {
  'shoulder-roll': ShoulderRoll,
};

export function figureComponent(id: string): Move {
  return (isFigureId(id) ? COMPONENTS[id] : undefined) ?? Neutral;
}
