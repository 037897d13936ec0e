// Every user-facing string of the statistics window, in one place so it can be translated.
import type { BreakOutcome } from '../../../electron/core/scheduler.ts';

export const title = 'Statistics';
export const loading = 'Loading statistics…';
export const rangeText = (weeks: number) => `Last ${weeks} weeks`;
export const empty = 'No breaks recorded yet. Your first break will show up here.';

export const today = {
  heading: 'Today',
  completed: 'Breaks today',
  ofGoal: (goal: number) => `of ${goal} (daily goal)`,
  goalMet: 'Daily goal reached',
  minutes: 'Minutes moved',
  minutesHint: 'today',
  taken: 'Taken today',
  takenHint: 'Done or away from the desk, of those due',
  none: '—',
  streak: 'Streak',
  streakDays: (n: number) => (n === 1 ? '1 day' : `${n} days`),
  best: (n: number) => `Best: ${n === 1 ? '1 day' : `${n} days`}`,
} as const;

export const chart = {
  heading: 'Breaks per week',
  tableCaption: 'Breaks per week, by outcome',
  week: 'Week of',
  hover: (week: string, parts: string) => `Week of ${week}: ${parts}`,
  hint: 'Point at a week for its numbers.',
} as const;

export const OUTCOME_NAMES: Record<BreakOutcome, string> = {
  completed: 'Done',
  partial: 'Ended early',
  natural: 'Away (natural)',
  skipped: 'Skipped',
  missed: 'Missed',
};

export const outcomes = {
  heading: 'Breaks by outcome',
  total: (n: number) => `${n.toLocaleString()} breaks due`,
} as const;

export const favourites = {
  heading: 'Favourite exercises',
  none: 'No exercises done in these weeks.',
  times: (n: number) => (n === 1 ? '1 time' : `${n.toLocaleString()} times`),
} as const;

export const areas = {
  heading: 'Areas worked',
  none: 'Nothing yet.',
} as const;

export const exporting = {
  heading: 'Export',
  csv: 'Export CSV',
  json: 'Export JSON',
  hint: 'Your whole break history, for a spreadsheet or another app.',
  done: (n: number, format: string) => `Exported ${n.toLocaleString()} ${n === 1 ? 'break' : 'breaks'} as ${format.toUpperCase()}.`,
  failed: (why: string) => `Export failed: ${why}`,
} as const;

export const percent = (share: number | null): string => (share === null ? today.none : `${Math.round(share * 100)}%`);

/** "Nov 2" for a YYYY-MM-DD key, in the user's language. */
export function shortDate(key: string): string {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(y!, m! - 1, d!).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}
