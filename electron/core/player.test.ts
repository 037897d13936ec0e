import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXERCISES, getExercise } from './catalog.ts';
import { VirtualClock } from './clock.ts';
import {
  createPlayer,
  finish,
  next,
  nextChangeAt,
  pause,
  planExercise,
  previous,
  resume,
  start,
  tick,
  togglePause,
  type Player,
  type PlayerState,
} from './player.ts';
import type { Routine } from './routine.ts';

const T0 = Date.parse('2026-11-23T10:00:00Z');
const S = 1000;
const READY = 5 * S;

function routine(...items: [string, number][]): Routine {
  const exercises = items.map(([id, seconds]) => ({ id, seconds }));
  return { kind: 'micro', exercises, totalSeconds: exercises.reduce((t, x) => t + x.seconds, 0) };
}
const started = (r: Routine): Player => start(createPlayer(r), T0);
/** State `ms` into the moving part (after get-ready). */
const at = (p: Player, ms: number): PlayerState => tick(p, T0 + READY + ms);
const seg = (p: Player, ms: number) => {
  const s = at(p, ms).segment;
  if (!s) throw new Error('no segment');
  return s;
};

describe('get ready', () => {
  it('counts down a few seconds before the first move, naming it', () => {
    const p = started(routine(['shoulder-roll', 60], ['neck-roll', 60]));
    const s = tick(p, T0 + 1200);
    expect(s.phase).toBe('ready');
    expect(s.exerciseId).toBe('shoulder-roll');
    expect(s.upNext).toBe('neck-roll');
    expect(s.segment?.cue.code).toBe('get-ready');
    expect(s.segment?.secondsLeft).toBe(4);
    expect(s.progress).toBeCloseTo(0.24, 6);
    expect(tick(p, T0 + READY).phase).toBe('moving');
  });

  it('does not run before start', () => {
    const p = createPlayer(routine(['shoulder-roll', 60]));
    const s = tick(p, T0 + 60 * S);
    expect(s).toMatchObject({ phase: 'ready', started: false, paused: false });
    expect(nextChangeAt(s)).toBeNull();
  });

  it('honours a custom get-ready length', () => {
    const p = start(createPlayer(routine(['shoulder-roll', 60]), { readySeconds: 3 }), T0);
    expect(tick(p, T0 + 2999).phase).toBe('ready');
    expect(tick(p, T0 + 3000).phase).toBe('moving');
  });
});

describe('directions', () => {
  const p = started(routine(['shoulder-roll', 60]));

  it('rolls forwards for 30 s, then the cue says now backwards for 30 s', () => {
    expect(seg(p, 0)).toMatchObject({ cue: { code: 'begin', direction: 'forward' }, motion: 'forward', direction: 'forward', secondsLeft: 30, secondsTotal: 30, index: 1, count: 2 });
    expect(seg(p, 29_999).motion).toBe('forward');
    expect(seg(p, 30_000)).toMatchObject({ cue: { code: 'switch-direction', direction: 'backward' }, motion: 'backward', secondsLeft: 30, index: 2 });
    expect(at(p, 45_000).exerciseSecondsLeft).toBe(15);
  });

  it('the neck roll goes clockwise, then anticlockwise', () => {
    const q = started(routine(['neck-roll', 60]));
    expect(seg(q, 10_000).motion).toBe('clockwise');
    expect(seg(q, 40_000)).toMatchObject({ cue: { code: 'switch-direction' }, motion: 'anticlockwise' });
  });

  it('a shortened roll keeps both directions equal', () => {
    const q = started(routine(['shoulder-roll', 30]));
    expect(seg(q, 14_999).direction).toBe('forward');
    expect(seg(q, 15_000).direction).toBe('backward');
    expect(at(q, 30_000).phase).toBe('finished');
  });
});

describe('holds and repetitions', () => {
  const p = started(routine(['scapular-squeeze', 70]));

  it('each squeeze holds 5 s and releases 2 s, counting 1 to 10', () => {
    expect(seg(p, 0)).toMatchObject({ cue: { code: 'hold', n: 1, of: 10 }, motion: 'hold', secondsTotal: 5 });
    expect(seg(p, 5_000)).toMatchObject({ cue: { code: 'release', n: 1, of: 10 }, motion: 'release', secondsTotal: 2 });
    expect(seg(p, 7 * 7_000)).toMatchObject({ cue: { code: 'hold', n: 8, of: 10 }, index: 8, count: 10 });
    expect(seg(p, 69_999)).toMatchObject({ cue: { code: 'release', n: 10 } });
    expect(at(p, 70_000).phase).toBe('finished');
  });

  it('knee bends count repetitions, going down then up', () => {
    const q = started(routine(['knee-bends', 60]));
    expect(seg(q, 0)).toMatchObject({ motion: 'down', cue: { code: 'hold', n: 1, of: 10 } });
    expect(seg(q, 3_000)).toMatchObject({ motion: 'up', cue: { code: 'release' } });
    expect(seg(q, 6_000).cue.n).toBe(2);
  });

  it('wall angels split each repetition into up and down halves under one count', () => {
    const q = started(routine(['wall-angel', 60]));
    expect(seg(q, 0)).toMatchObject({ motion: 'up', cue: { code: 'rep', n: 1, of: 10 } });
    expect(seg(q, 3_000)).toMatchObject({ motion: 'down', cue: { code: 'rep', n: 1, of: 10 } });
    expect(seg(q, 42_000)).toMatchObject({ motion: 'up', cue: { code: 'rep', n: 8, of: 10 } });
    expect(seg(q, 45_000)).toMatchObject({ motion: 'down', cue: { code: 'rep', n: 8, of: 10 } });
  });

  it('child’s pose is one long hold, then a release', () => {
    const q = started(routine(['childs-pose', 50]));
    expect(seg(q, 0)).toMatchObject({ cue: { code: 'hold' }, secondsLeft: 45 });
    expect(seg(q, 46_000)).toMatchObject({ cue: { code: 'release' }, secondsLeft: 4 });
  });
});

describe('sides', () => {
  it('the trapezius stretch holds right, then other side, twice round', () => {
    const p = started(routine(['upper-trap-stretch', 100]));
    const seq = [0, 20, 25, 45, 50, 70, 75, 95].map((s) => seg(p, s * S));
    expect(seq.map((g) => [g.cue.code, g.side, g.motion])).toEqual([
      ['hold', 'right', 'hold'],
      ['release', 'right', 'release'],
      ['other-side', 'left', 'hold'],
      ['release', 'left', 'release'],
      ['other-side', 'right', 'hold'],
      ['release', 'right', 'release'],
      ['other-side', 'left', 'hold'],
      ['release', 'left', 'release'],
    ]);
    expect(seq.map((g) => g.index)).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
  });

  it('marching alternates sides within each counted step', () => {
    const p = started(routine(['march', 60]));
    expect(seg(p, 0)).toMatchObject({ side: 'right', motion: 'right', cue: { code: 'rep', n: 1, of: 15 } });
    expect(seg(p, 2_000)).toMatchObject({ side: 'left', motion: 'left', cue: { code: 'rep', n: 1 } });
    expect(seg(p, 4_000)).toMatchObject({ side: 'right', cue: { n: 2 } });
  });

  it('the chair rotation alternates turns and ends with a lean back', () => {
    const p = started(routine(['chair-rotation', 40]));
    expect(seg(p, 0)).toMatchObject({ side: 'right', cue: { code: 'hold', n: 1, of: 3 } });
    expect(seg(p, 3_000)).toMatchObject({ side: 'right', cue: { code: 'release' } });
    expect(seg(p, 5_000)).toMatchObject({ side: 'left', cue: { code: 'hold', n: 1 } });
    expect(seg(p, 10_000)).toMatchObject({ side: 'right', cue: { code: 'hold', n: 2 } });
    expect(seg(p, 30_000)).toMatchObject({ cue: { code: 'lean-back' }, motion: 'backward', secondsTotal: 10 });
    expect(seg(p, 30_000).side).toBeUndefined();
  });
});

describe('moving through the routine', () => {
  const r = routine(['shoulder-roll', 30], ['scapular-squeeze', 35], ['neck-roll', 30]);

  it('goes from one exercise to the next, with up next and progress', () => {
    const p = started(r);
    expect(at(p, 10_000)).toMatchObject({ exerciseIndex: 0, exerciseId: 'shoulder-roll', upNext: 'scapular-squeeze', exerciseCount: 3 });
    expect(at(p, 30_000)).toMatchObject({ exerciseIndex: 1, exerciseId: 'scapular-squeeze', upNext: 'neck-roll', exerciseSecondsLeft: 35 });
    expect(at(p, 70_000)).toMatchObject({ exerciseIndex: 2, upNext: null });
    expect(at(p, 47_500).routineProgress).toBeCloseTo(0.5, 6);
    expect(at(p, 31_000).progress).toBeCloseTo(0.2, 6);
  });

  it('finishes by itself with everything done and the time moved', () => {
    const s = at(started(r), 200_000);
    expect(s.phase).toBe('finished');
    expect(s.segment).toBeNull();
    expect(s.summary).toEqual({ exercises: ['shoulder-roll', 'scapular-squeeze', 'neck-roll'], secondsMoved: 95, completed: true });
    expect(nextChangeAt(s)).toBeNull();
  });

  it('pause freezes the countdown; resume carries on where it stopped; paused time is not moving time', () => {
    let p = started(r);
    p = pause(p, T0 + READY + 10_000);
    const frozen = tick(p, T0 + READY + 10_000 + 3_600_000);
    expect(frozen).toMatchObject({ paused: true, exerciseIndex: 0 });
    expect(frozen.segment?.secondsLeft).toBe(5);
    expect(nextChangeAt(frozen)).toBeNull();
    p = resume(p, T0 + READY + 100_000);
    expect(tick(p, T0 + READY + 100_000 + 4_000).segment?.secondsLeft).toBe(1);
    expect(tick(p, T0 + READY + 100_000 + 19_999).exerciseId).toBe('shoulder-roll');
    expect(tick(p, T0 + READY + 100_000 + 20_000).exerciseId).toBe('scapular-squeeze');
    const end = tick(p, T0 + 1_000_000);
    expect(end.summary).toMatchObject({ secondsMoved: 95, completed: true });
  });

  it('togglePause pauses and resumes', () => {
    let p = started(r);
    p = togglePause(p, T0 + 1_000);
    expect(p.status).toBe('paused');
    p = togglePause(p, T0 + 5_000);
    expect(p.status).toBe('running');
    expect(tick(p, T0 + 5_000).segment?.secondsLeft).toBe(4);
  });

  it('next skips to the next exercise; from get-ready it starts the first', () => {
    let p = started(r);
    p = next(p, T0 + 1_000);
    expect(tick(p, T0 + 1_000)).toMatchObject({ phase: 'moving', exerciseIndex: 0, exerciseSecondsLeft: 30 });
    p = next(p, T0 + 6_000);
    const s = tick(p, T0 + 6_000);
    expect(s).toMatchObject({ exerciseIndex: 1, exerciseSecondsLeft: 35 });
    expect(s.segment?.cue).toMatchObject({ code: 'hold', n: 1 });
  });

  it('next on the last exercise finishes early, not completed, counting only what was done', () => {
    let p = started(r);
    p = next(p, T0 + READY + 20_000); // 20 of 30 s of the roll
    p = next(p, T0 + READY + 22_000); // 2 of 35 s of the squeeze
    p = next(p, T0 + READY + 36_000); // 14 of 30 s of the neck roll
    const s = tick(p, T0 + READY + 36_000);
    expect(s.phase).toBe('finished');
    expect(s.summary).toEqual({ exercises: ['shoulder-roll'], secondsMoved: 36, completed: false });
  });

  it('previous goes back to the start of the previous exercise, or restarts the first', () => {
    let p = started(r);
    p = previous(p, T0 + READY + 40_000);
    expect(tick(p, T0 + READY + 40_000)).toMatchObject({ exerciseIndex: 0, exerciseSecondsLeft: 30 });
    p = previous(p, T0 + READY + 45_000);
    expect(tick(p, T0 + READY + 45_000)).toMatchObject({ exerciseIndex: 0, exerciseSecondsLeft: 30 });
    p = previous(started(r), T0 + 2_000);
    expect(tick(p, T0 + 2_000)).toMatchObject({ phase: 'ready', exerciseSecondsLeft: 5 });
  });

  it('next and previous while paused stay paused', () => {
    let p = pause(started(r), T0 + READY + 1_000);
    p = next(p, T0 + READY + 9_000);
    const s = tick(p, T0 + READY + 20_000);
    expect(s).toMatchObject({ paused: true, exerciseIndex: 1, exerciseSecondsLeft: 35 });
  });

  it('finish ends the break at once with a summary', () => {
    const p = finish(started(r), T0 + READY + 31_000);
    const s = tick(p, T0 + READY + 90_000);
    expect(s.phase).toBe('finished');
    expect(s.summary).toEqual({ exercises: ['shoulder-roll'], secondsMoved: 31, completed: false });
    expect(tick(finish(createPlayer(r), T0), T0).summary).toEqual({ exercises: [], secondsMoved: 0, completed: false });
  });

  it('controls after the end change nothing', () => {
    const p = finish(started(r), T0 + 10_000);
    for (const op of [next, previous, pause, resume, start]) expect(op(p, T0 + 20_000).status).toBe('finished');
  });

  it('an empty routine is finished as soon as it starts', () => {
    const s = tick(started(routine()), T0);
    expect(s.phase).toBe('finished');
    expect(s.summary).toEqual({ exercises: [], secondsMoved: 0, completed: true });
  });

  it('rejects an unknown exercise id', () => {
    expect(() => createPlayer(routine(['no-such-move', 30]))).toThrow(/no-such-move/);
  });
});

describe('nextChangeAt', () => {
  it('is the next whole-second change of a countdown', () => {
    const p = started(routine(['shoulder-roll', 60]));
    expect(nextChangeAt(tick(p, T0))).toBe(T0 + 1_000);
    expect(nextChangeAt(tick(p, T0 + 1_250))).toBe(T0 + 2_000);
  });

  it('one timer at a time, driven by a virtual clock, visits every segment and ends finished', () => {
    const r = routine(['warm-up', 40], ['chair-rotation', 40], ['scapular-squeeze', 20]);
    const clock = new VirtualClock(T0);
    const p = start(createPlayer(r), clock.now());
    const seen: string[] = [];
    let last: PlayerState | undefined;
    const render = () => {
      const s = tick(p, clock.now());
      const key = `${s.exerciseIndex}/${s.segment?.number ?? '-'}/${s.phase}`;
      if (seen[seen.length - 1] !== key) seen.push(key);
      last = s;
      const when = nextChangeAt(s);
      if (when !== null) clock.setTimer(when, render);
    };
    render();
    clock.advanceBy(10 * 60_000);
    expect(last?.phase).toBe('finished');
    expect(last?.summary?.secondsMoved).toBe(100);
    const expected = ['0/0/ready', ...p.plan.exercises.flatMap((e, i) => e.segments.filter((g) => g.end > g.start).map((_, n) => `${i}/${n}/moving`)), `3/-/finished`];
    expect(seen).toEqual(expected);
    // At most one wake-up per second for each of the two countdowns, plus one per segment.
    expect(clock.wakeups).toBeLessThanOrEqual(2 * 105 + p.plan.exercises.reduce((t, e) => t + e.segments.length, 0));
  });
});

describe('plans', () => {
  it('segments tile every exercise exactly, for any length (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...EXERCISES), fc.integer({ min: 10, max: 900 }), fc.integer({ min: 0, max: 10_000 }), (e, seconds, offset) => {
        const plan = planExercise(e, seconds, offset);
        expect(plan.start).toBe(offset);
        expect(plan.end).toBe(offset + seconds * 1000);
        expect(plan.segments[0]?.start).toBe(offset);
        expect(plan.segments[plan.segments.length - 1]?.end).toBe(plan.end);
        plan.segments.forEach((g, i) => {
          expect(g.end).toBeGreaterThanOrEqual(g.start);
          if (i > 0) expect(g.start).toBe(plan.segments[i - 1]?.end);
          expect(g.cue.n).toBeGreaterThanOrEqual(1);
          expect(g.cue.n).toBeLessThanOrEqual(g.cue.of);
        });
        const d = e.dose;
        if (d.directions) {
          const by = (dir: string) => plan.segments.filter((g) => g.direction === dir).reduce((t, g) => t + g.end - g.start, 0);
          // Whole-ms boundaries may differ by a millisecond each.
          expect(Math.abs(by(e.directionPair![0]) - by(e.directionPair![1]))).toBeLessThanOrEqual(plan.segments.length);
        }
      }),
    );
  });

  it('plays the catalog default of every exercise in exactly its total', () => {
    for (const e of EXERCISES) {
      const p = started(routine([e.id, e.totalSeconds]));
      expect(at(p, e.totalSeconds * 1000 - 1).phase, e.id).toBe('moving');
      expect(at(p, e.totalSeconds * 1000).phase, e.id).toBe('finished');
      expect(getExercise(e.id)).toBe(e);
    }
  });
});
