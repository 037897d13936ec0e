// `npm run -s catalog` prints the exercise catalog; `-- --routines micro|long N [--positions a,b]` prints the
// next N routines the builder would make (docs/catalog.md). Bad arguments exit 2 with a message naming the problem.
import { pathToFileURL } from 'node:url';
import { EXERCISES } from '../electron/core/catalog.ts';
import { nextRoutines } from '../electron/core/routine.ts';
import { POSITIONS, defaultSettings, type Position } from '../electron/core/settings.ts';
import type { BreakKind } from '../electron/core/scheduler.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const USAGE = 'usage: catalog [--routines micro|long N [--positions seated,standing]]';
const MAX_ROUTINES = 10_000;

const fail = (message: string): CliResult => ({ code: 2, stdout: '', stderr: `catalog: ${message}\n${USAGE}\n` });

export function runCatalog(args: readonly string[]): CliResult {
  let routines: { kind: BreakKind; n: number } | undefined;
  let positions: Position[] | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--routines') {
      if (routines) return fail('--routines given twice');
      const kind = args[i + 1];
      const count = args[i + 2];
      if (kind !== 'micro' && kind !== 'long') return fail(`--routines needs a kind, micro or long (got ${kind ?? 'nothing'})`);
      if (count === undefined || !/^\d+$/.test(count) || Number(count) < 1 || Number(count) > MAX_ROUTINES) {
        return fail(`--routines ${kind} needs a count N from 1 to ${MAX_ROUTINES} (got ${count ?? 'nothing'})`);
      }
      routines = { kind, n: Number(count) };
      i += 2;
    } else if (arg === '--positions') {
      if (positions) return fail('--positions given twice');
      const list = args[i + 1];
      if (list === undefined || list.startsWith('--')) return fail(`--positions needs a list from: ${POSITIONS.join(', ')}`);
      const parts = list.split(',').map((p) => p.trim());
      const bad = parts.filter((p) => !(POSITIONS as readonly string[]).includes(p));
      if (bad.length > 0) return fail(`--positions: unknown position ${bad.map((b) => `"${b}"`).join(', ')} (allowed: ${POSITIONS.join(', ')})`);
      positions = [...new Set(parts as Position[])];
      i += 1;
    } else {
      return fail(`unknown argument: ${arg}`);
    }
  }
  if (positions && !routines) return fail('--positions only applies with --routines');
  if (!routines) return { code: 0, stdout: JSON.stringify({ exercises: EXERCISES }, null, 2) + '\n', stderr: '' };
  const settings = defaultSettings();
  if (positions) settings.positions = positions;
  return { code: 0, stdout: JSON.stringify(nextRoutines(routines.kind, routines.n, settings), null, 2) + '\n', stderr: '' };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = runCatalog(process.argv.slice(2));
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
}
