// Every user action by one name. The tray menu, the command line, IPC requests, notification buttons and the
// shortcut all name a Command; LimberApp carries each out through one dispatcher (electron/app/commands.ts).
import type { BreakKind } from './scheduler.ts';

export type Command =
  /** Start a break now: the kind named, or the one that is due. */
  | { name: 'break'; kind: BreakKind | null }
  | { name: 'snooze' }
  | { name: 'skip' }
  /** `minutes` and `until` both null: paused until resumed. */
  | { name: 'pause'; minutes: number | null; until: 'tomorrow' | null }
  | { name: 'resume' }
  /** What Limber is doing; the only command that only reads. */
  | { name: 'status'; json: boolean }
  | { name: 'settings' }
  | { name: 'stats' }
  | { name: 'data-folder' }
  | { name: 'about' }
  | { name: 'quit' }
  | { name: 'test-notification' };

export type CommandName = Command['name'];

/** The commands the command line sends to the running app (`limber pause 30`, a second launch). */
export const INSTANCE_COMMANDS = ['break', 'snooze', 'skip', 'pause', 'resume', 'status'] as const satisfies readonly CommandName[];
export type InstanceCommand = Extract<Command, { name: (typeof INSTANCE_COMMANDS)[number] }>;

export function isInstanceCommand<C extends { name: string }>(c: C): c is C & InstanceCommand {
  return (INSTANCE_COMMANDS as readonly string[]).includes(c.name);
}

/** One id per action, parameters included (`break:micro`, `pause:30`): tray items are reported and labelled by it. */
export function commandId(c: Command): string {
  switch (c.name) {
    case 'break':
      return c.kind ? `break:${c.kind}` : 'break';
    case 'pause':
      return c.until ? `pause:${c.until}` : c.minutes !== null ? `pause:${c.minutes}` : 'pause:forever';
    default:
      return c.name;
  }
}

/**
 * The label of each action, by label key (its id, or its name for a family such as `pause`). English here until
 * the string catalog takes these keys over; nothing else spells a command's label.
 */
export const COMMAND_LABELS = {
  break: 'Start break now',
  'break:micro': 'Start break now',
  'break:long': 'Start stretch session',
  snooze: 'Snooze',
  skip: 'Skip this break',
  pause: 'Pause',
  'pause:30': 'For 30 minutes',
  'pause:60': 'For 1 hour',
  'pause:120': 'For 2 hours',
  'pause:tomorrow': 'Until tomorrow',
  'pause:forever': 'Until I resume',
  resume: 'Resume',
  status: 'Status',
  settings: 'Settings…',
  stats: 'Statistics…',
  'data-folder': 'Open data folder',
  about: 'About Limber',
  quit: 'Quit Limber',
  'test-notification': 'Send a test notification',
} as const satisfies Record<CommandName, string> & Record<string, string>;

export type LabelKey = keyof typeof COMMAND_LABELS;

export function labelKey(c: Command): LabelKey {
  const id = commandId(c);
  return Object.hasOwn(COMMAND_LABELS, id) ? (id as LabelKey) : c.name;
}

export function commandLabel(c: Command): string {
  return COMMAND_LABELS[labelKey(c)];
}
