// Every user-facing string of the break window, in one place so it can be translated.
// The player machine speaks in cue codes and numbers; this module turns them into words.
import type { BodyArea, Direction, Side } from '../../../electron/core/catalog.ts';
import type { Cue, PlayerSummary } from '../../../electron/core/player.ts';
import type { BreakKind } from '../../../electron/core/scheduler.ts';
import type { Position } from '../../../electron/core/settings.ts';

export const SAFETY_LINE = 'These moves should never hurt — stop if one does.';

export const buttons = {
  start: 'Start',
  pause: 'Pause',
  resume: 'Resume',
  next: 'Next exercise',
  previous: 'Previous exercise',
  finish: 'Finish',
  snooze: 'Snooze',
  skip: 'Skip',
  skipConfirm: 'Skip this break',
  skipCancel: 'Keep going',
  close: 'Close',
} as const;

export const labels = {
  getReady: 'Get ready',
  upNext: 'Up next',
  upFirst: 'Up first',
  lastOne: 'Last one',
  paused: 'Paused',
  finished: 'Well done',
  skipQuestion: 'Skip this break?',
  countdown: 'Time left',
  steps: 'How to do it',
  cautions: 'Take care',
  controls: 'Break controls',
  keyboardHelp: 'Space: pause or resume · ← →: previous or next · Esc: skip',
  noMoves: 'No exercise fits your allowed positions. Check the settings.',
  idle: 'No break right now. Limber will let you know when it is time to move.',
} as const;

const SIDES: Record<Side, string> = { left: 'Left', right: 'Right' };
const DIRECTIONS: Record<Direction, string> = {
  forward: 'Forwards',
  backward: 'Backwards',
  clockwise: 'Clockwise',
  anticlockwise: 'Anticlockwise',
};

export const sideName = (side: Side): string => SIDES[side];
export const directionName = (direction: Direction): string => DIRECTIONS[direction];

export const counterText = (n: number, of: number): string => `${n} of ${of}`;

/** The words for a cue, e.g. "Now backwards", "Other side", "Hold… 3 of 10", "…and release", "8 of 10". */
export function cueText(cue: Cue): string {
  const counter = cue.of > 1 ? ` ${counterText(cue.n, cue.of)}` : '';
  switch (cue.code) {
    case 'get-ready':
      return labels.getReady;
    case 'begin':
      if (cue.direction) return directionName(cue.direction);
      if (cue.side) return `${sideName(cue.side)} side first`;
      return 'Begin';
    case 'switch-direction':
      return cue.direction ? `Now ${directionName(cue.direction).toLowerCase()}` : 'Switch direction';
    case 'other-side':
      return 'Other side';
    case 'rep':
      return counterText(cue.n, cue.of);
    case 'hold':
      return `${cue.side ? `${sideName(cue.side)} side — hold…` : 'Hold…'}${counter}`;
    case 'release':
      return '…and release';
    case 'lean-back':
      return 'Lean back and stretch';
    case 'breathe':
      return 'Slow, deep breaths';
  }
}

/** "45 s", "1 min", "2 min 30 s". */
export function durationText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  const rest = s % 60;
  if (m === 0) return `${rest} s`;
  return rest === 0 ? `${m} min` : `${m} min ${rest} s`;
}

export const upNextText = (name: string): string => `${labels.upNext}: ${name}`;

export const breakTitle = (kind: BreakKind): string => (kind === 'long' ? 'Time for a stretch session' : 'Time to move');

export const breakLead = (kind: BreakKind, seconds: number): string =>
  `${kind === 'long' ? 'A stretch session' : 'A movement break'} of ${durationText(seconds)}`;

export const exerciseOfText = (index: number, count: number): string => `Exercise ${counterText(index + 1, count)}`;

export function summaryText(summary: PlayerSummary): string {
  const n = summary.exercises.length;
  const moves = n === 1 ? '1 exercise' : `${n} exercises`;
  return `You moved for ${durationText(summary.secondsMoved)} and did ${moves}.`;
}

export const ariaCountdown = (secondsLeft: number): string => `${secondsLeft} seconds left`;

const POSITIONS: Record<Position, string> = { seated: 'Seated', standing: 'Standing', wall: 'At a wall', floor: 'On the floor' };
export const positionName = (p: Position): string => POSITIONS[p];

const AREAS: Record<BodyArea, string> = {
  neck: 'Neck',
  shoulders: 'Shoulders',
  'upper-back': 'Upper back',
  'mid-back': 'Mid back',
  'lower-back': 'Lower back',
  core: 'Core',
  hips: 'Hips',
  legs: 'Legs',
};
export const areaName = (a: BodyArea): string => AREAS[a];
