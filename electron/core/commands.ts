// Every user action by one name. The tray menu, the command line, IPC requests, notification buttons and the
// shortcut all name a Command; LimberApp carries each out through one dispatcher (electron/app/commands.ts).
import { tEnglish, type PlainMessageKey } from './i18n/locales.ts';
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
 * Each action's label key, by command id; an id not listed (`pause:45`) takes its family's (`pause`). The keys are
 * the string catalog's, so a translated label is one `t(labelKey(c))` away.
 */
export const LABEL_KEYS = {
  break: 'tray.menu.startMicro',
  'break:micro': 'tray.menu.startMicro',
  'break:long': 'tray.menu.startLong',
  snooze: 'tray.menu.snooze',
  skip: 'tray.menu.skip',
  pause: 'tray.menu.pause',
  'pause:30': 'tray.menu.pause30',
  'pause:60': 'tray.menu.pause60',
  'pause:120': 'tray.menu.pause120',
  'pause:tomorrow': 'tray.menu.pauseTomorrow',
  'pause:forever': 'tray.menu.pauseIndefinitely',
  resume: 'tray.menu.resume',
  status: 'command.status',
  settings: 'tray.menu.settings',
  stats: 'tray.menu.stats',
  'data-folder': 'settings.footer.openFolder',
  about: 'tray.menu.about',
  quit: 'tray.menu.quit',
  'test-notification': 'welcome.tryNotification',
} as const satisfies Record<CommandName, PlainMessageKey> & Record<string, PlainMessageKey>;

export type LabelKey = (typeof LABEL_KEYS)[keyof typeof LABEL_KEYS];

export function labelKey(c: Command): LabelKey {
  const id = commandId(c);
  return Object.hasOwn(LABEL_KEYS, id) ? LABEL_KEYS[id as keyof typeof LABEL_KEYS] : LABEL_KEYS[c.name];
}

/** A label's words, by the catalog's `t` (English by default). */
export function label(key: LabelKey, t: (key: LabelKey) => string = tEnglish): string {
  return t(key);
}

export function commandLabel(c: Command, t?: (key: LabelKey) => string): string {
  return label(labelKey(c), t);
}
