// The main process's words, from the one string catalog (core/i18n), in the language in force (LimberApp calls
// `speak` when the `language` setting or the OS's choice changes); the command line's own output stays English
// and lives with the CLI.
import { tEnglish, type T } from '../core/i18n/locales.ts';
import type { HoldReason } from '../core/holds.ts';
import type { BreakKind } from '../core/scheduler.ts';
import { holdReasonText } from '../core/tray-model.ts';

let t: T = tEnglish;

/** From now on, notices and notifications use these words. */
export function speak(words: T): void {
  t = words;
}

/** The title of every desktop notification. */
export const NOTIFICATION_TITLE = tEnglish('app.name');

/** The heads-up notification's buttons; the notifier answers with the index, so the order matters. */
export const headsUpActions = () => ({ start: t('notify.action.start'), snooze: t('notify.action.snooze'), skip: t('notify.action.skip') }) as const;

export function headsUpBody(kind: BreakKind, seconds: number): string {
  return seconds < 90 ? t(`notify.headsUp.${kind}.seconds`, { count: seconds }) : t(`notify.headsUp.${kind}.minutes`, { count: Math.round(seconds / 60) });
}

/** The one quiet word after a long hold: no buttons, no window. */
export function holdNoticeBody(kind: BreakKind, reason: HoldReason | null): string {
  return reason ? t(`notify.holdNotice.${kind}.reason`, { reason: holdReasonText(reason, t) }) : t(`notify.holdNotice.${kind}`);
}

export const testNotificationBody = () => t('notify.test');

/** Once-only notices: the tray's first notification and the settings window show them. */
export const noticeText = {
  settingsMovedAside: (path: string) => t('notice.settingsMovedAside', { path }),
  settingsNotSaved: (reason: string) => t('notice.settingsNotSaved', { reason }),
  editNotApplied: (problem: string) => t('notice.editNotApplied', { problem }),
  shortcutHeld: (accelerator: string) => t('notice.shortcutHeld', { keys: accelerator }),
  notificationsUnavailable: (reason: string) => t('notice.notificationsUnavailable', { reason }),
  historyNotWritten: (reason: string) => t('notice.historyNotWritten', { reason }),
} as const;

/** Refusals the settings window shows in its own words. */
export const shortcutErrors = {
  inUse: (accelerator: string, previous: string) => t('notice.shortcutInUse', { keys: accelerator, previous }),
  taken: (accelerator: string, previous: string) => t('notice.shortcutTaken', { keys: accelerator, previous }),
} as const;

/** What a second launch prints for a command that works on the data folder rather than the running app (CLI output: English). */
export const notAnInstanceCommand = (name: string) => `${name} works on the data folder: run it without the app`;
