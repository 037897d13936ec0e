import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeRecord, type HistoryRecord } from '../core/history.ts';
import { HistoryFile, appendRecord } from './history-file.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'limber-history-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const rec = (i: number): HistoryRecord => ({ at: new Date(Date.UTC(2026, 0, 5, 9) + i * 1_800_000).toISOString(), kind: 'micro', outcome: 'completed', seconds: 60, exercises: ['neck-roll'] });

describe('history.jsonl', () => {
  it('appends one line per record and reads them back; a missing file is an empty history', () => {
    const h = new HistoryFile(dir);
    expect(h.readAll()).toEqual([]);
    h.append(rec(0));
    h.append(rec(1));
    expect(fs.readFileSync(h.path, 'utf8')).toBe(`${serializeRecord(rec(0))}\n${serializeRecord(rec(1))}\n`);
    expect(h.readAll()).toEqual([rec(0), rec(1)]);
  });

  it('refuses to write an invalid record', () => {
    const h = new HistoryFile(dir);
    expect(() => h.append({ ...rec(0), seconds: -5 })).toThrow(/seconds/);
    expect(fs.existsSync(h.path)).toBe(false);
  });

  it('keeps torn and garbled lines, skips them when reading, and never glues a new record onto a torn line', () => {
    const h = new HistoryFile(dir);
    const original = `${serializeRecord(rec(0))}\nGARBAGE \u00ff\n${serializeRecord(rec(1))}\n{"at":"2026-01-05T12:00:00.000Z","kind":"mi`;
    fs.writeFileSync(h.path, original);
    h.append(rec(2));
    const text = fs.readFileSync(h.path, 'utf8');
    expect(text.startsWith(original)).toBe(true);
    const { records, bad } = h.read();
    expect(records).toEqual([rec(0), rec(1), rec(2)]);
    expect(bad.map((b) => b.line)).toEqual([2, 4]);
  });

  it('loses nothing when two processes append at once', async () => {
    const file = path.join(dir, 'history.jsonl');
    const child = path.join(import.meta.dirname, 'history-file.child.ts');
    const N = 1000;
    const run = (tag: string) =>
      new Promise<number>((resolve, reject) => {
        const p = spawn(process.execPath, ['--import', 'tsx', child, file, String(N), tag], { stdio: 'inherit' });
        p.on('error', reject);
        p.on('exit', (code) => resolve(code ?? -1));
      });
    expect(await Promise.all([run('a'), run('b')])).toEqual([0, 0]);
    const { records, bad } = new HistoryFile(dir).read();
    expect(bad).toEqual([]);
    expect(records).toHaveLength(2 * N);
    const ids = new Set(records.map((r) => r.exercises[0]));
    for (let i = 0; i < N; i++) {
      expect(ids.has(`a-${i}`)).toBe(true);
      expect(ids.has(`b-${i}`)).toBe(true);
    }
    // Each writer's own records stay in its order.
    const aOrder = records.filter((r) => r.exercises[0]!.startsWith('a-')).map((r) => Number(r.exercises[0]!.slice(2)));
    expect(aOrder).toEqual([...aOrder].sort((x, y) => x - y));
  });

  it('creates the data folder when it does not exist yet', () => {
    const file = path.join(dir, 'nested', 'history.jsonl');
    appendRecord(file, rec(0));
    expect(fs.readFileSync(file, 'utf8')).toBe(serializeRecord(rec(0)) + '\n');
  });
});
