// Every user-facing string of the settings window, in one place so it can be translated.
// Numbers (ranges, defaults) are never written here: they come from the settings schema's RANGES.
import type { Position } from '../../../electron/core/settings.ts';
import type { RangeKey } from './form.ts';

export const title = 'Settings';
export const loading = 'Loading settings…';

export const sections = {
  breaks: 'Breaks',
  reminders: 'Reminders',
  workHours: 'Work hours',
  exercises: 'Exercises',
  general: 'Sound, shortcut and startup',
} as const;

export const toggles = {
  microEnabled: 'Movement breaks',
  microHint: 'A minute or so of desk exercises between stretches of work.',
  longEnabled: 'Stretch sessions',
  longHint: 'A longer routine that takes the place of every few movement breaks.',
  workHoursEnabled: 'Only remind me during work hours',
  workHoursHint: 'Outside these hours and days, Limber stays quiet.',
  sound: 'Sound cues',
  soundHint: 'Soft tones when a break starts and an exercise changes.',
  startAtLogin: 'Start Limber when I log in',
} as const;

/** Label before the input and the unit after it: "Movement break every [30] minutes". */
export const numberFields: Record<RangeKey, { label: string; unit: string; hint?: string }> = {
  'microBreak.everyMinutes': { label: 'Every', unit: 'minutes of work' },
  'microBreak.durationSeconds': { label: 'Lasting', unit: 'seconds' },
  'longBreak.everyNth': { label: 'One in every', unit: 'breaks', hint: 'For example 4: every fourth break is a stretch session.' },
  'longBreak.durationMinutes': { label: 'Lasting', unit: 'minutes' },
  headsUpSeconds: { label: 'Heads-up before a break', unit: 'seconds', hint: '0 turns the heads-up notification off.' },
  snoozeMinutes: { label: 'Snooze for', unit: 'minutes' },
  awayAfterMinutes: { label: 'Away after no input for', unit: 'minutes', hint: 'Time away from the desk counts as a break.' },
};

const UNIT_WORDS: Record<string, string> = { minutes: 'minutes', seconds: 'seconds', '': '' };

export const rangeMessage = (min: number, max: number, unit: string): string =>
  `Enter a whole number from ${min} to ${max}${UNIT_WORDS[unit] ? ` ${UNIT_WORDS[unit]}` : ''}.`;
export const notANumber = (min: number, max: number, unit: string): string => `That is not a number. ${rangeMessage(min, max, unit)}`;

export const workHours = {
  start: 'From',
  end: 'Until',
  days: 'Work days',
  badTime: 'Enter a time, for example 09:00.',
  endBeforeStart: 'The end must be later than the start.',
  noDays: 'No day is selected: there will be no reminders at all.',
} as const;

/** Monday first; the index is the schema's weekday number (0 = Sunday). */
export const DAY_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;
const DAYS_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const DAYS_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export const dayShort = (d: number): string => DAYS_SHORT[d] ?? String(d);
export const dayLong = (d: number): string => DAYS_LONG[d] ?? String(d);

export const exercises = {
  positions: 'Positions I can do them in',
  positionsHint: 'Routines only use exercises that fit.',
  atLeastOnePosition: 'Allow at least one position.',
  list: 'Exercises in my breaks',
  listHint: 'Untick a move to leave it out.',
  notAllowed: (positions: string) => `Needs: ${positions}`,
  noneLeft: 'Every exercise is left out: breaks will have nothing to coach.',
  includeAll: 'Include all',
} as const;

const POSITIONS: Record<Position, string> = { seated: 'Seated', standing: 'Standing', wall: 'At a wall', floor: 'On the floor' };
export const positionName = (p: Position): string => POSITIONS[p];
export const positionsText = (ps: readonly Position[]): string => ps.map((p) => positionName(p).toLowerCase()).join(' or ');

export const sound = {
  test: 'Play test sound',
  unavailable: 'Sound cannot be played here.',
} as const;

export const shortcut = {
  label: 'Quick-start shortcut',
  hint: 'Starts a break from anywhere.',
  change: 'Change…',
  recording: 'Press the new keys…',
  recordingHint: 'Hold Ctrl, Alt or another modifier and press a key. Esc cancels.',
  cancelled: 'Shortcut unchanged.',
  needsModifier: 'Use at least one of Ctrl, Alt or Super with the key (F-keys work alone).',
  checking: (keys: string) => `Trying ${keys}…`,
  set: (keys: string) => `Shortcut set to ${keys}.`,
  taken: (keys: string, previous: string) => `${keys} is already used by another application. ${previous} stays active.`,
  invalid: (keys: string) => `${keys} cannot be used as a shortcut.`,
} as const;

export const status = {
  saving: 'Saving…',
  saved: 'Saved',
  notSaved: 'Not saved: fix the highlighted entry.',
  failed: (why: string) => `Could not save: ${why}`,
} as const;

export const footer = {
  reset: 'Reset to defaults…',
  openFolder: 'Open data folder',
  openFolderHint: 'Where settings.json and your break history are kept.',
} as const;

export const resetDialog = {
  title: 'Reset all settings?',
  body: 'Every setting goes back to its default. Your break history is kept.',
  confirm: 'Reset settings',
  cancel: 'Cancel',
  done: 'Settings were reset to their defaults.',
} as const;

export const notice = {
  title: 'Please note',
  dismiss: 'Dismiss',
} as const;

/** Key names for showing an Electron accelerator to the user. */
export function keyName(part: string, mac: boolean): string {
  switch (part) {
    case 'CommandOrControl':
    case 'CmdOrCtrl':
      return mac ? '⌘' : 'Ctrl';
    case 'Command':
    case 'Cmd':
      return '⌘';
    case 'Control':
    case 'Ctrl':
      return mac ? '⌃' : 'Ctrl';
    case 'Alt':
    case 'Option':
      return mac ? '⌥' : 'Alt';
    case 'Shift':
      return mac ? '⇧' : 'Shift';
    case 'Super':
    case 'Meta':
      return 'Super';
    case 'Plus':
      return '+';
    case 'Space':
      return 'Space';
    default:
      return part;
  }
}
