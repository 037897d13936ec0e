// The command line: parse, then run a data-folder command here or forward an instance command to the app.
import { computeStats, toCsv, toJson } from '../core/stats.ts';
import type { HistoryRecord } from '../core/history.ts';
import { escapeJsonForTerminal } from '../core/text.ts';
import { resolveDataDir } from '../node/data-dir.ts';
import { runDoctor } from '../node/doctor.ts';
import { errorText } from '../node/files.ts';
import { HistoryFile, type HistoryScan } from '../node/history-file.ts';
import { forwardToInstance, type CliIO, type InstanceForwarder } from './forward.ts';
import { formatDoctor, formatStats } from './format.ts';
import { isInstanceCommand } from '../core/commands.ts';
import { parseArgs } from '../node/command-line.ts';

export interface CliContext extends CliIO {
  now?: () => number;
  /** Where `--user-data-dir` is relative to. */
  cwd?: string;
  forwarder?: InstanceForwarder;
  /** What `doctor` says about this desktop's presence and hold sources (asked live by default). */
  desktop?: () => Promise<string>;
}

/** Loaded only for `doctor`, so the other commands start as fast as before. */
const liveDesktopReport = async (): Promise<string> => (await import('./live-desktop.ts')).liveDesktopReport();

function warnBad({ bad, badCount }: HistoryScan, io: CliIO): void {
  if (badCount === 0) return;
  const lines = bad.slice(0, 5).map((b) => b.line).join(', ');
  io.err(`Note: skipped ${badCount} damaged line${badCount === 1 ? '' : 's'} of history.jsonl (line ${lines}${badCount > 5 ? ', …' : ''}); they are kept in the file. Run 'limber doctor' for details.\n`);
}

/** Records written out this many at a time: a long history is never held whole, nor its export text. */
const EXPORT_BATCH = 2000;

/** The export, written batch by batch with the same formatting as toCsv/toJson of the whole list. */
function exportTo(records: Iterable<HistoryRecord>, format: 'csv' | 'json', out: (text: string) => void): void {
  const batch: HistoryRecord[] = [];
  let started = false;
  const flush = (last: boolean) => {
    if (format === 'csv') {
      const text = toCsv(batch);
      // Every batch's text starts with the header row; only the first keeps it.
      out(started ? text.slice(text.indexOf('\r\n') + 2) : text);
    } else if (batch.length > 0) {
      // toJson gives "[\n" + the records + "\n]\n"; the records of each batch go between one pair of brackets.
      const text = toJson(batch);
      out((started ? ',\n' : '[\n') + text.slice(2, -3) + (last ? '\n]\n' : ''));
    } else if (last) out(started ? '\n]\n' : toJson([]));
    started = true;
    batch.length = 0;
  };
  for (const r of records) {
    batch.push(r);
    if (batch.length === EXPORT_BATCH) flush(false);
  }
  flush(true);
}

/** Runs one command line; resolves to the exit code (0 done, 1 failed, 2 bad arguments). */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help') {
    ctx.out(parsed.text);
    return 0;
  }
  if (parsed.kind === 'error') {
    ctx.err(`limber: ${parsed.message}\n\n${parsed.usage}`);
    return 2;
  }
  const command = parsed.command;
  const dataDir = resolveDataDir(command.userDataDir ?? undefined, undefined, ctx.cwd);
  if (isInstanceCommand(command)) {
    const { userDataDir: _dir, ...instanceCommand } = command;
    return forwardToInstance(instanceCommand, dataDir, ctx, ctx.forwarder);
  }
  const now = ctx.now ?? Date.now;
  try {
    switch (command.name) {
      case 'stats': {
        // Streamed: one pass, records not kept (a history of hundreds of megabytes stays in little memory).
        const scan: HistoryScan = { bad: [], badCount: 0 };
        const stats = computeStats(new HistoryFile(dataDir).records(scan), { now: now(), days: command.days });
        ctx.out(command.json ? escapeJsonForTerminal(JSON.stringify(stats)) + '\n' : formatStats(stats));
        warnBad(scan, ctx);
        return 0;
      }
      case 'export': {
        const scan: HistoryScan = { bad: [], badCount: 0 };
        exportTo(new HistoryFile(dataDir).records(scan), command.format, ctx.out);
        warnBad(scan, ctx);
        return 0;
      }
      case 'doctor': {
        const report = runDoctor(dataDir, now());
        ctx.out(formatDoctor(report));
        ctx.out(await (ctx.desktop ?? liveDesktopReport)());
        return report.ok ? 0 : 1;
      }
    }
  } catch (e) {
    ctx.err(`limber ${command.name}: ${errorText(e)}\n`);
    return 1;
  }
}
