// statsYearMs: statistics over a year of round-the-clock history (a break every 30 minutes, ~17.5k records).
import type { HistoryRecord } from '../electron/core/history.ts';
import { computeStats } from '../electron/core/stats.ts';

const OUTCOMES = ['completed', 'completed', 'completed', 'natural', 'skipped', 'missed'] as const;
const IDS = ['shoulder-roll', 'neck-roll', 'chair-rotation', 'scapular-squeeze', 'wrist-circles'];

/** A deterministic year of history ending at `end`. */
export function yearOfHistory(end: number, everyMinutes = 30): HistoryRecord[] {
  const step = everyMinutes * 60_000;
  const records: HistoryRecord[] = [];
  let i = 0;
  for (let t = end - 365 * 86_400_000; t < end; t += step, i++) {
    const long = i % 4 === 3;
    records.push({
      at: new Date(t).toISOString(),
      kind: long ? 'long' : 'micro',
      outcome: OUTCOMES[i % OUTCOMES.length]!,
      seconds: long ? 300 : 60,
      exercises: long ? [IDS[i % 5]!, IDS[(i + 1) % 5]!, IDS[(i + 2) % 5]!] : [IDS[i % 5]!],
    });
  }
  return records;
}

export async function benchStats(): Promise<{ statsYearMs: number }> {
  const now = Date.UTC(2026, 10, 23, 12);
  const records = yearOfHistory(now);
  const run = () => computeStats(records, { now, days: 365, timeZone: 'Europe/Berlin', areasOf: () => ['upper back'] });
  run(); // warm-up: JIT and Intl data
  const runs = 5;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) run();
  return { statsYearMs: Math.round(((performance.now() - t0) / runs) * 10) / 10 };
}
