import { describe, expect, it } from 'vitest';
import { computeStats } from '../electron/core/stats.ts';
import { benchStats, yearOfHistory } from './stats.ts';

describe('benchStats', () => {
  it('measures statistics over a year of round-the-clock history, under the 1000 ms goal', async () => {
    expect(yearOfHistory(Date.UTC(2026, 0, 1)).length).toBe(365 * 48);
    const { statsYearMs } = await benchStats();
    expect(statsYearMs).toBeGreaterThan(0);
    expect(statsYearMs).toBeLessThan(1000);
  });

  it('counts every break of that year', () => {
    const now = Date.parse('2026-03-04T15:00:00+01:00');
    const s = computeStats(yearOfHistory(now), { now, days: 365, timeZone: 'Europe/Berlin' });
    expect(s.total.due).toBeGreaterThan(17_000);
  });
});
