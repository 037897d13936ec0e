// Local time through Intl only (no Node APIs): wall-clock parts, offsets, work hours and their boundaries.
// Every conversion asks Intl for the zone's rules at that instant, so DST changes and zone switches just work.
import type { Settings } from './settings.ts';

export type WorkHours = Settings['workHours'];

export interface LocalParts {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The process's own zone, read afresh each time (it follows a changed `TZ` or system zone). */
export function currentTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

export function localParts(t: number, timeZone: string): LocalParts {
  const p: LocalParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, weekday: 0 };
  for (const part of formatter(timeZone).formatToParts(t)) {
    switch (part.type) {
      case 'year':
      case 'month':
      case 'day':
      case 'hour':
      case 'minute':
      case 'second':
        p[part.type] = Number(part.value);
        break;
      case 'weekday':
        p.weekday = WEEKDAYS.indexOf(part.value);
        break;
    }
  }
  return p;
}

/** Offset of local time from UTC at instant `t`, in minutes (Berlin in winter: 60). */
export function offsetMinutes(t: number, timeZone: string): number {
  const p = localParts(t, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(t / 1000) * 1000) / 60_000);
}

/**
 * The instant a local wall time happens. In the autumn overlap the earlier instant wins; a wall time skipped by a
 * spring-forward gap maps to the same distance after the gap (02:30 → 03:30 in Berlin).
 */
export function localToEpoch(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const a = wall - offsetMinutes(wall - 86_400_000, timeZone) * 60_000;
  const b = wall - offsetMinutes(wall + 86_400_000, timeZone) * 60_000;
  const valid = [a, b].filter((c) => wall - offsetMinutes(c, timeZone) * 60_000 === c);
  return valid.length ? Math.min(...valid) : Math.max(a, b);
}

/** ISO-8601 with the zone's offset at that instant, e.g. `2026-11-23T09:25:00+01:00` (milliseconds only if any). */
export function formatLocalIso(time: number, timeZone: string): string {
  const t = Math.round(time);
  const p = localParts(t, timeZone);
  const off = offsetMinutes(t, timeZone);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const ms = ((t % 1000) + 1000) % 1000;
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return (
    `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` +
    (ms ? `.${pad(ms, 3)}` : '') +
    `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`
  );
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

/** A civil date `offset` days after the given one, with its weekday. */
function addDays(year: number, month: number, day: number, offset: number) {
  const d = new Date(Date.UTC(year, month - 1, day + offset));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

/**
 * True when reminders may happen at `t`: always without work hours, else on a work day from the instant of its local
 * start to the instant of its local end (so a repeated autumn hour is decided the same way as the boundaries).
 */
export function inWorkHours(t: number, wh: WorkHours, timeZone: string): boolean {
  if (!wh.enabled) return true;
  return periodsAround(t, wh, timeZone, 1).some(([s, e]) => t >= s && t < e);
}

/** Work periods [start, end) as instants, for the local days around `t`. */
function periodsAround(t: number, wh: WorkHours, timeZone: string, daysAhead: number): Array<[number, number]> {
  const today = localParts(t, timeZone);
  const [sh, sm] = [Math.floor(minutesOf(wh.start) / 60), minutesOf(wh.start) % 60];
  const [eh, em] = [Math.floor(minutesOf(wh.end) / 60), minutesOf(wh.end) % 60];
  const out: Array<[number, number]> = [];
  for (let i = -1; i <= daysAhead; i++) {
    const d = addDays(today.year, today.month, today.day, i);
    if (!wh.days.includes(d.weekday)) continue;
    out.push([localToEpoch(d.year, d.month, d.day, sh, sm, timeZone), localToEpoch(d.year, d.month, d.day, eh, em, timeZone)]);
  }
  return out;
}

/** The next instant after `t` at which `inWorkHours` changes, or null if it never does. */
export function nextWorkHoursChange(t: number, wh: WorkHours, timeZone: string): number | null {
  if (!wh.enabled || wh.days.length === 0) return null;
  for (const [s, e] of periodsAround(t, wh, timeZone, 8)) {
    if (t < s) return s;
    if (t < e) return e;
  }
  return null;
}

/** Local hour at which the day rolls over for "until tomorrow": at 00:30 it is still last night. */
export const DAY_ROLLOVER_HOUR = 4;

/**
 * "Until tomorrow": the next day's start of work — the work-hours start on the next work day, or 08:00 without work
 * hours — where "today" runs from 04:00 to 04:00 local time.
 */
export function nextWorkDayStart(t: number, wh: WorkHours, timeZone: string): number {
  const now = localParts(t, timeZone);
  const today = now.hour < DAY_ROLLOVER_HOUR ? addDays(now.year, now.month, now.day, -1) : now;
  if (wh.enabled && wh.days.length > 0) {
    const start = minutesOf(wh.start);
    for (let i = 1; i <= 7; i++) {
      const d = addDays(today.year, today.month, today.day, i);
      if (wh.days.includes(d.weekday)) return localToEpoch(d.year, d.month, d.day, Math.floor(start / 60), start % 60, timeZone);
    }
  }
  const d = addDays(today.year, today.month, today.day, 1);
  return localToEpoch(d.year, d.month, d.day, 8, 0, timeZone);
}

/** A key for the local calendar day of `t` (for "today's count"). */
export function localDayKey(t: number, timeZone: string): string {
  const p = localParts(t, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}
