import { describe, expect, it } from 'vitest';
import { SPECS, parseArgs, type ParsedCommand } from './command-line.ts';

function ok(argv: string[]): ParsedCommand {
  const r = parseArgs(argv);
  if (r.kind !== 'command') throw new Error(`expected a command, got ${JSON.stringify(r)}`);
  return r.command;
}
function error(argv: string[]): string {
  const r = parseArgs(argv);
  if (r.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(r)}`);
  return r.message;
}

describe('parseArgs', () => {
  it.each<[string[], Partial<ParsedCommand>]>([
    [['break'], { name: 'break', kind: null }],
    [['break', 'long'], { name: 'break', kind: 'long' }],
    [['break', 'micro'], { name: 'break', kind: 'micro' }],
    [['snooze'], { name: 'snooze' }],
    [['skip'], { name: 'skip' }],
    [['pause'], { name: 'pause', minutes: null, until: null }],
    [['pause', '45'], { name: 'pause', minutes: 45, until: null }],
    [['pause', 'tomorrow'], { name: 'pause', minutes: null, until: 'tomorrow' }],
    [['resume'], { name: 'resume' }],
    [['status'], { name: 'status', json: false }],
    [['status', '--json'], { name: 'status', json: true }],
    [['stats'], { name: 'stats', days: 28, json: false }],
    [['stats', '--days', '7', '--json'], { name: 'stats', days: 7, json: true }],
    [['stats', '--days=365'], { name: 'stats', days: 365, json: false }],
    [['export'], { name: 'export', format: 'csv' }],
    [['export', '--format', 'json'], { name: 'export', format: 'json' }],
    [['doctor'], { name: 'doctor', userDataDir: null }],
    [['doctor', '--user-data-dir', 'some dir'], { name: 'doctor', userDataDir: 'some dir' }],
    [['--user-data-dir=/d', 'stats'], { name: 'stats', userDataDir: '/d' }],
  ])('%j', (argv, expected) => {
    expect(ok(argv)).toMatchObject(expected);
  });

  it.each<[string[], RegExp]>([
    [[], /missing a command/],
    [['dance'], /unknown command 'dance'/],
    [['break', 'huge'], /'micro' or 'long'.*'huge'/],
    [['break', 'long', 'extra'], /unexpected argument 'extra'/],
    [['snooze', '5'], /unexpected argument '5'/],
    [['pause', '0'], /1 to 1440.*'0'/],
    [['pause', '1441'], /1 to 1440/],
    [['pause', '1.5'], /MINUTES/],
    [['pause', 'soon'], /'tomorrow'.*'soon'/],
    [['stats', '--days'], /'--days' needs a value/],
    [['stats', '--days', 'ten'], /--days must be a whole number.*'ten'/],
    [['stats', '--days', '0'], /--days/],
    [['stats', '--json=yes'], /'--json' takes no value/],
    [['stats', '--format', 'csv'], /unknown option '--format' for 'stats'/],
    [['export', '--format', 'xml'], /'csv' or 'json'.*'xml'/],
    [['status', '--verbose'], /unknown option '--verbose'/],
    [['doctor', '--user-data-dir'], /'--user-data-dir' needs a value/],
    [['doctor', '--user-data-dir='], /needs a value/],
    [['stats', '--days', '--json'], /'--days' needs a value/],
    [['status', '-xv'], /unknown option '-xv' for 'status'/],
    [['--days', '7', 'stats'], /^unknown option '--days'$/],
  ])('rejects %j', (argv, message) => {
    expect(error(argv)).toMatch(message);
  });

  it('gives help for every command, in every spelling', () => {
    for (const name of Object.keys(SPECS)) {
      for (const argv of [[name, '--help'], [name, '-h'], ['help', name], ['--help', name]]) {
        const r = parseArgs(argv);
        expect(r.kind).toBe('help');
        if (r.kind === 'help') expect(r.text).toContain(`Usage: limber ${name}`);
      }
    }
    const general = parseArgs(['--help']);
    expect(general.kind === 'help' && general.text).toMatch(/Commands:[\s\S]*doctor/);
  });

  it('in lenient mode skips switches a relayed argv may carry', () => {
    expect(parseArgs(['--no-sandbox', 'pause', '30', '--original-process-start-time=1'], { lenient: true })).toMatchObject({
      kind: 'command',
      command: { name: 'pause', minutes: 30 },
    });
  });
});
