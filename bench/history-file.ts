// history200Mb*: `limber stats` and `limber export` over a 200 MB history.jsonl (about 1.6 million records), each in
// its own process: wall time and peak resident memory. The history is streamed, so memory stays far below its size.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serializeRecord } from '../electron/core/history.ts';

const root = path.resolve(import.meta.dirname, '..');
const TARGET_BYTES = 200 * 1024 * 1024;
/** Reports the child's peak RSS (kilobytes) on standard error as it exits. */
const REPORT_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('MAXRSS '+process.resourceUsage().maxRSS+'\\n'))`;

function writeHistory(file: string): number {
  const fd = fs.openSync(file, 'w', 0o600);
  const start = Date.UTC(2020, 0, 1);
  let bytes = 0;
  let n = 0;
  while (bytes < TARGET_BYTES) {
    const lines: string[] = [];
    for (let j = 0; j < 10_000; j++, n++) {
      lines.push(serializeRecord({ at: new Date(start + n * 120_000).toISOString(), kind: n % 4 === 3 ? 'long' : 'micro', outcome: 'completed', seconds: 60, exercises: ['shoulder-roll', 'neck-roll'] }));
    }
    const text = lines.join('\n') + '\n';
    fs.writeSync(fd, text);
    bytes += Buffer.byteLength(text);
  }
  fs.closeSync(fd);
  return n;
}

function measure(args: string[]): { ms: number; peakRssMb: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', REPORT_RSS, 'electron/cli/main.ts', ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`limber ${args[0]} exited ${r.status}: ${r.stderr.slice(0, 300)}`);
  const kb = Number(/MAXRSS (\d+)/.exec(r.stderr)?.[1]);
  return { ms: Math.round(ms), peakRssMb: Math.round(kb / 1024) };
}

export function benchHistoryFile(): Record<string, number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'limber-bench-history-'));
  try {
    writeHistory(path.join(dir, 'history.jsonl'));
    const stats = measure(['stats', '--json', '--days', '3660', '--user-data-dir', dir]);
    const exported = measure(['export', '--user-data-dir', dir]);
    return { history200MbStatsMs: stats.ms, history200MbStatsPeakRssMb: stats.peakRssMb, history200MbExportMs: exported.ms, history200MbExportPeakRssMb: exported.peakRssMb };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
