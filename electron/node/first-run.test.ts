import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { firstRun } from './first-run.ts';

it('is due until it has been shown once in that data folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'limber-first-'));
  try {
    const first = firstRun(dir);
    expect(first.due).toBe(true);
    first.markShown();
    expect(firstRun(dir).due).toBe(false);
    expect(firstRun(mkdtempSync(join(tmpdir(), 'limber-other-'))).due).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('reports, rather than throws, when the marker cannot be written', () => {
  const warnings: string[] = [];
  firstRun(join(tmpdir(), 'limber-missing-folder', 'nested'), (m) => warnings.push(m)).markShown();
  expect(warnings[0]).toMatch(/could not remember/);
});
