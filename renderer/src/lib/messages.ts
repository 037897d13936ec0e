// Words the windows compose from the string catalog (electron/core/i18n): cues, durations, counters, names of
// positions and areas, keys and dates. The catalog holds every word; this module only chooses and combines keys.
import type { BodyArea, Direction } from '../../../electron/core/catalog.ts';
import type { Cue, PlayerSummary } from '../../../electron/core/player.ts';
import type { BreakKind } from '../../../electron/core/scheduler.ts';
import type { Position } from '../../../electron/core/settings.ts';
import { locale, t } from './i18n.svelte.ts';

export const counterText = (n: number, of: number): string => t('counter', { n, of });

const directionName = (d: Direction): string => t(`direction.${d}`);

/** The words for a cue, e.g. "Now backwards", "Other side", "Hold… 3 of 10", "…and release", "8 of 10". */
export function cueText(cue: Cue): string {
  const counted = cue.of > 1;
  switch (cue.code) {
    case 'get-ready':
      return t('break.getReady');
    case 'begin':
      if (cue.direction) return directionName(cue.direction);
      if (cue.side) return t(`cue.sideFirst.${cue.side}`);
      return t('cue.begin');
    case 'switch-direction':
      return cue.direction ? t(`cue.now.${cue.direction}`) : t('cue.switchDirection');
    case 'other-side':
      return t('cue.otherSide');
    case 'rep':
      return counterText(cue.n, cue.of);
    case 'hold':
      if (cue.side) return counted ? t(`cue.holdSideCounted.${cue.side}`, { n: cue.n, of: cue.of }) : t(`cue.holdSide.${cue.side}`);
      return counted ? t('cue.holdCounted', { n: cue.n, of: cue.of }) : t('cue.hold');
    case 'release':
      return t('cue.release');
    case 'lean-back':
    case 'breathe':
      return t(`cue.${cue.code}`);
  }
}

/** "45 s", "1 min", "2 min 30 s". */
export function durationText(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const m = Math.floor(total / 60);
  const s = total % 60;
  if (m === 0) return t('duration.seconds', { s });
  return s === 0 ? t('duration.minutes', { m }) : t('duration.minutesSeconds', { m, s });
}

/** How long a break waited, to the minute: "40 s", "25 min", "1 h", "2 h 5 min". */
export function waitText(seconds: number): string {
  if (seconds < 60) return durationText(seconds);
  const minutes = Math.round(seconds / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t('duration.minutes', { m });
  return m === 0 ? t('duration.hours', { h }) : t('duration.hoursMinutes', { h, m });
}

export const breakTitle = (kind: BreakKind): string => t(`break.title.${kind}`);

export const breakLead = (kind: BreakKind, seconds: number): string => t(`break.lead.${kind}`, { duration: durationText(seconds) });

export const exerciseOfText = (index: number, count: number): string => t('break.exerciseOf', { n: index + 1, of: count });

export const summaryText = (summary: PlayerSummary): string =>
  t('break.summary', { duration: durationText(summary.secondsMoved), moves: t('break.summaryMoves', { count: summary.exercises.length }) });

export const positionName = (p: Position): string => t(`position.${p}`);

/** "seated or standing": the positions a move needs, in a sentence. */
export function positionsText(ps: readonly Position[]): string {
  const names = ps.map((p) => positionName(p).toLowerCase());
  return names.reduce((first, second) => t('positions.either', { first, second }));
}

export const areaName = (a: BodyArea): string => t(`area.${a}`);

/** "Nov 2" for a YYYY-MM-DD key, in the user's language. */
export function shortDate(key: string): string {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(y!, m! - 1, d!).toLocaleDateString(locale().code, { month: 'short', day: 'numeric' });
}

/** Weekday names from Intl, in the user's language: 0 = Sunday, as the settings schema counts. */
export function dayName(day: number, width: 'short' | 'long'): string {
  // 2026-11-01 is a Sunday.
  return new Date(2026, 10, 1 + day).toLocaleDateString(locale().code, { weekday: width });
}
