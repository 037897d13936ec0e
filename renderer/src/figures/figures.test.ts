import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PERIODS,
  DESK_FIGURE_IDS,
  FIGURE_IDS,
  FLOOR_FIGURE_IDS,
  HEADLINE_FIGURE_IDS,
  defaultPeriod,
  isFigureId,
} from './figures.ts';
import { figureLabel, figureName } from './labels.ts';
import { DESK_FRIENDLY as isDeskFriendly, EXERCISES } from '../../../electron/core/catalog.ts';
import { isReverse, type Motion } from './types.ts';

// Written out here on purpose: the list the product promises, checked against what figures.ts provides.
const DESK_FRIENDLY = [
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
];
const FLOOR = ['cat-cow', 'childs-pose', 'knee-to-chest', 'heel-digs'];
const MOTIONS: Motion[] = [
  'forward',
  'backward',
  'clockwise',
  'anticlockwise',
  'left',
  'right',
  'up',
  'down',
  'hold',
  'release',
  'none',
];

describe('figures', () => {
  it.each(DESK_FRIENDLY)('%s has a figure with a positive default period', (id) => {
    expect(isFigureId(id)).toBe(true);
    expect(DESK_FIGURE_IDS).toContain(id);
    expect(defaultPeriod(id)).toBeGreaterThan(0);
    expect(Number.isFinite(defaultPeriod(id))).toBe(true);
  });

  it.each(FLOOR)('floor move %s has a figure too', (id) => {
    expect(FLOOR_FIGURE_IDS).toContain(id);
    expect(defaultPeriod(id)).toBeGreaterThan(0);
  });

  it('covers the 17 catalog moves once each, headline moves included', () => {
    expect(FIGURE_IDS).toHaveLength(17);
    expect(new Set(FIGURE_IDS).size).toBe(17);
    expect(Object.keys(DEFAULT_PERIODS).sort()).toEqual([...FIGURE_IDS].sort());
    for (const id of HEADLINE_FIGURE_IDS) expect(DESK_FIGURE_IDS).toContain(id);
  });

  it('has a figure for every exercise in the catalog, desk-friendly ones among the desk figures', () => {
    for (const exercise of EXERCISES) {
      expect(isFigureId(exercise.id), exercise.id).toBe(true);
      if (isDeskFriendly(exercise)) expect(DESK_FIGURE_IDS as readonly string[], exercise.id).toContain(exercise.id);
    }
  });

  it('falls back to a neutral figure for unknown ids', () => {
    expect(isFigureId('handstand')).toBe(false);
    expect(isFigureId('toString')).toBe(false);
    expect(defaultPeriod('handstand')).toBeGreaterThan(0);
    expect(figureName('handstand')).toBe('Standing figure');
  });
});

describe('labels', () => {
  it('names every figure and says the direction', () => {
    for (const id of FIGURE_IDS) {
      for (const motion of MOTIONS) {
        const label = figureLabel(id, motion);
        expect(label.startsWith(figureName(id))).toBe(true);
        expect(label).not.toMatch(/undefined|,\s*$/);
      }
    }
    expect(figureLabel('shoulder-roll', 'backward')).toBe('Shoulder rolls, backwards');
    expect(figureLabel('chair-rotation', 'left')).toBe('Seated upper-back twist, to the left');
    expect(figureLabel('neck-roll', 'forward')).toBe('Neck rolls, clockwise');
    expect(figureLabel('neck-roll', 'anticlockwise')).toBe('Neck rolls, anticlockwise');
    expect(figureLabel('scapular-squeeze', 'none')).toBe('Shoulder blade squeeze');
  });

  it('treats backwards, anticlockwise and left as the reverse direction', () => {
    expect(MOTIONS.filter(isReverse)).toEqual(['backward', 'anticlockwise', 'left']);
  });
});
