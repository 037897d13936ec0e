import { describe, expect, it } from 'vitest';
import { EXERCISES } from '../electron/core/catalog.ts';
import { runCatalog } from './catalog.ts';

describe('catalog CLI', () => {
  it('prints the whole catalog as {"exercises": [...]}', () => {
    const r = runCatalog([]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { exercises: { id: string; position: string; totalSeconds: number }[] };
    expect(out.exercises).toHaveLength(EXERCISES.length);
    expect(out.exercises.map((e) => e.id)).toEqual(EXERCISES.map((e) => e.id));
    for (const e of out.exercises) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['id', 'name', 'position', 'positions', 'areas', 'steps', 'cautions', 'dose', 'totalSeconds']));
    }
  });

  it('prints the next N routines', () => {
    const r = runCatalog(['--routines', 'micro', '3']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { kind: string; exercises: { id: string; seconds: number }[]; totalSeconds: number }[];
    expect(out).toHaveLength(3);
    for (const x of out) {
      expect(Object.keys(x).sort()).toEqual(['exercises', 'kind', 'totalSeconds']);
      expect(x.kind).toBe('micro');
      expect(x.totalSeconds).toBe(60);
      for (const e of x.exercises) expect(Object.keys(e).sort()).toEqual(['id', 'seconds']);
    }
  });

  it('honours --positions', () => {
    const out = JSON.parse(runCatalog(['--routines', 'long', '2', '--positions', 'floor']).stdout) as { exercises: { id: string }[] }[];
    const floor = new Set<string>(EXERCISES.filter((e) => e.positions.includes('floor')).map((e) => e.id));
    for (const r of out) for (const e of r.exercises) expect(floor.has(e.id)).toBe(true);
    const either = runCatalog(['--positions', 'wall', '--routines', 'micro', '1']);
    expect(JSON.parse(either.stdout)).toEqual([{ kind: 'micro', exercises: [{ id: 'wall-angel', seconds: 60 }], totalSeconds: 60 }]);
  });

  it.each([
    [['--routines'], /kind/],
    [['--routines', 'medium', '2'], /micro or long.*medium/],
    [['--routines', 'micro'], /count/],
    [['--routines', 'micro', '0'], /count.*got 0/],
    [['--routines', 'micro', '2.5'], /count/],
    [['--routines', 'micro', '2', '--positions', 'sofa'], /unknown position "sofa"/],
    [['--routines', 'micro', '2', '--positions'], /--positions needs/],
    [['--positions', 'seated'], /only applies with --routines/],
    [['--verbose'], /unknown argument: --verbose/],
  ])('%j exits 2 naming the problem', (args, message) => {
    const r = runCatalog(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});
