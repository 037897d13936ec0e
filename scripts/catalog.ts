// `npm run -s catalog` prints the exercise catalog; `-- --routines micro|long N [--positions a,b]` prints the
// next N routines the builder would make; `--locales` lists the shipped languages and `--locale CODE` prints the
// catalog in one of them, same ids and doses (docs/catalog.md). Bad arguments exit 2 with a message naming the problem;
// the command's own messages stay English (scripts read them).
import { pathToFileURL } from 'node:url';
import { EXERCISES, type Exercise } from '../electron/core/catalog.ts';
import { LANGUAGES, LANGUAGE_CODES, isLanguage } from '../electron/core/i18n/languages.ts';
import { LOCALES, type Locale } from '../electron/core/i18n/locales.ts';
import { nextRoutines } from '../electron/core/routine.ts';
import { POSITIONS, defaultSettings, type Position } from '../electron/core/settings.ts';
import type { BreakKind } from '../electron/core/scheduler.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const USAGE = 'usage: catalog [--locale CODE] [--routines micro|long N [--positions seated,standing]] | catalog --locales';
const MAX_ROUTINES = 10_000;

const fail = (message: string): CliResult => ({ code: 2, stdout: '', stderr: `catalog: ${message}\n${USAGE}\n` });

/** An exercise in a locale's words; ids, positions, areas and doses are the catalog's own. */
function inLocale(e: Exercise, l: Locale): Exercise {
  const words = l.exercises[e.id];
  return { ...e, name: words.name, steps: words.steps[e.position] ?? [], stepsByPosition: words.steps, cautions: words.cautions };
}

export async function runCatalog(args: readonly string[]): Promise<CliResult> {
  let routines: { kind: BreakKind; n: number } | undefined;
  let positions: Position[] | undefined;
  let locale: string | undefined;
  let listLocales = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--locales') {
      listLocales = true;
    } else if (arg === '--locale') {
      if (locale) return fail('--locale given twice');
      const code = args[i + 1];
      if (code === undefined || code.startsWith('--')) return fail(`--locale needs a language code, one of: ${LANGUAGE_CODES.join(', ')}`);
      if (!isLanguage(code)) return fail(`--locale: unknown language "${code}" (shipped: ${LANGUAGE_CODES.join(', ')})`);
      locale = code;
      i += 1;
    } else if (arg === '--routines') {
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
  if (listLocales) {
    if (routines || locale) return fail('--locales takes no other argument');
    return { code: 0, stdout: JSON.stringify(LANGUAGES.map(({ code, name, dir }) => ({ code, name, dir })), null, 2) + '\n', stderr: '' };
  }
  if (locale && routines) return fail('--locale applies to the catalog, not to --routines (routines are ids and seconds)');
  if (locale && isLanguage(locale)) {
    const l = await LOCALES[locale]();
    return { code: 0, stdout: JSON.stringify({ locale, exercises: EXERCISES.map((e) => inLocale(e, l)) }, null, 2) + '\n', stderr: '' };
  }
  if (!routines) return { code: 0, stdout: JSON.stringify({ exercises: EXERCISES }, null, 2) + '\n', stderr: '' };
  const settings = defaultSettings();
  if (positions) settings.positions = positions;
  return { code: 0, stdout: JSON.stringify(nextRoutines(routines.kind, routines.n, settings), null, 2) + '\n', stderr: '' };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await runCatalog(process.argv.slice(2));
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
}
