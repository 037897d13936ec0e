// The command line: parse, then run a data-folder command here or forward an instance command to the app.
import { computeStats, toCsv, toJson } from '../core/stats.ts';
import type { HistoryRecord } from '../core/history.ts';
import { escapeJsonForTerminal, terminalSafe } from '../core/text.ts';
import { resolveDataDir } from '../node/data-dir.ts';
import { runDoctor } from '../node/doctor.ts';
import { errorText } from '../node/files.ts';
import { HistoryFile, type HistoryScan } from '../node/history-file.ts';
import { doctorSync, listDevices, mergedHistory, syncFolderOf } from '../node/sync/offline.ts';
import { forwardToInstance, type CliIO, type InstanceForwarder } from './forward.ts';
import { formatDoctor, formatStats } from './format.ts';
import { isInstanceCommand } from '../core/commands.ts';
import { parseArgs } from '../node/command-line.ts';
import type { PolicySourcePort } from '../core/policy.ts';
import { policySourceFor } from '../node/policy/index.ts';
import { formatPolicySummary, formatSettingsReport, settingsReport } from './settings.ts';

export interface CliContext extends CliIO {
  now?: () => number;
  /** Where `--user-data-dir` is relative to. */
  cwd?: string;
  forwarder?: InstanceForwarder;
  /** What `doctor` says about this desktop's presence and hold sources (asked live by default). */
  desktop?: () => Promise<string>;
  /** The organisation's policy source (this OS's by default; tests hand in one over a folder of their own). */
  policy?: () => Promise<PolicySourcePort>;
}

/** Loaded only for `doctor`, so the other commands start as fast as before. */
const liveDesktopReport = async (): Promise<string> => (await import('./live-desktop.ts')).liveDesktopReport();

/** This computer's history (streamed), or with a sync folder every computer's, merged, each naming its device. */
function historyOf(dataDir: string, scan: HistoryScan, ctx: CliIO): Iterable<HistoryRecord> {
  if (!syncFolderOf(dataDir)) return new HistoryFile(dataDir).records(scan);
  const merged = mergedHistory(dataDir, (m) => ctx.err(`Note: ${m}\n`));
  scan.bad = merged.bad;
  scan.badCount = merged.badCount;
  return merged.records;
}

function* onlyDevice(records: Iterable<HistoryRecord>, device: string): Generator<HistoryRecord> {
  for (const r of records) if (r.device === device) yield r;
}

function perDeviceTotals(records: readonly HistoryRecord[], now: number, days: number): Record<string, unknown> | null {
  const ids = [...new Set(records.map((r) => r.device).filter((d): d is string => d !== undefined))];
  if (ids.length < 2) return null;
  return Object.fromEntries(ids.map((id) => [id, computeStats(onlyDevice(records, id), { now, days }).total]));
}

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
        const scan: HistoryScan = { bad: [], badCount: 0 };
        // Streamed: one pass, records not kept (a history of hundreds of megabytes stays in little memory).
        const all = historyOf(dataDir, scan, ctx);
        const records = command.device === null ? all : onlyDevice(all, command.device);
        const stats = computeStats(records, { now: now(), days: command.days });
        // Several computers: the same totals per computer, under its id.
        const perDevice = Array.isArray(all) ? perDeviceTotals(all, now(), command.days) : null;
        const shown = perDevice ? { ...stats, perDevice } : stats;
        ctx.out(command.json ? escapeJsonForTerminal(JSON.stringify(shown)) + '\n' : formatStats(stats) + (perDevice ? Object.entries(perDevice).map(([id, t]) => terminalSafe(`  ${id}: ${JSON.stringify(t)}`) + '\n').join('') : ''));
        warnBad(scan, ctx);
        return 0;
      }
      case 'export': {
        const scan: HistoryScan = { bad: [], badCount: 0 };
        exportTo(historyOf(dataDir, scan, ctx), command.format, ctx.out);
        warnBad(scan, ctx);
        return 0;
      }
      case 'devices': {
        const r = listDevices(dataDir, now(), (m) => ctx.err(`Note: ${m}\n`));
        if ('problem' in r) {
          if (command.json) ctx.out('[]\n');
          ctx.err(`${r.problem}\n`);
          return 0;
        }
        if (command.json) ctx.out(JSON.stringify(r.rows) + '\n');
        else if (!r.rows.length) ctx.out('No computer has written to the sync folder yet (Limber writes there while it runs).\n');
        else for (const d of r.rows) ctx.out(`${d.self ? '*' : ' '} ${d.name} (${d.id}): ${d.state}, last heard ${d.lastHeard ?? 'never'}, clock difference ${d.clockDifferenceSeconds ?? '?'} s\n`);
        return 0;
      }
      case 'doctor': {
        const report = runDoctor(dataDir, now());
        ctx.out(formatDoctor(report));
        const source = await (ctx.policy ?? (() => policySourceFor(process.platform)))();
        ctx.out(formatPolicySummary(settingsReport(dataDir, source.read()), source.locations));
        ctx.out(doctorSync(dataDir, now(), (m) => ctx.out(`  ${m}\n`)).join('\n') + '\n');
        ctx.out(await (ctx.desktop ?? liveDesktopReport)());
        return report.ok ? 0 : 1;
      }
      case 'settings': {
        const source = await (ctx.policy ?? (() => policySourceFor(process.platform)))();
        const report = settingsReport(dataDir, source.read());
        ctx.out(command.json ? JSON.stringify(report) + '\n' : formatSettingsReport(report, source.locations));
        return 0;
      }
    }
  } catch (e) {
    ctx.err(`limber ${command.name}: ${errorText(e)}\n`);
    return 1;
  }
}
