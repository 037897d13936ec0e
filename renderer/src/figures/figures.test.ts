import { describe, expect, it } from 'vitest';
import { EXERCISES, EXERCISE_IDS } from '../../../electron/core/catalog.ts';
import { exerciseName } from '../lib/i18n.svelte.ts';
import { FALLBACK_FIGURE, FIGURES, figureFor, figureLabel } from './registry.ts';
import { isReverse, type Motion } from './types.ts';

const MOTIONS: Motion[] = ['forward', 'backward', 'clockwise', 'anticlockwise', 'left', 'right', 'up', 'down', 'hold', 'release', 'none'];

describe('figure registry', () => {
  it('has exactly one figure per catalog exercise, each with a positive period', () => {
    expect(Object.keys(FIGURES).sort()).toEqual([...EXERCISE_IDS].sort());
    for (const id of EXERCISE_IDS) {
      expect(figureFor(id), id).toBe(FIGURES[id]);
      expect(figureFor(id).component, id).not.toBe(FALLBACK_FIGURE.component);
      expect(figureFor(id).period, id).toBeGreaterThan(0);
      expect(Number.isFinite(figureFor(id).period), id).toBe(true);
    }
  });

  it('falls back to a neutral figure for unknown ids', () => {
    expect(figureFor('handstand')).toBe(FALLBACK_FIGURE);
    expect(figureFor('toString')).toBe(FALLBACK_FIGURE);
    expect(figureLabel('handstand', 'none')).toBe('Standing figure');
  });
});

describe('labels', () => {
  it('name every figure by its exercise’s one name, and say the direction', () => {
    for (const e of EXERCISES) {
      for (const motion of MOTIONS) {
        const label = figureLabel(e.id, motion);
        expect(label.startsWith(e.name), `${e.id} ${motion}`).toBe(true);
        expect(label).not.toMatch(/undefined|motion\.|,\s*$/);
      }
      expect(exerciseName(e.id)).toBe(e.name);
    }
    expect(figureLabel('shoulder-roll', 'backward')).toBe('Shoulder roll, backwards');
    expect(figureLabel('chair-rotation', 'left')).toBe('Chair rotation, to the left');
    expect(figureLabel('neck-roll', 'forward')).toBe('Neck roll, clockwise');
    expect(figureLabel('neck-roll', 'anticlockwise')).toBe('Neck roll, anticlockwise');
    expect(figureLabel('scapular-squeeze', 'none')).toBe('Scapular squeeze');
  });

  it('treats backwards, anticlockwise and left as the reverse direction', () => {
    expect(MOTIONS.filter(isReverse)).toEqual(['backward', 'anticlockwise', 'left']);
  });
});
