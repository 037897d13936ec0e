import { render } from 'svelte/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXERCISES, EXERCISE_IDS } from '../../../electron/core/catalog.ts';
import { POSITIONS, type Position } from '../../../electron/core/settings.ts';
import { exerciseName } from '../lib/i18n.svelte.ts';
import ExerciseFigure from './ExerciseFigure.svelte';
import Neutral from './moves/Neutral.svelte';
import { FALLBACK_FIGURE, FIGURES, figureFor, figureLabel, figurePosition, loadFigures, loadedMove } from './registry.ts';
import { isReverse, type Motion } from './types.ts';

const MOTIONS: Motion[] = ['forward', 'backward', 'clockwise', 'anticlockwise', 'left', 'right', 'up', 'down', 'hold', 'release', 'none'];

describe('figure registry', () => {
  it('draws nothing for a move not loaded yet, and loads only the moves asked for', async () => {
    expect(loadedMove('march')).toBeUndefined();
    expect(draw({ id: 'march' })).not.toContain('class="torso');
    await loadFigures(['march']);
    expect(loadedMove('march')).toBeDefined();
    expect(loadedMove('cat-cow')).toBeUndefined();
    expect(draw({ id: 'march' })).toContain('class="torso');
  });

  it('has exactly one figure per catalog exercise, each with a positive period', async () => {
    expect(Object.keys(FIGURES).sort()).toEqual([...EXERCISE_IDS].sort());
    await loadFigures(EXERCISE_IDS);
    for (const id of EXERCISE_IDS) {
      expect(figureFor(id), id).toBe(FIGURES[id]);
      expect(loadedMove(id), id).toBeDefined();
      expect(loadedMove(id), id).not.toBe(Neutral);
      expect(figureFor(id).period, id).toBeGreaterThan(0);
      expect(Number.isFinite(figureFor(id).period), id).toBe(true);
    }
  });

  it('falls back to a neutral figure for unknown ids', () => {
    expect(figureFor('handstand')).toBe(FALLBACK_FIGURE);
    expect(loadedMove('handstand')).toBe(Neutral);
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

/** The figure's markup as the window would first draw it. */
function draw(props: { id: string; motion?: Motion; position?: Position; reducedMotion?: boolean }): string {
  return render(ExerciseFigure, { props }).body;
}

/** How many of the given classes the markup draws (scoped class lists included). */
function count(svg: string, cls: string): number {
  return [...svg.matchAll(/class="([^"]*)"/g)].filter((m) => m[1]!.split(' ').includes(cls)).length;
}

describe('positions', () => {
  // Every move, as a break window has them once its routine is known.
  beforeAll(() => loadFigures(EXERCISE_IDS));

  // One motion of each kind a player sends, still and moving: every branch of a move keeps its position.
  const SHOWN: Motion[] = ['none', 'forward', 'backward', 'left', 'right', 'hold', 'release', 'up', 'down'];

  it('draws every exercise in each position its catalog entry allows: a chair exactly when seated', () => {
    for (const e of EXERCISES) {
      for (const position of e.positions) {
        for (const motion of SHOWN) {
          for (const reducedMotion of [false, true]) {
            const svg = draw({ id: e.id, motion, position, reducedMotion });
            const what = `${e.id} ${position} ${motion}${reducedMotion ? ' still' : ''}`;
            expect(svg, what).toContain(`data-position="${position}"`);
            expect(count(svg, 'chair'), what).toBe(position === 'seated' ? 1 : 0);
            // Moves done seated or standing draw their body through the shared part, which says which it drew.
            if (e.positions.length > 1) expect(svg, what).toContain(`data-pose="${position}"`);
          }
        }
      }
    }
  });

  it('lowers the seated upper body onto the chair and stands it on straight legs otherwise', () => {
    for (const e of EXERCISES.filter((x) => x.positions.includes('seated') && x.positions.includes('standing'))) {
      const seated = draw({ id: e.id, position: 'seated' });
      const standing = draw({ id: e.id, position: 'standing' });
      expect(seated, e.id).toMatch(/class="body[^"]*" data-pose="seated">.*<g transform="translate\(/s);
      expect(standing, e.id).not.toMatch(/translate\((0 28|-14 12)\)/);
      expect(standing, e.id).not.toBe(seated);
    }
  });

  it('falls back to the main position when none is given or the move does not allow the one asked for', () => {
    for (const e of EXERCISES) {
      expect(figurePosition(e.id, undefined), e.id).toBe(e.position);
      for (const p of POSITIONS) expect(figurePosition(e.id, p), `${e.id} ${p}`).toBe(e.positions.includes(p) ? p : e.position);
      expect(draw({ id: e.id })).toContain(`data-position="${e.position}"`);
    }
    expect(figurePosition('handstand', 'seated')).toBe('standing');
    expect(count(draw({ id: 'handstand', position: 'seated' }), 'chair')).toBe(0);
  });
});

describe('arms as the steps say', () => {
  // Every move, as a break window has them once its routine is known.
  beforeAll(() => loadFigures(EXERCISE_IDS));

  /** The forearms the move works (accent limbs) that reach across the body's midline (x = 100). */
  function crossing(svg: string): number {
    const accents = [...svg.matchAll(/<path class="limb[^"]*\baccent\b[^"]*" d="M(\d+) \d+L(\d+) \d+"/g)];
    expect(accents.length).toBeGreaterThan(0);
    return accents.filter((m) => Math.sign(Number(m[1]) - 100) * Math.sign(Number(m[2]) - 100) < 0).length;
  }

  it('the chair rotation crosses its arms over the chest; the standing twist keeps each hand on its own side', () => {
    expect(crossing(draw({ id: 'chair-rotation', position: 'seated' }))).toBe(2);
    expect(crossing(draw({ id: 'trunk-rotation', position: 'standing' }))).toBe(0);
  });
});

describe('the seated body', () => {
  // Every move, as a break window has them once its routine is known.
  beforeAll(() => loadFigures(EXERCISE_IDS));

  /** The `d` of every limb drawn (the floor under the chair is the same in both). */
  const shapes = (svg: string) => new Set([...svg.matchAll(/<path class="limb[^"]*" d="([^"]+)"/g)].map((m) => m[1]!));

  /** The markup with each lowered group (and all it holds) cut out. */
  function unlowered(svg: string): string {
    const start = svg.indexOf('<g transform="translate(');
    if (start < 0) return svg;
    let depth = 0;
    for (const m of svg.slice(start).matchAll(/<g[\s>]|<\/g>/g)) {
      depth += m[0] === '</g>' ? -1 : 1;
      if (depth === 0) return svg.slice(0, start) + unlowered(svg.slice(start + m.index + 4));
    }
    throw new Error('unbalanced groups');
  }

  it('draws only the chair and bent legs where it stands: every other part is lowered with the upper body', () => {
    for (const e of EXERCISES.filter((x) => x.positions.includes('seated') && x.positions.includes('standing'))) {
      const standing = shapes(draw({ id: e.id, position: 'standing' }));
      const seated = draw({ id: e.id, position: 'seated' });
      // What the body draws outside its lowered groups: the chair and the legs on it.
      const lower = unlowered(seated.slice(seated.indexOf('data-pose="seated"')));
      expect(lower, e.id).toContain('chair');
      expect(shapes(lower).size, e.id).toBeGreaterThan(0);
      expect([...shapes(lower)].filter((d) => standing.has(d)), e.id).toEqual([]);
    }
  });
});
