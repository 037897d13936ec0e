import { describe, expect, it } from 'vitest';
import { benchStats, yearOfHistory } from './stats.ts';

describe('benchStats', () => {
  // A figure, not a limit: the goal (under 1000 ms) is read from `npm run bench`, never asserted on a busy machine.
  it('measures statistics over a year of round-the-clock history', async () => {
    expect(yearOfHistory(Date.UTC(2026, 0, 1)).length).toBe(365 * 48);
    const { statsYearMs } = await benchStats();
    expect(statsYearMs).toBeGreaterThan(0);
  });
});
