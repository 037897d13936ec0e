// Every user action by one name. The tray menu, the command line, IPC requests, notification buttons and the
// shortcut all name a Command; LimberApp carries each out through one dispatcher (electron/app/commands.ts).
import { messages, type MessageKey } from './i18n/en.ts';
import { tEnglish, type T } from './i18n/locales.ts';
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

/** A command's label key in the string catalog (core/i18n/en.ts): `command.` and its id, or its family's name. */
export type LabelKey = Extract<MessageKey, `command.${string}`>;

// Every command has a label of its own name at least: a command added without one is a type error here.
const everyCommandHasALabel: readonly LabelKey[] = [] as `command.${CommandName}`[];
void everyCommandHasALabel;

const isLabelKey = (key: string): key is LabelKey => Object.hasOwn(messages, key);

export function labelKey(c: Command): LabelKey {
  const byId = `command.${commandId(c)}`;
  return isLabelKey(byId) ? byId : `command.${c.name}`;
}

/** The command's label in the words of `t` (English by default). */
export function commandLabel(c: Command, t: T = tEnglish): string {
  return t(labelKey(c));
}
