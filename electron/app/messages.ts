// Every user-facing string of the main process, in one place so it can be translated.

/** The title of every desktop notification. */
export const NOTIFICATION_TITLE = 'Limber';

// The heads-up and test notifications speak the user's language: their words are in the string catalog
// (notify.*), chosen by app.ts with the language in force.

/** Once-only notices: the tray's first notification and the settings window show them. */
export const noticeText = {
  settingsMovedAside: (path: string) => `Your settings file could not be read; it was kept as ${path} and defaults are in use.`,
  settingsNotSaved: (reason: string) => `Settings are in use but could not be saved: ${reason}`,
  editNotApplied: (problem: string) => `${problem} — the edit was not applied`,
  shortcutHeld: (accelerator: string) => `The shortcut ${accelerator} is held by another application.`,
  notificationsUnavailable: (reason: string) => `Desktop notifications are not available (${reason}); the tray shows when a break is due.`,
  historyNotWritten: (reason: string) => `A break could not be written to the history: ${reason}`,
} as const;

/** Refusals the settings window shows in its own words. */
export const shortcutErrors = {
  inUse: (accelerator: string, previous: string) => `${accelerator} is in use by another application; ${previous} stays active`,
  taken: (accelerator: string, previous: string) => `shortcut ${accelerator} is taken by another application; ${previous} stays active`,
} as const;

/** What a second launch prints for a command that works on the data folder rather than the running app. */
export const notAnInstanceCommand = (name: string) => `${name} works on the data folder: run it without the app`;
