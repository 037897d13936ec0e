// The command line: parse, then run a data-folder command here or forward an instance command to the app.
import { computeStats, toCsv, toJson } from '../core/stats.ts';
import type { BadLine } from '../core/history.ts';
import { resolveDataDir } from '../node/data-dir.ts';
import { runDoctor } from '../node/doctor.ts';
import { errorText } from '../node/files.ts';
import { HistoryFile } from '../node/history-file.ts';
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
async function liveDesktopReport(): Promise<string> {
  const [{ createDbus }, { desktopReport }, { systemClock }] = await Promise.all([
    import('../node/presence/dbus.ts'),
    import('../node/presence/desktop-report.ts'),
    import('../core/clock.ts'),
  ]);
  const bus = createDbus();
  try {
    return await desktopReport({ platform: process.platform, env: process.env, bus, clock: systemClock });
  } finally {
    bus.close();
  }
}

function warnBad(bad: readonly BadLine[], io: CliIO): void {
  if (bad.length === 0) return;
  const lines = bad.slice(0, 5).map((b) => b.line).join(', ');
  io.err(`Note: skipped ${bad.length} damaged line${bad.length === 1 ? '' : 's'} of history.jsonl (line ${lines}${bad.length > 5 ? ', …' : ''}); they are kept in the file. Run 'limber doctor' for details.\n`);
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
        const { records, bad } = new HistoryFile(dataDir).read();
        const stats = computeStats(records, { now: now(), days: command.days });
        ctx.out(command.json ? JSON.stringify(stats) + '\n' : formatStats(stats));
        warnBad(bad, ctx);
        return 0;
      }
      case 'export': {
        const { records, bad } = new HistoryFile(dataDir).read();
        ctx.out(command.format === 'json' ? toJson(records) : toCsv(records));
        warnBad(bad, ctx);
        return 0;
      }
      case 'doctor': {
        const report = runDoctor(dataDir, now());
        ctx.out(formatDoctor(report));
        const source = await (ctx.policy ?? (() => policySourceFor(process.platform)))();
        ctx.out(formatPolicySummary(settingsReport(dataDir, source.read()), source.locations));
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
