// The command line's grammar (docs/command-line.md): argv in, a typed command (or help, or an error naming what is
// wrong) out. Node's util.parseArgs splits argv into tokens; the rules of each command are ours. Both the command
// line (electron/cli) and the running app (a relayed second launch, the control socket) read argv with it.
import { parseArgs as tokenize } from 'node:util';
import type { InstanceCommand } from '../core/commands.ts';

export const PAUSE_MAX_MINUTES = 24 * 60;
export const STATS_MAX_DAYS = 3660;
export const STATS_DEFAULT_DAYS = 28;

/** Commands that work on the data folder alone, without the app. */
export type DataCommand =
  | { name: 'stats'; days: number; json: boolean; device: string | null }
  | { name: 'export'; format: 'csv' | 'json' }
  | { name: 'doctor' }
  | { name: 'devices'; json: boolean }
  | { name: 'settings'; json: boolean };

export type ParsedCommand = (InstanceCommand | DataCommand) & {
  /** `--user-data-dir DIR` as given (not resolved: electron/node/data-dir.ts does that), or null for the default. */
  userDataDir: string | null;
};
export type CommandLineName = ParsedCommand['name'];

export type ParseResult = { kind: 'command'; command: ParsedCommand } | { kind: 'help'; text: string } | { kind: 'error'; message: string; usage: string };

interface Spec {
  usage: string;
  summary: string;
  /** Options taking a value, and flags, besides --user-data-dir and --help. */
  values: readonly string[];
  flags: readonly string[];
  maxArgs: number;
  details?: string;
}

const COMMON = '  --user-data-dir DIR  use DIR as the data folder (default: the app\'s own)\n  --help               show this help';

export const SPECS: Readonly<Record<CommandLineName, Spec>> = {
  break: { usage: 'limber break [micro|long]', summary: 'start a break now (the kind that is due, or the one named)', values: [], flags: [], maxArgs: 1 },
  snooze: { usage: 'limber snooze', summary: 'put off the coming break by the snooze time', values: [], flags: [], maxArgs: 0 },
  skip: { usage: 'limber skip', summary: 'skip the coming break', values: [], flags: [], maxArgs: 0 },
  pause: {
    usage: 'limber pause [MINUTES|tomorrow]',
    summary: 'pause reminders for MINUTES, until tomorrow, or until resumed',
    values: [],
    flags: [],
    maxArgs: 1,
    details: `  MINUTES              a whole number from 1 to ${PAUSE_MAX_MINUTES}`,
  },
  resume: { usage: 'limber resume', summary: 'resume reminders after a pause', values: [], flags: [], maxArgs: 0 },
  status: { usage: 'limber status [--json]', summary: 'show what Limber is doing and when the next break is', values: [], flags: ['--json'], maxArgs: 0, details: '  --json               print one JSON object' },
  stats: {
    usage: 'limber stats [--days N] [--device ID] [--json]',
    summary: 'show statistics from the history, every computer\'s with a sync folder (works without the app running)',
    values: ['--days', '--device'],
    flags: ['--json'],
    maxArgs: 0,
    details: `  --days N             the last N days, 1 to ${STATS_MAX_DAYS} (default ${STATS_DEFAULT_DAYS})\n  --device ID          only the breaks recorded on that computer (see 'limber devices')\n  --json               print one JSON object`,
  },
  devices: {
    usage: 'limber devices [--json]',
    summary: 'list the computers sharing the sync folder (works without the app running)',
    values: [],
    flags: ['--json'],
    maxArgs: 0,
    details: '  --json               print one JSON list',
  },
  export: {
    usage: 'limber export [--format csv|json]',
    summary: 'print the whole history as CSV or JSON (works without the app running)',
    values: ['--format'],
    flags: [],
    maxArgs: 0,
    details: '  --format csv|json    output format (default csv)',
  },
  settings: {
    usage: 'limber settings [--json]',
    summary: 'show the settings in force and where each comes from: default, recommended, user or managed (works without the app running)',
    values: [],
    flags: ['--json'],
    maxArgs: 0,
    details: '  --json               print one JSON object {settings, origin, policy, problems}',
  },
  doctor: {
    usage: 'limber doctor',
    summary: 'check and repair the data folder, keeping every original byte (works without the app running)',
    values: [],
    flags: [],
    maxArgs: 0,
  },
};

export function commandHelp(name: CommandLineName): string {
  const s = SPECS[name];
  return `Usage: ${s.usage} [--user-data-dir DIR]\n\n${s.summary[0]!.toUpperCase()}${s.summary.slice(1)}.\n\nOptions:\n${s.details ? s.details + '\n' : ''}${COMMON}\n`;
}

export function generalHelp(): string {
  const width = Math.max(...Object.keys(SPECS).map((k) => k.length));
  const lines = Object.entries(SPECS).map(([k, s]) => `  ${k.padEnd(width)}  ${s.summary}`);
  return `Usage: limber COMMAND [options]\n\nCommands:\n${lines.join('\n')}\n\nEvery command takes --user-data-dir DIR and --help.\n`;
}

function isName(x: string): x is CommandLineName {
  return Object.hasOwn(SPECS, x);
}

function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

export interface ParseOptions {
  /**
   * Ignore options this parser does not know. For argv relayed by Electron's `second-instance`, which may carry
   * Chromium switches; a person typing gets an error instead.
   */
  lenient?: boolean;
}

/** Every option any command takes, so util.parseArgs knows which take a value; which command takes which is SPECS'. */
const OPTIONS = {
  'user-data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  days: { type: 'string' },
  format: { type: 'string' },
  device: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export function parseArgs(argv: readonly string[], opts: ParseOptions = {}): ParseResult {
  let name: CommandLineName | null = null;
  let help = false;
  let userDataDir: string | null = null;
  const positional: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const fail = (message: string): ParseResult => ({ kind: 'error', message, usage: name ? commandHelp(name) : generalHelp() });
  const where = () => (name ? ` for '${name}'` : '');
  /** The command's name first, then its arguments; an error result when the name is unknown. */
  const positionalArg = (arg: string): ParseResult | null => {
    if (name !== null) positional.push(arg);
    else if (isName(arg)) name = arg;
    else return fail(`unknown command '${arg}'`);
    return null;
  };
  const { tokens } = tokenize({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });

  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'option') {
      if (token.name === 'help') {
        help = true;
        continue;
      }
      // Named as typed (`-abc`, not util.parseArgs' `-a`), without any `=value`.
      const key = token.rawName.startsWith('--') ? token.rawName : argv[token.index]!.split('=')[0]!;
      const takesValue = key === '--user-data-dir' || (name !== null && SPECS[name].values.includes(key));
      const isFlag = name !== null && SPECS[name].flags.includes(key);
      if (!takesValue && !isFlag) {
        if (!opts.lenient) return fail(`unknown option '${key}'${where()}`);
        // util.parseArgs gave another command's option the next argument; here that argument stands on its own.
        if (token.value !== undefined && !token.inlineValue) {
          const refused = positionalArg(token.value);
          if (refused) return refused;
        }
        continue;
      }
      if (isFlag) {
        if (token.inlineValue) return fail(`option '${key}' takes no value`);
        flags.add(key);
        continue;
      }
      // A value that looks like an option is an option the user typed, not this one's value.
      const value = token.inlineValue || !token.value?.startsWith('--') ? token.value : undefined;
      if (value === undefined || value === '') return fail(`option '${key}' needs a value`);
      if (key === '--user-data-dir') userDataDir = value;
      else values.set(key, value);
      continue;
    }
    if (token.value === 'help' && name === null) {
      help = true;
      const next = tokens[t + 1];
      const topic = next?.kind === 'positional' ? next.value : undefined;
      if (topic !== undefined && isName(topic)) {
        name = topic;
        t++;
      } else if (topic !== undefined) return fail(`unknown command '${topic}'`);
      continue;
    }
    const refused = positionalArg(token.value);
    if (refused) return refused;
  }

  if (help) return { kind: 'help', text: name ? commandHelp(name) : generalHelp() };
  if (name === null) return fail('missing a command');
  if (positional.length > SPECS[name].maxArgs) return fail(`unexpected argument '${positional[SPECS[name].maxArgs]}'${where()}`);
  const arg = positional[0];

  const done = (c: InstanceCommand | DataCommand): ParseResult => ({ kind: 'command', command: { ...c, userDataDir } });
  switch (name) {
    case 'break':
      if (arg !== undefined && arg !== 'micro' && arg !== 'long') return fail(`break kind must be 'micro' or 'long' (got '${arg}')`);
      return done({ name, kind: arg ?? null });
    case 'pause': {
      if (arg === undefined) return done({ name, minutes: null, until: null });
      if (arg === 'tomorrow') return done({ name, minutes: null, until: 'tomorrow' });
      const minutes = wholeNumber(arg, 1, PAUSE_MAX_MINUTES);
      if (minutes === null) return fail(`pause takes MINUTES (a whole number from 1 to ${PAUSE_MAX_MINUTES}) or 'tomorrow' (got '${arg}')`);
      return done({ name, minutes, until: null });
    }
    case 'status':
    case 'settings':
      return done({ name, json: flags.has('--json') });
    case 'stats': {
      const daysText = values.get('--days');
      const days = daysText === undefined ? STATS_DEFAULT_DAYS : wholeNumber(daysText, 1, STATS_MAX_DAYS);
      if (days === null) return fail(`--days must be a whole number from 1 to ${STATS_MAX_DAYS} (got '${daysText}')`);
      const device = values.get('--device') ?? null;
      if (device !== null && !/^[a-z0-9-]{1,64}$/.test(device)) return fail(`--device must be a device id (a-z, 0-9 and -, as 'limber devices' lists them) (got '${device}')`);
      return done({ name, days, json: flags.has('--json'), device });
    }
    case 'devices':
      return done({ name, json: flags.has('--json') });
    case 'export': {
      const format = values.get('--format') ?? 'csv';
      if (format !== 'csv' && format !== 'json') return fail(`--format must be 'csv' or 'json' (got '${format}')`);
      return done({ name, format });
    }
    case 'snooze':
    case 'skip':
    case 'resume':
    case 'doctor':
      return done({ name });
  }
}
