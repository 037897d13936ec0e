// The per-file floor of `npm run mutation`, on small reports in Stryker's JSON shape.
import { describe, expect, it } from 'vitest';
import { belowFloor, fileScores } from './mutation-files.ts';

const mutants = (counts: Record<string, number>) => Object.entries(counts).flatMap(([status, n]) => Array.from({ length: n }, () => ({ status })));

describe('mutation score per file', () => {
  it('counts killed and timed-out mutants against those plus survivors and uncovered ones, as Stryker does', () => {
    const report = {
      files: {
        'b.ts': { mutants: mutants({ Killed: 7, Timeout: 1, Survived: 1, NoCoverage: 1, Ignored: 5, CompileError: 2 }) },
        'a.ts': { mutants: mutants({ Killed: 2, Survived: 1 }) },
        'none.ts': { mutants: mutants({ Ignored: 3 }) },
      },
    };
    expect(fileScores(report)).toEqual([
      { file: 'a.ts', score: 66.7, mutants: 3 },
      { file: 'b.ts', score: 80, mutants: 10 },
    ]);
  });

  it('names each file under the floor; a file exactly at it passes', () => {
    const scores = [
      { file: 'a.ts', score: 79.9, mutants: 10 },
      { file: 'b.ts', score: 80, mutants: 10 },
    ];
    expect(belowFloor(scores)).toEqual(['a.ts: 79.9 % of 10 mutants (floor 80 %)']);
  });
});
