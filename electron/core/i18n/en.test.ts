// The English source read against the seed and against itself: faults here are copied into every language.
import { describe, expect, it } from 'vitest';
import { EXERCISES, type Direction } from '../catalog.ts';
import { exercises, messages } from './en.ts';

/** How English names each way of a two-way move. "Them back" is a circle drawn backwards; "the other way" the switch. */
const SAYS: Record<Direction, RegExp> = {
  forward: /\bforwards?\b/i,
  backward: /\bbackwards?\b|\bthem back\b/i,
  clockwise: /(?<!anti)clockwise/i,
  anticlockwise: /anticlockwise|the other way/i,
};

describe('English exercise texts', () => {
  it('a two-way move names its first direction before its second, unless the step is the switch at the cue', () => {
    const wrong: string[] = [];
    for (const e of EXERCISES) {
      if (!e.directionPair) continue;
      const [first, second] = e.directionPair;
      for (const [position, steps] of Object.entries(exercises[e.id].steps)) {
        steps!.forEach((step, i) => {
          const at = (re: RegExp) => step.search(re);
          const s = at(SAYS[second]);
          if (s < 0 || /\bat the cue\b/i.test(step)) return;
          const f = at(SAYS[first]);
          if (f < 0 || f > s) wrong.push(`${e.id} ${position} step ${i + 1}: ${step}`);
        });
      }
    }
    expect(wrong).toEqual([]);
  });

  it('"that hand" and "that side" point back at a hand or side already named in the same position', () => {
    const dangling: string[] = [];
    for (const [id, text] of Object.entries(exercises)) {
      for (const [position, steps] of Object.entries(text.steps)) {
        steps!.forEach((step, i) => {
          for (const [, noun] of step.matchAll(/\bthat (hand|side)\b/gi)) {
            const before = [...steps!.slice(0, i), step.slice(0, step.search(new RegExp(`\\bthat ${noun}\\b`, 'i')))].join(' ');
            if (!new RegExp(`\\bone ${noun}\\b`, 'i').test(before)) dangling.push(`${id} ${position} step ${i + 1}: ${step}`);
          }
        });
      }
    }
    expect(dangling).toEqual([]);
  });

  it('the safety line says to stop and, as the seed ends, to see a doctor when a move causes discomfort or pain', () => {
    expect(messages['break.safety']).toMatch(/\bnever hurt\b/);
    expect(messages['break.safety']).toMatch(/\bdiscomfort or pain\b.*\bstop\b.*\bdoctor\b/);
  });
});
