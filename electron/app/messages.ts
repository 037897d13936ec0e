// Every user-facing string of the main process, in one place so it can be translated.
import type { HoldReason } from '../core/holds.ts';
import type { BreakKind } from '../core/scheduler.ts';
import { holdReasonText } from '../core/tray-model.ts';

/** The title of every desktop notification. */
export const NOTIFICATION_TITLE = 'Limber';

/** The heads-up notification's buttons; the notifier answers with the index, so the order matters. */
export const headsUpActions = { start: 'Start now', snooze: 'Snooze', skip: 'Skip' } as const;

export function headsUpBody(kind: BreakKind, seconds: number): string {
  const what = kind === 'long' ? 'A stretch session' : 'A movement break';
  return `${what} starts in ${seconds < 90 ? `${seconds} seconds` : `${Math.round(seconds / 60)} minutes`}.`;
}

/** The one quiet word after a long hold: no buttons, no window. */
export function holdNoticeBody(kind: BreakKind, reason: HoldReason | null): string {
  const what = kind === 'long' ? 'A stretch session' : 'A movement break';
  return `${what} is waiting${reason ? ` (${holdReasonText[reason]})` : ''}; it comes 2 minutes after you are done.`;
}

export const TEST_NOTIFICATION_BODY = 'This is how Limber tells you a break is coming.';

/** Once-only notices: the tray's first notification and the settings window show them. */
export const noticeText = {
  settingsMovedAside: (path: string) => `Your settings file could not be read; it was kept as ${path} and defaults are in use.`,
  settingsNotSaved: (reason: string) => `Settings are in use but could not be saved: ${reason}`,
  editNotApplied: (problem: string) => `${problem} — the edit was not applied`,
  shortcutHeld: (accelerator: string) => `The shortcut ${accelerator} is held by another application.`,
  notificationsUnavailable: (reason: string) => `Desktop notifications are not available (${reason}); the tray shows when a break is due.`,
  historyNotWritten: (reason: string) => `A break could not be written to the history (${reason}); Limber keeps it and writes it as soon as it can.`,
} as const;

/** Refusals the settings window shows in its own words. */
export const shortcutErrors = {
  inUse: (accelerator: string, previous: string) => `${accelerator} is in use by another application; ${previous} stays active`,
  taken: (accelerator: string, previous: string) => `shortcut ${accelerator} is taken by another application; ${previous} stays active`,
} as const;

/** What a second launch prints for a command that works on the data folder rather than the running app. */
export const notAnInstanceCommand = (name: string) => `${name} works on the data folder: run it without the app`;
