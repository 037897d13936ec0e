import { describe, expect, it } from 'vitest';
import { benchStats, yearOfHistory } from './stats.ts';

describe('benchStats', () => {
  it('measures statistics over a year of round-the-clock history, under the 1000 ms goal', async () => {
    expect(yearOfHistory(Date.UTC(2026, 0, 1)).length).toBe(365 * 48);
    const { statsYearMs } = await benchStats();
    expect(statsYearMs).toBeGreaterThan(0);
    expect(statsYearMs).toBeLessThan(1000);
  });
});
