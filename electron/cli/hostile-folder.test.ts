// Hostile things in place of history.jsonl, tried on the real command line in a child process: a FIFO would hang a
// reader for good (a synchronous read cannot be timed out in-process), a folder would crash it, and a long history
// read whole would take the memory of several times its size.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serializeRecord, type HistoryRecord } from '../core/history.ts';
import { parseCsv, toCsv, toJson } from '../core/stats.ts';
import { runCli } from './run.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function dataDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'limber-hostile-'));
  dirs.push(d);
  return d;
}
const rec = (i: number): HistoryRecord => ({ at: new Date(Date.UTC(2023, 9, 1) + i * 300_000).toISOString(), kind: 'micro', outcome: 'completed', seconds: 60, exercises: ['neck-roll', 'shoulder-roll'] });

interface Outcome {
  code: number;
  out: string;
  err: string;
}
/** Runs the child; `null` when it had to be killed (it hung). */
function inChild(dir: string): { stats: Outcome; export: Outcome; doctor: Outcome; app: { records: number; told: string[] } } | null {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/hostile-folder.child.ts', dir], { cwd: ROOT, encoding: 'utf8', timeout: 45_000, killSignal: 'SIGKILL' });
  if (r.status === null) return null;
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

describe('hostile things in place of history.jsonl', () => {
  it.each([
    ['a named pipe (FIFO)', (file: string) => spawnSync('mkfifo', [file]), /history\.jsonl is a named pipe \(FIFO\), not a regular file/],
    ['a folder', (file: string) => fs.mkdirSync(file), /history\.jsonl is a folder, not a regular file/],
  ])('%s: stats, export and doctor say so and end; the app starts without the history', (_name, make, words) => {
    const dir = dataDir();
    make(path.join(dir, 'history.jsonl'));
    const r = inChild(dir);
    expect(r, 'the child hung').not.toBeNull();
    expect(r!.stats).toMatchObject({ code: 1, out: '', err: expect.stringMatching(words) });
    expect(r!.export).toMatchObject({ code: 1, out: '', err: expect.stringMatching(words) });
    expect(r!.doctor.code).toBe(1);
    expect(r!.doctor.out).toMatch(new RegExp(`PROBLEM\\s+history\\.jsonl cannot be read \\(.*${words.source}.*\\)\\. Nothing was changed\\.`));
    expect(r!.app.records).toBe(0);
    expect(r!.app.told).toEqual([expect.stringMatching(words)]);
    // Still there, untouched: it is the user's to move.
    expect(fs.lstatSync(path.join(dir, 'history.jsonl')).isFile()).toBe(false);
  });

  it('a long history: stats and export stream it in a heap smaller than the file', () => {
    const dir = dataDir();
    // About 40 MB: read whole (text, lines, records) it took over 190 MB and ran out of a 64 MB heap.
    const fd = fs.openSync(path.join(dir, 'history.jsonl'), 'w', 0o600);
    const n = 330_000;
    for (let i = 0; i < n; i += 10_000) {
      fs.writeSync(fd, Array.from({ length: 10_000 }, (_, j) => serializeRecord(rec(i + j)) + '\n').join(''));
    }
    fs.closeSync(fd);
    for (const command of ['stats', 'export']) {
      const r = spawnSync(process.execPath, ['--max-old-space-size=64', '--import', 'tsx', 'electron/cli/main.ts', command, ...(command === 'stats' ? ['--json', '--days', '3660'] : []), '--user-data-dir', dir], {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        timeout: 120_000,
      });
      expect(r.stderr.slice(0, 500)).toBe('');
      expect(r.status).toBe(0);
      if (command === 'stats') expect(JSON.parse(r.stdout).total.due).toBe(n);
      else expect(r.stdout.split('\r\n').length).toBe(n + 2);
    }
  });
});

describe('export in batches', () => {
  it.each([0, 1, 1999, 2000, 2001, 4500])('%i records: the same text as exporting the whole list at once', async (n) => {
    const dir = dataDir();
    const records = Array.from({ length: n }, (_, i) => rec(i));
    fs.writeFileSync(path.join(dir, 'history.jsonl'), records.map((r) => serializeRecord(r) + '\n').join(''));
    for (const format of ['csv', 'json'] as const) {
      let out = '';
      const code = await runCli(['export', '--format', format, '--user-data-dir', dir], { out: (t) => (out += t), err: () => {} });
      expect(code).toBe(0);
      expect(out).toBe(format === 'csv' ? toCsv(records) : toJson(records));
    }
    expect(parseCsv(toCsv(records)).records).toEqual(records);
  });
});
