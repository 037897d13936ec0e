import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXERCISES, allowedIn, getExercise, type Exercise } from './catalog.ts';
import { buildRoutine, fitDose, nextRoutines, type Routine } from './routine.ts';
import { POSITIONS, defaultSettings, type Position, type Settings } from './settings.ts';

const ex = (id: string): Exercise => {
  const e = getExercise(id);
  if (!e) throw new Error(`missing ${id}`);
  return e;
};
const ids = (r: Routine) => r.exercises.map((x) => x.id);
const primary = (id: string) => ex(id).areas[0];

function settingsWith(patch: { positions?: Position[]; excluded?: Settings['excludedExercises']; micro?: number; long?: number }): Settings {
  const s = defaultSettings();
  if (patch.positions) s.positions = patch.positions;
  if (patch.excluded) s.excludedExercises = patch.excluded;
  if (patch.micro !== undefined) s.microBreak.durationSeconds = patch.micro;
  if (patch.long !== undefined) s.longBreak.durationMinutes = patch.long;
  return s;
}

describe('micro breaks', () => {
  it('a default 60 s break gets one desk move that fills it exactly', () => {
    const r = buildRoutine('micro', defaultSettings(), []);
    expect(r.kind).toBe('micro');
    expect(r.exercises).toHaveLength(1);
    expect(r.totalSeconds).toBe(60);
    expect(r.exercises[0]?.seconds).toBe(60);
    expect(ids(r)[0]).not.toBe('warm-up');
  });

  it('a two-minute break gets two moves for different areas, summing to its length', () => {
    const r = buildRoutine('micro', settingsWith({ micro: 120 }), []);
    expect(r.exercises).toHaveLength(2);
    expect(r.exercises.reduce((s, x) => s + x.seconds, 0)).toBe(120);
    expect(r.totalSeconds).toBe(120);
    const [a, b] = ids(r);
    expect(primary(a!)).not.toBe(primary(b!));
  });

  it('a short break of 20 s still gets one move', () => {
    const r = buildRoutine('micro', settingsWith({ micro: 20 }), []);
    expect(r.exercises).toEqual([{ id: expect.any(String), seconds: 20 }]);
  });
});

describe('long breaks', () => {
  it('a default 5 minute session opens with the warm-up, then four moves for different areas', () => {
    const r = buildRoutine('long', defaultSettings(), []);
    expect(ids(r)[0]).toBe('warm-up');
    expect(r.exercises).toHaveLength(5);
    expect(r.totalSeconds).toBe(300);
    const main = ids(r).slice(1);
    expect(new Set(main).size).toBe(4);
    expect(new Set(main.map(primary)).size).toBe(4);
  });

  it('does not repeat the shoulder rolls the warm-up already has', () => {
    const rs = nextRoutines('long', 12, defaultSettings());
    for (const r of rs) expect(ids(r)).not.toContain('shoulder-roll');
    expect(new Set(rs.flatMap(ids)).has('overhead-reach')).toBe(true);
  });

  it('a 2 minute session gets the warm-up and three moves', () => {
    const r = buildRoutine('long', settingsWith({ long: 2 }), []);
    expect(ids(r)[0]).toBe('warm-up');
    expect(r.exercises).toHaveLength(4);
    expect(r.totalSeconds).toBe(120);
  });

  it('shares the time in proportion to the default doses', () => {
    for (const r of nextRoutines('long', 5, defaultSettings())) {
      const natural = r.exercises.reduce((t, x) => t + ex(x.id).totalSeconds, 0);
      for (const x of r.exercises) expect(Math.abs(x.seconds - (300 * ex(x.id).totalSeconds) / natural)).toBeLessThan(1);
    }
  });

  it('without the warm-up allowed, a gentle desk move opens instead', () => {
    const r = buildRoutine('long', settingsWith({ excluded: ['warm-up'] }), []);
    expect(ids(r)[0]).toBe('shoulder-roll');
    expect(ids(r).slice(1)).not.toContain('shoulder-roll');
  });

  it('floor moves come last, after the standing and seated ones', () => {
    const s = settingsWith({ positions: ['seated', 'standing', 'floor'] });
    for (const r of nextRoutines('long', 6, s)) {
      const rank = ids(r).slice(1).map((id) => (ex(id).position === 'floor' ? 1 : 0));
      expect(rank).toEqual([...rank].sort());
    }
  });
});

describe('allowed moves only', () => {
  it('defaults never offer wall or floor moves', () => {
    for (const kind of ['micro', 'long'] as const) {
      for (const r of nextRoutines(kind, 20, defaultSettings())) {
        for (const id of ids(r)) expect(['seated', 'standing']).toContain(ex(id).position);
      }
    }
  });

  it('floor and wall moves appear once allowed', () => {
    const s = settingsWith({ positions: [...POSITIONS] });
    const used = new Set(nextRoutines('long', 10, s).flatMap(ids));
    expect(used.has('wall-angel')).toBe(true);
    expect(used.has('cat-cow')).toBe(true);
  });

  it('standing only: moves that can be done standing, none seated-only', () => {
    const s = settingsWith({ positions: ['standing'] });
    for (const r of [...nextRoutines('micro', 15, s), ...nextRoutines('long', 5, s)]) {
      for (const id of ids(r)) expect(ex(id).positions, id).toContain('standing');
    }
  });

  it('never an excluded exercise', () => {
    const s = settingsWith({ excluded: ['shoulder-roll', 'neck-roll', 'march'] });
    const used = new Set([...nextRoutines('micro', 30, s), ...nextRoutines('long', 10, s)].flatMap(ids));
    for (const id of ['shoulder-roll', 'neck-roll', 'march']) expect(used.has(id)).toBe(false);
  });

  it('nothing allowed gives an empty routine', () => {
    const r = buildRoutine('long', settingsWith({ positions: ['wall'], excluded: ['wall-angel'] }), []);
    expect(r).toEqual({ kind: 'long', exercises: [], totalSeconds: 0 });
  });

  it('a single allowed move is used even if it repeats', () => {
    const rs = nextRoutines('micro', 3, settingsWith({ positions: ['wall'] }));
    expect(rs.map(ids)).toEqual([['wall-angel'], ['wall-angel'], ['wall-angel']]);
  });
});

describe('variety and determinism', () => {
  it('consecutive routines differ, and micro breaks go round every allowed desk move', () => {
    const rs = nextRoutines('micro', 40, defaultSettings());
    for (let i = 1; i < rs.length; i++) expect(ids(rs[i]!)).not.toEqual(ids(rs[i - 1]!));
    const desk = EXERCISES.filter((e) => e.id !== 'warm-up' && allowedIn(e, ['seated', 'standing'])).map((e) => e.id);
    expect(new Set(rs.slice(0, desk.length).flatMap(ids))).toEqual(new Set(desk));
  });

  it('consecutive long sessions differ in their main moves', () => {
    const rs = nextRoutines('long', 12, defaultSettings());
    for (let i = 1; i < rs.length; i++) expect(ids(rs[i]!)).not.toEqual(ids(rs[i - 1]!));
  });

  it('the same history gives the same routine', () => {
    const history = [['neck-roll'], ['march', 'scapular-squeeze'], ['shoulder-roll']];
    expect(buildRoutine('micro', defaultSettings(), history)).toEqual(buildRoutine('micro', defaultSettings(), history));
    expect(buildRoutine('long', defaultSettings(), history)).toEqual(buildRoutine('long', defaultSettings(), history));
    expect(ids(buildRoutine('micro', defaultSettings(), history))).not.toEqual(['shoulder-roll']);
  });

  it('nextRoutines chains its own history', () => {
    const [a, b] = nextRoutines('micro', 2, defaultSettings());
    expect(b).toEqual(buildRoutine('micro', defaultSettings(), [ids(a!)]));
  });

  it('holds its rules for any settings and history (property)', () => {
    const allIds = EXERCISES.map((e) => e.id);
    fc.assert(
      fc.property(
        fc.subarray([...POSITIONS], { minLength: 1 }),
        fc.subarray(allIds),
        fc.integer({ min: 20, max: 600 }),
        fc.integer({ min: 2, max: 30 }),
        fc.constantFrom('micro' as const, 'long' as const),
        fc.array(fc.subarray(allIds, { minLength: 1, maxLength: 5 }), { maxLength: 6 }),
        (positions, excluded, micro, long, kind, history) => {
          const s = settingsWith({ positions, excluded, micro, long });
          const r = buildRoutine(kind, s, history);
          expect(buildRoutine(kind, s, history)).toEqual(r);
          const pool = EXERCISES.filter((e) => allowedIn(e, positions) && !excluded.includes(e.id));
          if (pool.length === 0) {
            expect(r.exercises).toEqual([]);
            return;
          }
          const target = kind === 'micro' ? micro : long * 60;
          expect(r.totalSeconds).toBe(target);
          expect(r.exercises.reduce((t, x) => t + x.seconds, 0)).toBe(target);
          expect(new Set(ids(r)).size).toBe(r.exercises.length);
          for (const x of r.exercises) {
            expect(pool.map((e) => e.id)).toContain(x.id);
            expect(Number.isInteger(x.seconds) && x.seconds > 0).toBe(true);
          }
          if (kind === 'micro') expect(r.exercises.length).toBeLessThanOrEqual(2);
          else expect(r.exercises.length).toBeLessThanOrEqual(5);
          const last = history[history.length - 1];
          const others = pool.filter((e) => kind === 'long' || e.id !== 'warm-up');
          if (last && others.some((e) => !last.includes(e.id))) expect(ids(r)).not.toEqual(last);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('fitDose', () => {
  it('keeps the default dose for the default length', () => {
    for (const e of EXERCISES) {
      const f = fitDose(e, e.totalSeconds);
      expect(f.dose, e.id).toEqual(e.dose);
      expect(f.closingSeconds).toBe(e.closing?.seconds ?? 0);
    }
  });

  it('both directions stay equal when stretched or shortened', () => {
    expect(fitDose(ex('shoulder-roll'), 40).dose).toEqual({ directions: 2, secondsEach: 20 });
    // Long enough for a second round of both directions.
    expect(fitDose(ex('neck-roll'), 130).dose).toEqual({ directions: 2, sets: 2, secondsEach: 32.5 });
  });

  it('changes the count of repetitions before the pace, and scales holds with the pace', () => {
    const f = fitDose(ex('scapular-squeeze'), 35);
    expect(f.dose.reps).toBe(5);
    expect(f.dose.secondsEach).toBe(7);
    expect(f.dose.holdSeconds).toBe(5);
    const g = fitDose(ex('scapular-squeeze'), 60);
    expect(g.dose.reps).toBe(9);
    expect(g.dose.secondsEach * 9).toBeCloseTo(60, 9);
    expect(g.dose.holdSeconds! / g.dose.secondsEach).toBeCloseTo(5 / 7, 9);
  });

  it('scales the closing part with the rest', () => {
    const f = fitDose(ex('chair-rotation'), 80);
    expect(f.closingSeconds).toBe(20);
    expect(f.dose.reps).toBe(6);
    expect(f.dose.secondsEach).toBe(5);
  });

  it('totals always come out exact (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...EXERCISES), fc.integer({ min: 5, max: 900 }), (e, seconds) => {
        const f = fitDose(e, seconds);
        const units = (f.dose.sets ?? 1) * (f.dose.reps ?? 1) * (f.dose.sides ?? 1) * (f.dose.directions ?? 1);
        expect(units * f.dose.secondsEach + f.closingSeconds).toBeCloseTo(seconds, 6);
        expect(f.dose.directions).toBe(e.dose.directions);
        expect(f.dose.sides).toBe(e.dose.sides);
        if (f.dose.holdSeconds !== undefined) expect(f.dose.holdSeconds).toBeLessThanOrEqual(f.dose.secondsEach);
      }),
    );
  });
});
