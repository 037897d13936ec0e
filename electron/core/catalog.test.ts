import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DESK_FRIENDLY, EXERCISES, EXERCISE_IDS, allowedIn, doseSeconds, getExercise, isExerciseId, positionFor, type Exercise } from './catalog.ts';
import { POSITIONS, type Position } from './settings.ts';

const AREAS = ['neck', 'shoulders', 'upper-back', 'mid-back', 'lower-back', 'core', 'hips', 'legs'] as const;
const DIRECTIONS = ['forward', 'backward', 'clockwise', 'anticlockwise'] as const;
const MOTIONS = [...DIRECTIONS, 'left', 'right', 'hold', 'release', 'up', 'down', 'none'] as const;
// The oracle, written out on purpose: the seed's moves under the ids the product agreed on.
const IDS = [
  'warm-up', 'shoulder-roll', 'neck-roll', 'march', 'heel-digs', 'knee-bends', 'chair-rotation', 'knee-lifts',
  'cat-cow', 'upper-trap-stretch', 'trunk-rotation', 'overhead-reach', 'knee-to-chest', 'neck-flexion',
  'childs-pose', 'scapular-squeeze', 'wall-angel',
];

const sentence = v.pipe(v.string(), v.minLength(10), v.maxLength(160), v.regex(/^[A-Z].*[.!]$/, 'a full sentence'));
const positive = v.pipe(v.number(), v.integer(), v.minValue(1));
const ExerciseSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z]+(-[a-z]+)*$/)),
  name: v.pipe(v.string(), v.minLength(3), v.maxLength(40)),
  position: v.picklist(POSITIONS),
  positions: v.pipe(v.array(v.picklist(POSITIONS)), v.minLength(1)),
  areas: v.pipe(v.array(v.picklist(AREAS)), v.minLength(1), v.maxLength(4)),
  steps: v.pipe(v.array(sentence), v.minLength(3), v.maxLength(5)),
  stepsByPosition: v.record(v.picklist(POSITIONS), v.pipe(v.array(sentence), v.minLength(3), v.maxLength(5))),
  cautions: v.array(v.pipe(sentence, v.check((s) => !s.includes('\n'), 'one line'))),
  dose: v.strictObject({
    directions: v.optional(v.literal(2)),
    sides: v.optional(v.literal(2)),
    secondsEach: positive,
    reps: v.optional(positive),
    holdSeconds: v.optional(positive),
    sets: v.optional(positive),
  }),
  totalSeconds: positive,
  directionPair: v.optional(v.tuple([v.picklist(DIRECTIONS), v.picklist(DIRECTIONS)])),
  phases: v.optional(v.tuple([v.picklist(MOTIONS), v.picklist(MOTIONS)])),
  closing: v.optional(v.strictObject({ cue: v.picklist(['lean-back', 'breathe']), seconds: positive })),
});

const ex = (id: string): Exercise => {
  const e = getExercise(id);
  if (!e) throw new Error(`missing ${id}`);
  return e;
};

describe('catalog integrity', () => {
  it('has exactly the seed’s exercises with the agreed ids, each once', () => {
    expect(EXERCISES).toHaveLength(IDS.length);
    expect(new Set(EXERCISE_IDS).size).toBe(IDS.length);
    expect([...EXERCISE_IDS].sort()).toEqual([...IDS].sort());
    expect(IDS.every(isExerciseId)).toBe(true);
    expect(isExerciseId('handstand') || isExerciseId('toString')).toBe(false);
  });

  it('has the four headline moves', () => {
    for (const id of ['shoulder-roll', 'neck-roll', 'chair-rotation', 'scapular-squeeze']) expect(getExercise(id)?.id).toBe(id);
  });

  it.each(EXERCISES.map((e) => [e.id, e] as const))('%s: every field is valid', (_id, e) => {
    const r = v.safeParse(ExerciseSchema, JSON.parse(JSON.stringify(e)));
    expect(r.issues?.map((i) => `${i.path?.map((p) => p.key).join('.')}: ${i.message}`) ?? []).toEqual([]);
    expect(e.positions[0]).toBe(e.position);
    expect(new Set(e.areas).size).toBe(e.areas.length);
    expect(e.dose.directions === undefined).toBe(e.directionPair === undefined);
    if (e.directionPair) expect(e.directionPair[0]).not.toBe(e.directionPair[1]);
    if (e.dose.holdSeconds !== undefined) expect(e.dose.holdSeconds).toBeLessThanOrEqual(e.dose.secondsEach);
    expect(e.dose.directions !== undefined && e.dose.sides !== undefined).toBe(false);
  });

  it('totals match the doses', () => {
    for (const e of EXERCISES) expect(e.totalSeconds, e.id).toBe(doseSeconds(e.dose) + (e.closing?.seconds ?? 0));
    expect(doseSeconds({ sets: 2, reps: 3, sides: 2, secondsEach: 4 })).toBe(48);
  });

  it('has names and ids that are all different', () => {
    expect(new Set(EXERCISES.map((e) => e.name.toLowerCase())).size).toBe(EXERCISES.length);
  });
});

describe('steps in every position', () => {
  // What a step may not ask for in each position: a seated routine never says "stand tall", and so on.
  const WRONG: Record<Position, RegExp | null> = {
    seated: /\bstand(ing)?\b|\bfeet hip-width\b/i,
    standing: /\bsit(ting)?\b|\bchair\b|\bseated\b/i,
    wall: null,
    floor: null,
  };

  it.each(EXERCISES.map((e) => [e.id, e] as const))('%s has steps for exactly its positions, each reading right', (_id, e) => {
    expect(Object.keys(e.stepsByPosition).sort()).toEqual([...e.positions].sort());
    expect(e.steps).toEqual(e.stepsByPosition[e.position]);
    for (const p of e.positions) {
      const wrong = WRONG[p];
      for (const step of e.stepsByPosition[p] ?? []) if (wrong) expect(step, `${e.id} (${p})`).not.toMatch(wrong);
    }
  });

  it('moves done in several positions word their steps for each', () => {
    const multi = EXERCISES.filter((e) => e.positions.length > 1);
    expect(multi.length).toBeGreaterThan(0);
    for (const e of multi) expect(e.stepsByPosition.seated, e.id).not.toEqual(e.stepsByPosition.standing);
  });

  it('a move is done in its main position when allowed, else in the first allowed one', () => {
    expect(positionFor(ex('overhead-reach'), ['seated', 'standing'])).toBe('standing');
    expect(positionFor(ex('overhead-reach'), ['seated'])).toBe('seated');
    expect(ex('overhead-reach').stepsByPosition[positionFor(ex('overhead-reach'), ['seated'])]!.join(' ')).not.toMatch(/stand/i);
    expect(positionFor(ex('shoulder-roll'), ['standing', 'floor'])).toBe('standing');
    expect(positionFor(ex('wall-angel'), ['seated'])).toBe('wall');
  });
});

describe('doses follow the seed', () => {
  const innerSeconds = (e: Exercise) => (e.dose.reps ?? 1) * (e.dose.sides ?? 1) * (e.dose.directions ?? 1) * e.dose.secondsEach;

  it('shoulder roll and neck roll: 30 s in each of two directions', () => {
    for (const id of ['shoulder-roll', 'neck-roll']) {
      expect(ex(id).dose).toEqual({ directions: 2, secondsEach: 30 });
      expect(ex(id).totalSeconds).toBe(60);
    }
    expect(ex('shoulder-roll').directionPair).toEqual(['forward', 'backward']);
  });

  it('scapular squeeze: 5 s holds, 10 times', () => {
    expect(ex('scapular-squeeze').dose).toMatchObject({ holdSeconds: 5, reps: 10 });
  });

  it('chair rotation: 30 s alternating sides, then a 10 s lean back', () => {
    const e = ex('chair-rotation');
    expect(e.dose.sides).toBe(2);
    expect(innerSeconds(e) * (e.dose.sets ?? 1)).toBe(30);
    expect(e.closing).toEqual({ cue: 'lean-back', seconds: 10 });
    expect(e.totalSeconds).toBe(40);
  });

  it('timed alternating moves last 60 s: march, heel digs, knee lifts; cat-cow 60 s', () => {
    for (const id of ['march', 'heel-digs', 'knee-lifts']) {
      expect(ex(id).dose.sides, id).toBe(2);
      expect(ex(id).totalSeconds, id).toBe(60);
    }
    expect(ex('cat-cow').totalSeconds).toBe(60);
    expect(ex('heel-digs').dose.holdSeconds).toBe(5);
  });

  it('repetition counts: knee bends 10–12, wall angel 10–15', () => {
    expect(ex('knee-bends').dose.reps).toBeGreaterThanOrEqual(10);
    expect(ex('knee-bends').dose.reps).toBeLessThanOrEqual(12);
    expect(ex('wall-angel').dose.reps).toBeGreaterThanOrEqual(10);
    expect(ex('wall-angel').dose.reps).toBeLessThanOrEqual(15);
  });

  it('trunk rotation alternates sides for one to two minutes', () => {
    expect(ex('trunk-rotation').dose.sides).toBe(2);
    expect(ex('trunk-rotation').totalSeconds).toBeGreaterThanOrEqual(60);
    expect(ex('trunk-rotation').totalSeconds).toBeLessThanOrEqual(120);
  });

  it('holds: upper trapezius 20–30 s ×2–3 a side, neck flexion 20–30 s ×3–4, knee to chest 15–30 s ×2–3 a leg, child’s pose 30–60 s', () => {
    const inRange = (x: number | undefined, lo: number, hi: number) => x !== undefined && x >= lo && x <= hi;
    const trap = ex('upper-trap-stretch').dose;
    expect(trap.sides === 2 && inRange(trap.holdSeconds, 20, 30) && inRange(trap.sets, 2, 3)).toBe(true);
    const flex = ex('neck-flexion').dose;
    expect(inRange(flex.holdSeconds, 20, 30) && inRange(flex.reps, 3, 4)).toBe(true);
    const knee = ex('knee-to-chest').dose;
    expect(knee.sides === 2 && inRange(knee.holdSeconds, 15, 30) && inRange(knee.sets, 2, 3)).toBe(true);
    expect(inRange(ex('childs-pose').dose.holdSeconds, 30, 60)).toBe(true);
  });

  it('overhead reach: about 30 s of alternating reaches, 2–3 rounds', () => {
    const e = ex('overhead-reach');
    expect(e.dose.sides).toBe(2);
    expect(innerSeconds(e)).toBe(30);
    expect(e.dose.sets).toBeGreaterThanOrEqual(2);
    expect(e.dose.sets).toBeLessThanOrEqual(3);
  });

  it('positions: floor, wall and desk moves where the seed puts them', () => {
    for (const id of ['heel-digs', 'cat-cow', 'knee-to-chest', 'childs-pose']) expect(ex(id).position, id).toBe('floor');
    expect(ex('wall-angel').position).toBe('wall');
    for (const id of ['march', 'knee-bends']) expect(ex(id).position, id).toBe('standing');
    for (const id of ['chair-rotation', 'knee-lifts']) expect(ex(id).position, id).toBe('seated');
    expect(EXERCISES.filter(DESK_FRIENDLY).map((e) => e.id).sort()).toEqual(
      EXERCISE_IDS.filter((id) => !['heel-digs', 'cat-cow', 'knee-to-chest', 'childs-pose', 'wall-angel'].includes(id)).sort(),
    );
    expect(allowedIn(ex('scapular-squeeze'), ['standing'])).toBe(true);
    expect(allowedIn(ex('wall-angel'), ['seated', 'standing'])).toBe(false);
  });

  it('the warm-up has arm circles, shoulder rolls and deep breathing', () => {
    const text = ex('warm-up').steps.join(' ').toLowerCase();
    expect(text).toMatch(/circle/);
    expect(text).toMatch(/shoulders roll/);
    expect(text).toMatch(/breath/);
    expect(ex('warm-up').closing?.cue).toBe('breathe');
  });
});

it('carries none of the seed article’s product advertising', () => {
  const all = JSON.stringify(EXERCISES).toLowerCase();
  for (const word of ['rhia', 'nano', 'percussion', 'massage', 'store', 'device']) expect(all).not.toContain(word);
});
