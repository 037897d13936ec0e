// The command line: parse, then run a data-folder command here or forward an instance command to the app.
import { computeStats, toCsv, toJson } from '../core/stats.ts';
import type { BadLine } from '../core/history.ts';
import { resolveDataDir } from '../node/data-dir.ts';
import { runDoctor } from '../node/doctor.ts';
import { errorText } from '../node/files.ts';
import { doctorSync, listDevices, mergedHistory } from '../node/sync/offline.ts';
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
        const { records: all, bad } = mergedHistory(dataDir, (m) => ctx.err(`Note: ${m}\n`));
        const records = command.device === null ? all : all.filter((r) => r.device === command.device);
        const stats = computeStats(records, { now: now(), days: command.days });
        // Several computers: the same figures per computer, under its id.
        const ids = [...new Set(records.map((r) => r.device).filter((d): d is string => d !== undefined))];
        const perDevice = ids.length > 1 ? Object.fromEntries(ids.map((id) => [id, computeStats(records.filter((r) => r.device === id), { now: now(), days: command.days }).total])) : null;
        const shown = perDevice ? { ...stats, perDevice } : stats;
        ctx.out(command.json ? JSON.stringify(shown) + '\n' : formatStats(stats) + (perDevice ? ids.map((id) => `  ${id}: ${JSON.stringify(perDevice[id])}\n`).join('') : ''));
        warnBad(bad, ctx);
        return 0;
      }
      case 'export': {
        const { records, bad } = mergedHistory(dataDir, (m) => ctx.err(`Note: ${m}\n`));
        ctx.out(command.format === 'json' ? toJson(records) : toCsv(records));
        warnBad(bad, ctx);
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
        ctx.out(doctorSync(dataDir, now(), (m) => ctx.out(`  ${m}\n`)).join('\n') + '\n');
        ctx.out(await (ctx.desktop ?? liveDesktopReport)());
        return report.ok ? 0 : 1;
      }
    }
  } catch (e) {
    ctx.err(`limber ${command.name}: ${errorText(e)}\n`);
    return 1;
  }
}
