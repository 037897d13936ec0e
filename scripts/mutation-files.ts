// After `stryker run` (npm run mutation): each mutated file's score from the JSON report, and a failure naming every
// file under the floor. Stryker's own `thresholds.break` judges only the whole run.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const FILE_FLOOR = 80;

interface Report {
  files: Record<string, { mutants: { status: string }[] }>;
}

export interface FileScore {
  file: string;
  /** % of the mutants that count (killed and timed out, of those plus survived and without coverage). */
  score: number;
  mutants: number;
}

/** Scores as Stryker computes them; files with no mutant that counts are left out. */
export function fileScores(report: Report): FileScore[] {
  const scores: FileScore[] = [];
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const count = (...s: string[]) => mutants.filter((m) => s.includes(m.status)).length;
    const detected = count('Killed', 'Timeout');
    const valid = detected + count('Survived', 'NoCoverage');
    if (valid > 0) scores.push({ file, score: Math.round((1000 * detected) / valid) / 10, mutants: valid });
  }
  return scores.sort((a, b) => a.file.localeCompare(b.file));
}

export function belowFloor(scores: readonly FileScore[], floor = FILE_FLOOR): string[] {
  return scores.filter((s) => s.score < floor).map((s) => `${s.file}: ${s.score} % of ${s.mutants} mutants (floor ${floor} %)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = resolve(process.argv[2] ?? 'reports/mutation/mutation.json');
  let report: Report;
  try {
    report = JSON.parse(readFileSync(path, 'utf8')) as Report;
  } catch (e) {
    console.error(`mutation: cannot read the report ${path}: ${(e as Error).message}`);
    process.exit(1);
  }
  const low = belowFloor(fileScores(report));
  if (low.length > 0) {
    console.error(`mutation: ${low.length} file(s) under the ${FILE_FLOOR} % floor:\n  ${low.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`mutation: every file at or above ${FILE_FLOOR} %`);
}
