// The catalog is written in our own words: no run of six words may match the seed article it takes its facts from.
// Node-only (it reads the seed), so it lives beside the scripts rather than in electron/core.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXERCISES } from '../electron/core/catalog.ts';

// The seed lives beside the repository in the shared workspace; without it this check cannot run.
const SEED = fileURLToPath(new URL('../../shared/seed/upper-back-exercises.txt', import.meta.url));
const words = (s: string): string[] => s.toLowerCase().replace(/[’‘]/g, "'").match(/[a-z0-9']+/g) ?? [];
function runs(text: string, n: number): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
  return out;
}
const sharedRuns = (ours: string, seedRuns: Set<string>): string[] => [...runs(ours, 6)].filter((r) => seedRuns.has(r));

describe.skipIf(!existsSync(SEED))('our own words', () => {
  const seed = existsSync(SEED) ? readFileSync(SEED, 'utf8') : '';
  const seedRuns = runs(seed, 6);

  it('the check itself catches a copied run', () => {
    expect(sharedRuns('Then roll your shoulders forward, then up, then back again.', seedRuns).length).toBeGreaterThan(0);
  });

  it('no step, caution or name shares a run of 6 words with the seed', () => {
    const found = EXERCISES.flatMap((e) =>
      [e.name, ...e.steps, ...e.cautions].flatMap((s) => sharedRuns(s, seedRuns).map((r) => `${e.id}: "${r}"`)),
    );
    expect(found).toEqual([]);
  });
});
