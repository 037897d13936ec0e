import { describe, expect, it } from 'vitest';
import { getExercise } from './catalog.ts';
import type { HistoryRecord } from './history.ts';
import { addDays, computeStats, localDateKeyer, weekStartOf } from './stats.ts';

function rec(at: string, outcome: HistoryRecord['outcome'] = 'completed', exercises: string[] = ['shoulder-roll'], seconds = 60): HistoryRecord {
  return { at, kind: 'micro', outcome, seconds, exercises };
}

describe('local dates', () => {
  it('buckets by the given zone, not UTC', () => {
    const key = localDateKeyer('America/New_York');
    expect(key(Date.parse('2026-03-03T03:00:00Z'))).toBe('2026-03-02');
    expect(localDateKeyer('Asia/Tokyo')(Date.parse('2026-03-02T16:00:00Z'))).toBe('2026-03-03');
    expect(localDateKeyer('Asia/Kathmandu')(Date.parse('2026-03-02T18:14:00Z'))).toBe('2026-03-02');
    expect(localDateKeyer('Asia/Kathmandu')(Date.parse('2026-03-02T18:15:00Z'))).toBe('2026-03-03');
  });

  it('counts calendar days across DST changes', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekStartOf('2026-11-29')).toBe('2026-11-23'); // a Sunday belongs to the week of the Monday before
    expect(weekStartOf('2026-11-23')).toBe('2026-11-23');
  });
});

describe('computeStats', () => {
  const tz = 'Europe/Berlin';
  const now = Date.parse('2026-03-04T15:00:00+01:00');

  it('counts outcomes, minutes moved and the share taken per day', () => {
    const records = [
      rec('2026-03-04T09:00:00+01:00', 'completed', ['shoulder-roll'], 90),
      rec('2026-03-04T09:30:00+01:00', 'skipped', [], 0),
      rec('2026-03-04T10:00:00+01:00', 'natural', [], 600),
      rec('2026-03-04T10:30:00+01:00', 'missed', [], 0),
      rec('2026-03-03T23:30:00Z', 'completed', ['neck-roll'], 30), // 00:30 on the 4th in Berlin
      rec('2026-03-03T22:30:00Z', 'completed', ['neck-roll'], 60), // 23:30 on the 3rd
    ];
    const s = computeStats(records, { now, days: 7, timeZone: tz, dailyGoal: 2 });
    expect(s.to).toBe('2026-03-04');
    expect(s.from).toBe('2026-02-26');
    expect(s.days).toHaveLength(7);
    expect(s.today).toMatchObject({ date: '2026-03-04', completed: 2, skipped: 1, natural: 1, missed: 1, due: 5, taken: 3, secondsMoved: 120, minutesMoved: 2, goalMet: true });
    expect(s.today.takenShare).toBeCloseTo(3 / 5);
    expect(s.days[5]).toMatchObject({ date: '2026-03-03', completed: 1, goalMet: false });
    expect(s.days[0]).toMatchObject({ due: 0, takenShare: null });
    expect(s.total).toMatchObject({ completed: 3, due: 6, activeDays: 2, goalDays: 1 });
    expect(s.records).toBe(6);
  });

  it('counts partial breaks as taken, with their seconds moved, and breaks held and for how long', () => {
    const records: HistoryRecord[] = [
      rec('2026-03-04T09:00:00+01:00', 'completed', ['shoulder-roll'], 60),
      { ...rec('2026-03-04T11:00:00+01:00', 'partial', ['neck-roll'], 25), heldSeconds: 1800 },
      { ...rec('2026-03-04T13:00:00+01:00', 'skipped', [], 0), heldSeconds: 600 },
    ];
    const s = computeStats(records, { now, days: 7, timeZone: tz, dailyGoal: 1 });
    expect(s.today).toMatchObject({ completed: 1, partial: 1, skipped: 1, due: 3, taken: 2, secondsMoved: 85, held: 2, heldSeconds: 2400 });
    expect(s.total).toMatchObject({ partial: 1, held: 2, heldSeconds: 2400 });
    expect(s.weeks.at(-1)).toMatchObject({ partial: 1, held: 2, heldSeconds: 2400 });
  });

  it('gives the typical and the longest hold of the window, per week too', () => {
    const held = (at: string, heldSeconds: number): HistoryRecord => ({ ...rec(at, 'completed'), heldSeconds });
    const holds = [
      held('2026-02-24T10:00:00+01:00', 300), // the week before
      held('2026-02-26T10:00:00+01:00', 4200),
      held('2026-03-02T10:00:00+01:00', 900),
      held('2026-03-03T10:00:00+01:00', 1500),
      held('2026-03-04T10:00:00+01:00', 2700),
    ];
    const outside = [held('2026-02-18T10:00:00+01:00', 9000), held('2026-03-05T10:00:00+01:00', 8000)];
    const s = computeStats([rec('2026-03-04T09:00:00+01:00'), ...holds, ...outside], { now, days: 14, timeZone: tz });
    const seconds = holds.map((r) => r.heldSeconds!);
    const sorted = [...seconds].sort((a, b) => a - b);
    expect(s.total).toMatchObject({ held: holds.length, heldSeconds: seconds.reduce((a, b) => a + b), heldLongestSeconds: Math.max(...seconds), heldMedianSeconds: sorted[2] });
    expect(s.weeks.map((w) => [w.weekStart, w.held, w.heldLongestSeconds])).toEqual([
      ['2026-02-16', 0, 0],
      ['2026-02-23', 2, 4200],
      ['2026-03-02', 3, 2700],
    ]);
    expect(s.today).toMatchObject({ held: 1, heldLongestSeconds: 2700 });
    // An even count takes the mean of the two middle holds; none gives null.
    expect(computeStats(holds.slice(1), { now, days: 14, timeZone: tz }).total.heldMedianSeconds).toBe((1500 + 2700) / 2);
    expect(computeStats([rec('2026-03-04T09:00:00+01:00')], { now, days: 14, timeZone: tz }).total).toMatchObject({ held: 0, heldSeconds: 0, heldLongestSeconds: 0, heldMedianSeconds: null });
  });

  it('groups the window into ISO weeks', () => {
    const s = computeStats([rec('2026-03-01T12:00:00+01:00'), rec('2026-03-02T12:00:00+01:00'), rec('2026-03-04T12:00:00+01:00')], {
      now,
      days: 14,
      timeZone: tz,
      dailyGoal: 1,
    });
    expect(s.weeks.map((w) => [w.weekStart, w.completed, w.goalDays])).toEqual([
      ['2026-02-16', 0, 0],
      ['2026-02-23', 1, 1],
      ['2026-03-02', 2, 2],
    ]);
  });

  it('ignores records outside the window for the counts but not for the best streak', () => {
    const old = ['2025-06-02', '2025-06-03', '2025-06-04'].map((d) => rec(`${d}T10:00:00+02:00`));
    const s = computeStats([...old, rec('2026-03-04T10:00:00+01:00')], { now, days: 7, timeZone: tz, dailyGoal: 1 });
    expect(s.total.completed).toBe(1);
    expect(s.streak).toEqual({ current: 4, best: 4 }); // no break was due in between: nothing broke the run
  });

  it('ends a streak on a day with breaks that missed the goal; today in progress does not end it', () => {
    const day = (d: string, n: number, outcome: HistoryRecord['outcome'] = 'completed') =>
      Array.from({ length: n }, (_, i) => rec(`${d}T1${i}:00:00+01:00`, outcome));
    const records = [...day('2026-02-25', 2), ...day('2026-02-26', 2), ...day('2026-02-27', 2), ...day('2026-02-28', 1, 'skipped'), ...day('2026-03-02', 2), ...day('2026-03-03', 2), ...day('2026-03-04', 1)];
    const s = computeStats(records, { now, days: 7, timeZone: tz, dailyGoal: 2 });
    expect(s.streak).toEqual({ current: 2, best: 3 });
    const later = computeStats([...records, rec('2026-03-04T14:00:00+01:00')], { now, days: 7, timeZone: tz, dailyGoal: 2 });
    expect(later.streak.current).toBe(3);
  });

  it('ranks favourite exercises and the areas they work', () => {
    const records = [
      rec('2026-03-04T09:00:00+01:00', 'completed', ['neck-roll', 'shoulder-roll']),
      rec('2026-03-04T09:30:00+01:00', 'completed', ['neck-roll']),
      rec('2026-03-04T10:00:00+01:00', 'skipped', ['chair-rotation']),
    ];
    const areas: Record<string, string[]> = { 'neck-roll': ['neck'], 'shoulder-roll': ['shoulders', 'upper back'] };
    const s = computeStats(records, { now, days: 1, timeZone: tz, areasOf: (id) => areas[id] });
    expect(s.topExercises).toMatchObject([
      { id: 'neck-roll', count: 2 },
      { id: 'shoulder-roll', count: 1 },
    ]);
    expect(s.topExercises[0]!.name).toBe(getExercise('neck-roll')!.name);
    expect(s.areas).toEqual([
      { area: 'neck', count: 2 },
      { area: 'shoulders', count: 1 },
      { area: 'upper back', count: 1 },
    ]);
  });

  it('takes areas from the catalog by default and keeps ids the catalog no longer has', () => {
    const s = computeStats([rec('2026-03-04T09:00:00+01:00', 'completed', ['shoulder-roll', 'retired-move'])], { now, days: 1, timeZone: tz });
    expect(s.areas.map((a) => a.area).sort()).toEqual([...getExercise('shoulder-roll')!.areas].sort());
    expect(s.topExercises.find((e) => e.id === 'retired-move')).toEqual({ id: 'retired-move', name: 'retired-move', count: 1 });
  });

  it('leaves records dated after today out', () => {
    const s = computeStats([rec('2026-03-06T10:00:00+01:00')], { now, days: 30, timeZone: tz });
    expect(s.total.due).toBe(0);
    expect(s.streak.best).toBe(0);
  });
});
