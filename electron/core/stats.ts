// Statistics from the break history, bucketed by local day in an explicit time zone.
import { getExercise } from './catalog.ts';
import type { HistoryRecord } from './history.ts';

export { toCsv, toJson, parseCsv, parseJsonExport } from './history-export.ts';

export const DEFAULT_DAILY_GOAL = 4;

export interface OutcomeCounts {
  completed: number;
  /** Started and ended early: moved, but not to the routine's end. */
  partial: number;
  skipped: number;
  natural: number;
  missed: number;
}

export interface PeriodStats extends OutcomeCounts {
  /** Breaks that came due: every outcome. */
  due: number;
  /** Completed, partial and natural (time away counts as a break taken). */
  taken: number;
  /** taken / due, 0–1; null when nothing was due. */
  takenShare: number | null;
  /** Seconds moved in completed and partial breaks. */
  secondsMoved: number;
  minutesMoved: number;
  /** Breaks that were held (a call, a presentation…) before they came, and for how long in all. */
  held: number;
  heldSeconds: number;
  /** The longest single hold; 0 when none. */
  heldLongestSeconds: number;
}

export interface DayStats extends PeriodStats {
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  goalMet: boolean;
}

export interface WeekStats extends PeriodStats {
  /** Local date of the week's Monday (ISO weeks). */
  weekStart: string;
  /** Days of this week inside the window that met the goal. */
  goalDays: number;
}

export interface Stats {
  timeZone: string;
  /** First and last local dates of the window (inclusive). */
  from: string;
  to: string;
  dailyGoal: number;
  today: DayStats;
  /** One entry per day of the window, oldest first, empty days included. */
  days: DayStats[];
  /** Weeks overlapping the window, oldest first. */
  weeks: WeekStats[];
  /** `heldMedianSeconds`: the typical hold, the median of the window's holds (null when none). */
  total: PeriodStats & { activeDays: number; goalDays: number; heldMedianSeconds: number | null };
  /**
   * Consecutive days meeting the goal (completed breaks ≥ dailyGoal), over the whole history. Days with no break
   * due at all (weekends, holidays) neither count nor break a streak; today counts once it meets the goal.
   */
  streak: { current: number; best: number };
  /** Exercises of completed breaks in the window, most done first. */
  topExercises: { id: string; name: string; count: number }[];
  /** Body areas of those exercises, most worked first. */
  areas: { area: string; count: number }[];
  /** Records inside the window. */
  records: number;
}

export interface StatsOptions {
  /** Wall-clock ms (from the injected clock). */
  now: number;
  /** Length of the window in local days, ending today. */
  days: number;
  /** IANA zone; defaults to the runtime's. */
  timeZone?: string;
  dailyGoal?: number;
  /** Body areas of an exercise id; defaults to the catalog's. Unknown ids give none. */
  areasOf?: (id: string) => readonly string[] | undefined;
  /** How many favourites to list. */
  top?: number;
}

const SLOT_MS = 15 * 60 * 1000;

/**
 * Maps instants to local dates. Every zone offset in use is a multiple of 15 minutes and changes on such a boundary,
 * so a 15-minute slot always falls within one local date: Intl runs once per slot.
 */
export function localDateKeyer(timeZone: string): (ms: number) => string {
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const cache = new Map<number, string>();
  return (ms) => {
    const slot = Math.floor(ms / SLOT_MS);
    let key = cache.get(slot);
    if (key === undefined) {
      let y = '';
      let m = '';
      let d = '';
      for (const p of fmt.formatToParts(ms)) {
        if (p.type === 'year') y = p.value;
        else if (p.type === 'month') m = p.value;
        else if (p.type === 'day') d = p.value;
      }
      key = `${y.padStart(4, '0')}-${m}-${d}`;
      cache.set(slot, key);
    }
    return key;
  };
}

// Calendar arithmetic on date keys through UTC, so DST never shifts a day.
function keyToUtc(key: string): number {
  return Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, Number(key.slice(8, 10)));
}
function utcToKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
export function addDays(key: string, n: number): string {
  return utcToKey(keyToUtc(key) + n * 86_400_000);
}
/** The Monday on or before this date. */
export function weekStartOf(key: string): string {
  const dow = new Date(keyToUtc(key)).getUTCDay();
  return addDays(key, -((dow + 6) % 7));
}

function emptyPeriod(): PeriodStats {
  return { completed: 0, partial: 0, skipped: 0, natural: 0, missed: 0, due: 0, taken: 0, takenShare: null, secondsMoved: 0, minutesMoved: 0, held: 0, heldSeconds: 0, heldLongestSeconds: 0 };
}

function addRecord(p: PeriodStats, { outcome, seconds, heldSeconds }: HistoryRecord): void {
  p[outcome]++;
  if (heldSeconds !== undefined) {
    p.held++;
    p.heldSeconds += heldSeconds;
    p.heldLongestSeconds = Math.max(p.heldLongestSeconds, heldSeconds);
  }
  p.due++;
  if (outcome === 'completed' || outcome === 'partial' || outcome === 'natural') p.taken++;
  if (outcome === 'completed' || outcome === 'partial') p.secondsMoved += seconds;
}

function finish<T extends PeriodStats>(p: T): T {
  p.takenShare = p.due === 0 ? null : p.taken / p.due;
  p.minutesMoved = Math.round(p.secondsMoved / 60);
  return p;
}

function mergeInto(into: PeriodStats, from: PeriodStats): void {
  into.completed += from.completed;
  into.partial += from.partial;
  into.skipped += from.skipped;
  into.natural += from.natural;
  into.missed += from.missed;
  into.due += from.due;
  into.taken += from.taken;
  into.secondsMoved += from.secondsMoved;
  into.held += from.held;
  into.heldSeconds += from.heldSeconds;
  into.heldLongestSeconds = Math.max(into.heldLongestSeconds, from.heldLongestSeconds);
}

/** The middle value (the mean of the two middle ones for an even count), in whole seconds; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

function ranked(counts: Map<string, number>, limit: number): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, limit);
}

/** One pass over `records`, which may be a lazy sequence: a long history need not be held in memory. */
export function computeStats(records: Iterable<HistoryRecord>, opts: StatsOptions): Stats {
  const timeZone = opts.timeZone ?? new Intl.DateTimeFormat().resolvedOptions().timeZone;
  const dailyGoal = Math.max(1, Math.floor(opts.dailyGoal ?? DEFAULT_DAILY_GOAL));
  const windowDays = Math.max(1, Math.floor(opts.days));
  const dateOf = localDateKeyer(timeZone);
  const to = dateOf(opts.now);
  const from = addDays(to, -(windowDays - 1));

  const perDay = new Map<string, PeriodStats>();
  const exerciseCounts = new Map<string, number>();
  const holds: number[] = [];
  let inWindow = 0;
  for (const r of records) {
    const ms = Date.parse(r.at);
    if (Number.isNaN(ms)) continue;
    const date = dateOf(ms);
    // Records dated after today (a clock that ran ahead) count nowhere.
    if (date > to) continue;
    let day = perDay.get(date);
    if (!day) perDay.set(date, (day = emptyPeriod()));
    addRecord(day, r);
    if (date >= from) {
      inWindow++;
      if (r.heldSeconds !== undefined) holds.push(r.heldSeconds);
      if (r.outcome === 'completed') for (const id of r.exercises) exerciseCounts.set(id, (exerciseCounts.get(id) ?? 0) + 1);
    }
  }

  const days: DayStats[] = [];
  const weeks: WeekStats[] = [];
  const total = { ...emptyPeriod(), activeDays: 0, goalDays: 0, heldMedianSeconds: median(holds) };
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const p = perDay.get(date) ?? emptyPeriod();
    const day = finish({ ...p, date, goalMet: p.completed >= dailyGoal });
    days.push(day);
    mergeInto(total, day);
    if (day.due > 0) total.activeDays++;
    if (day.goalMet) total.goalDays++;
    const weekStart = weekStartOf(date);
    let week = weeks[weeks.length - 1];
    if (!week || week.weekStart !== weekStart) weeks.push((week = { ...emptyPeriod(), weekStart, goalDays: 0 }));
    mergeInto(week, day);
    if (day.goalMet) week.goalDays++;
  }
  weeks.forEach(finish);
  finish(total);

  const areasOf = opts.areasOf ?? ((id: string) => getExercise(id)?.areas);
  const areaCounts = new Map<string, number>();
  for (const [id, n] of exerciseCounts) for (const area of areasOf(id) ?? []) areaCounts.set(area, (areaCounts.get(area) ?? 0) + n);
  const top = opts.top ?? 10;

  return {
    timeZone,
    from,
    to,
    dailyGoal,
    today: days[days.length - 1]!,
    days,
    weeks,
    total,
    streak: streaks(perDay, to, dailyGoal),
    // An id no longer in the catalog (renamed or removed) still counts, under its id.
    topExercises: ranked(exerciseCounts, top).map(([id, count]) => ({ id, name: getExercise(id)?.name ?? id, count })),
    areas: ranked(areaCounts, Number.POSITIVE_INFINITY).map(([area, count]) => ({ area, count })),
    records: inWindow,
  };
}

function streaks(perDay: ReadonlyMap<string, PeriodStats>, today: string, goal: number): { current: number; best: number } {
  const dates = [...perDay.keys()].sort();
  let run = 0;
  let best = 0;
  for (const date of dates) {
    const met = perDay.get(date)!.completed >= goal;
    if (met) best = Math.max(best, ++run);
    // Today is still under way: not meeting the goal yet does not end the streak.
    else if (date !== today) run = 0;
  }
  return { current: run, best };
}
