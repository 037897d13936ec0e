import { describe, expect, it } from 'vitest';
import { EXERCISES } from '../electron/core/catalog.ts';
import { runCatalog } from './catalog.ts';

describe('catalog CLI', () => {
  it('prints the whole catalog as {"exercises": [...]}', async () => {
    const r = await runCatalog([]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { exercises: { id: string; position: string; totalSeconds: number }[] };
    expect(out.exercises).toHaveLength(EXERCISES.length);
    expect(out.exercises.map((e) => e.id)).toEqual(EXERCISES.map((e) => e.id));
    for (const e of out.exercises) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['id', 'name', 'position', 'positions', 'areas', 'steps', 'cautions', 'dose', 'totalSeconds']));
    }
  });

  it('prints the next N routines', async () => {
    const r = await runCatalog(['--routines', 'micro', '3']);
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

  it('honours --positions', async () => {
    const out = JSON.parse((await runCatalog(['--routines', 'long', '2', '--positions', 'floor'])).stdout) as { exercises: { id: string }[] }[];
    const floor = new Set<string>(EXERCISES.filter((e) => e.positions.includes('floor')).map((e) => e.id));
    for (const r of out) for (const e of r.exercises) expect(floor.has(e.id)).toBe(true);
    const either = await runCatalog(['--positions', 'wall', '--routines', 'micro', '1']);
    expect(JSON.parse(either.stdout)).toEqual([{ kind: 'micro', exercises: [{ id: 'wall-angel', seconds: 60 }], totalSeconds: 60 }]);
  });

  it('--locales lists every shipped language with its own name and direction', async () => {
    const r = await runCatalog(['--locales']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { code: string; name: string; dir: string }[];
    expect(out.length).toBeGreaterThanOrEqual(16);
    for (const l of out) expect(Object.keys(l)).toEqual(['code', 'name', 'dir']);
    expect(out.find((l) => l.code === 'de')).toEqual({ code: 'de', name: 'Deutsch', dir: 'ltr' });
    expect(out.find((l) => l.code === 'ar')).toEqual({ code: 'ar', name: 'العربية', dir: 'rtl' });
  });

  it('--locale prints the catalog in that language with the same ids, positions and doses', async () => {
    const en = JSON.parse((await runCatalog([])).stdout) as { exercises: Record<string, unknown>[] };
    for (const code of ['de', 'ja', 'ar']) {
      const r = await runCatalog(['--locale', code]);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as { locale: string; exercises: Record<string, unknown>[] };
      expect(out.locale).toBe(code);
      expect(out.exercises.map((e) => e.id)).toEqual(en.exercises.map((e) => e.id));
      out.exercises.forEach((e, i) => {
        const source = en.exercises[i]!;
        for (const k of ['position', 'positions', 'areas', 'dose', 'totalSeconds', 'directionPair', 'phases', 'closing']) expect(e[k], `${code} ${String(e.id)} ${k}`).toEqual(source[k]);
        expect(e.name).not.toBe(source.name);
        expect((e.steps as string[]).length).toBe((source.steps as string[]).length);
      });
    }
    const de = JSON.parse((await runCatalog(['--locale', 'de'])).stdout) as { exercises: { id: string; name: string }[] };
    expect(de.exercises.find((e) => e.id === 'shoulder-roll')!.name).toBe('Schulterkreisen');
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
    [['--locale'], /--locale needs a language code/],
    [['--locale', 'xx'], /unknown language "xx" \(shipped: en, de/],
    [['--locale', 'de', '--locale', 'fr'], /--locale given twice/],
    [['--locales', '--locale', 'de'], /--locales takes no other argument/],
    [['--locale', 'de', '--routines', 'micro', '1'], /--locale applies to the catalog/],
  ])('%j exits 2 naming the problem', async (args, message) => {
    const r = await runCatalog(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});
