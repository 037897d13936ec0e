// What each command does, in one place. The tray menu, the command line, IPC requests, notification buttons and the
// shortcut all hand LimberApp a Command (electron/core/commands.ts); `dispatch` carries it out here.
import type { Command, CommandName } from '../core/commands.ts';
import type { BreakKind, SchedulerAction } from '../core/scheduler.ts';

/** What commands act on; LimberApp provides it. */
export interface CommandTarget {
  /** Start a break now, or bring the running one's window forward. */
  startBreak(kind: BreakKind | null): void;
  act(action: SchedulerAction): void;
  /** Closed by us, so the window's closing is not taken for a decision of the user's. */
  closeBreakWindow(): void;
  openWindow(kind: 'settings' | 'stats'): void;
  openDataFolder(): void;
  about(): void;
  quit(): void;
  /** Sends a test notification; the reason when it failed at once, else null. */
  testNotification(): string | null;
  statusText(json: boolean): string;
  /** Why the organisation's policy refuses this command, or null (electron/core/policy.ts decides). */
  refusal?(command: Command): string | null;
}

export type CommandResult = { ok: true; output?: string } | { ok: false; error: string };

interface Handler<C extends Command> {
  /** The break window goes first, so the action lands on a scheduler the window no longer answers for. */
  closesBreakWindow?: true;
  run(command: C, target: CommandTarget): CommandResult | void;
}

/** One handler per command name: a command without one is a type error. */
export const COMMAND_HANDLERS: { [N in CommandName]: Handler<Extract<Command, { name: N }>> } = {
  break: { run: (c, t) => t.startBreak(c.kind) },
  snooze: { closesBreakWindow: true, run: (_c, t) => t.act({ do: 'snooze' }) },
  skip: { closesBreakWindow: true, run: (_c, t) => t.act({ do: 'skip' }) },
  pause: { run: (c, t) => t.act(pauseAction(c)) },
  resume: { run: (_c, t) => t.act({ do: 'resume' }) },
  status: { run: (c, t) => ({ ok: true, output: t.statusText(c.json) }) },
  settings: { run: (_c, t) => t.openWindow('settings') },
  stats: { run: (_c, t) => t.openWindow('stats') },
  'data-folder': { run: (_c, t) => t.openDataFolder() },
  about: { run: (_c, t) => t.about() },
  quit: { run: (_c, t) => t.quit() },
  'test-notification': {
    run: (_c, t) => {
      const failed = t.testNotification();
      return failed ? { ok: false, error: failed } : { ok: true };
    },
  },
};

export function pauseAction(c: Extract<Command, { name: 'pause' }>): SchedulerAction {
  return c.until ? { do: 'pause', until: c.until } : c.minutes !== null ? { do: 'pause', minutes: c.minutes } : { do: 'pause' };
}

/** The scheduler action a command asks for, where one does: what a policy may refuse. */
export function commandAction(c: Command): SchedulerAction | null {
  if (c.name === 'skip') return { do: 'skip' };
  if (c.name === 'pause') return pauseAction(c);
  return null;
}

/** The one order for every command: refuse what the policy forbids, close the break window if the command says so, then act. */
export function dispatch(command: Command, target: CommandTarget): CommandResult {
  const refused = target.refusal?.(command) ?? null;
  if (refused !== null) return { ok: false, error: refused };
  const handler = COMMAND_HANDLERS[command.name] as Handler<Command>;
  if (handler.closesBreakWindow) target.closeBreakWindow();
  return handler.run(command, target) ?? { ok: true };
}
