import { describe, expect, it } from 'vitest';
import { defaultSettings } from './settings.ts';
import {
  formatLocalIso,
  inWorkHours,
  localParts,
  localToEpoch,
  nextWorkDayStart,
  nextWorkHoursChange,
  offsetMinutes,
} from './work-hours.ts';

const BERLIN = 'Europe/Berlin';
const wh = (patch: Partial<ReturnType<typeof defaultSettings>['workHours']> = {}) => ({
  ...defaultSettings().workHours,
  enabled: true,
  ...patch,
});

describe('local time through Intl', () => {
  it('knows Berlin offsets on both sides of both 2026 DST changes', () => {
    expect(offsetMinutes(Date.parse('2026-03-29T00:30:00Z'), BERLIN)).toBe(60);
    expect(offsetMinutes(Date.parse('2026-03-29T01:30:00Z'), BERLIN)).toBe(120);
    expect(offsetMinutes(Date.parse('2026-10-25T00:30:00Z'), BERLIN)).toBe(120);
    expect(offsetMinutes(Date.parse('2026-10-25T01:30:00Z'), BERLIN)).toBe(60);
    expect(offsetMinutes(Date.parse('2026-07-01T12:00:00Z'), 'America/New_York')).toBe(-240);
  });

  it('maps local wall times to instants, including the DST gap and overlap', () => {
    expect(localToEpoch(2026, 3, 29, 9, 0, BERLIN)).toBe(Date.parse('2026-03-29T09:00:00+02:00'));
    expect(localToEpoch(2026, 3, 28, 9, 0, BERLIN)).toBe(Date.parse('2026-03-28T09:00:00+01:00'));
    // 02:30 does not exist on 29 March: the same distance after the gap.
    expect(localToEpoch(2026, 3, 29, 2, 30, BERLIN)).toBe(Date.parse('2026-03-29T03:30:00+02:00'));
    // 02:30 happens twice on 25 October: the earlier one.
    expect(localToEpoch(2026, 10, 25, 2, 30, BERLIN)).toBe(Date.parse('2026-10-25T02:30:00+02:00'));
  });

  it('formats ISO-8601 with the offset of that instant', () => {
    expect(formatLocalIso(Date.parse('2026-11-23T08:55:00+01:00'), BERLIN)).toBe('2026-11-23T08:55:00+01:00');
    expect(formatLocalIso(Date.parse('2026-07-01T08:55:00.250+02:00'), BERLIN)).toBe('2026-07-01T08:55:00.250+02:00');
    expect(formatLocalIso(Date.parse('2026-07-01T12:00:00Z'), 'America/New_York')).toBe('2026-07-01T08:00:00-04:00');
    expect(formatLocalIso(Date.parse('2026-07-01T12:00:00Z'), 'Asia/Kolkata')).toBe('2026-07-01T17:30:00+05:30');
  });

  it('reads weekday and hour in the zone, not in UTC', () => {
    const p = localParts(Date.parse('2026-11-22T23:30:00Z'), BERLIN); // Monday 00:30 in Berlin
    expect([p.weekday, p.hour, p.minute]).toEqual([1, 0, 30]);
  });
});

describe('work hours', () => {
  it('are disabled by default: always in', () => {
    expect(inWorkHours(Date.parse('2026-11-22T03:00:00Z'), defaultSettings().workHours, BERLIN)).toBe(true);
    expect(nextWorkHoursChange(0, defaultSettings().workHours, BERLIN)).toBeNull();
  });

  it('cover work days from start (inclusive) to end (exclusive), in local time', () => {
    const h = wh();
    expect(inWorkHours(Date.parse('2026-11-23T08:59:59+01:00'), h, BERLIN)).toBe(false);
    expect(inWorkHours(Date.parse('2026-11-23T09:00:00+01:00'), h, BERLIN)).toBe(true);
    expect(inWorkHours(Date.parse('2026-11-23T16:59:00+01:00'), h, BERLIN)).toBe(true);
    expect(inWorkHours(Date.parse('2026-11-23T17:00:00+01:00'), h, BERLIN)).toBe(false);
    expect(inWorkHours(Date.parse('2026-11-22T10:00:00+01:00'), h, BERLIN)).toBe(false); // Sunday
  });

  it('find the next boundary across a DST change and a weekend', () => {
    const everyDay = wh({ days: [0, 1, 2, 3, 4, 5, 6] });
    expect(nextWorkHoursChange(Date.parse('2026-03-28T18:00:00+01:00'), everyDay, BERLIN)).toBe(Date.parse('2026-03-29T09:00:00+02:00'));
    expect(nextWorkHoursChange(Date.parse('2026-10-25T10:00:00+01:00'), everyDay, BERLIN)).toBe(Date.parse('2026-10-25T17:00:00+01:00'));
    expect(nextWorkHoursChange(Date.parse('2026-11-27T17:00:00+01:00'), wh(), BERLIN)).toBe(Date.parse('2026-11-30T09:00:00+01:00'));
    expect(nextWorkHoursChange(0, wh({ days: [] }), BERLIN)).toBeNull();
  });

  it('"tomorrow" is the next work day start, or 08:00 tomorrow without work hours', () => {
    const friday = Date.parse('2026-11-27T14:00:00+01:00');
    expect(nextWorkDayStart(friday, wh(), BERLIN)).toBe(Date.parse('2026-11-30T09:00:00+01:00'));
    expect(nextWorkDayStart(friday, defaultSettings().workHours, BERLIN)).toBe(Date.parse('2026-11-28T08:00:00+01:00'));
    // Even early in the morning of a work day, tomorrow means the next day.
    expect(nextWorkDayStart(Date.parse('2026-11-24T07:00:00+01:00'), wh(), BERLIN)).toBe(Date.parse('2026-11-25T09:00:00+01:00'));
    expect(nextWorkDayStart(Date.parse('2026-03-28T20:00:00+01:00'), defaultSettings().workHours, BERLIN)).toBe(
      Date.parse('2026-03-29T08:00:00+02:00'),
    );
  });
});
