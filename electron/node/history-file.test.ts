import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { buildSync } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serializeRecord, type HistoryRecord } from '../core/history.ts';
import { HistoryFile, HistoryNotWritten, RETRY_FIRST_MS, RETRY_MAX_MS, appendRecord, readHistoryFile, type HistoryFs } from './history-file.ts';

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

describe('history.jsonl: a last line without its newline', () => {
  it('counts a valid last record that lacks the final newline, and the next append starts a new line', () => {
    const h = new HistoryFile(dir);
    fs.writeFileSync(h.path, `${serializeRecord(rec(0))}\n${serializeRecord(rec(1))}`);
    expect(h.read()).toEqual({ records: [rec(0), rec(1)], bad: [], badCount: 0 });
    h.append(rec(2));
    expect(h.read()).toEqual({ records: [rec(0), rec(1), rec(2)], bad: [], badCount: 0 });
  });
});

/** The real file system, except that the chosen call fails with `code` while `failing` is set. */
function failingFs(call: 'openSync' | 'writeSync' | 'fsyncSync' | 'mkdirSync', code: string) {
  const state = { failing: true, calls: 0 };
  const fail = () => {
    state.calls++;
    throw Object.assign(new Error(`${code}: simulated`), { code });
  };
  const io: HistoryFs = {
    ...fs,
    mkdirSync: ((...a: Parameters<typeof fs.mkdirSync>) => (state.failing && call === 'mkdirSync' ? fail() : fs.mkdirSync(...a))) as typeof fs.mkdirSync,
    openSync: ((...a: Parameters<typeof fs.openSync>) => (state.failing && call === 'openSync' ? fail() : fs.openSync(...a))) as typeof fs.openSync,
    writeSync: ((fd: number, text: string) => {
      // A full disk takes part of the line before it refuses the rest.
      if (state.failing && call === 'writeSync') {
        fs.writeSync(fd, text.slice(0, 10));
        fail();
      }
      return fs.writeSync(fd, text);
    }) as typeof fs.writeSync,
    fsyncSync: ((fd: number) => (state.failing && call === 'fsyncSync' ? fail() : fs.fsyncSync(fd))) as typeof fs.fsyncSync,
  };
  return { io, state };
}

/** A retry timer the test fires by hand. */
function manualTimers() {
  const timers: { ms: number; fn: () => void; cancelled: boolean }[] = [];
  const schedule = (ms: number, fn: () => void) => {
    const t = { ms, fn, cancelled: false };
    timers.push(t);
    return () => (t.cancelled = true);
  };
  const fire = () => {
    const t = timers.find((x) => !x.cancelled && x.fn);
    if (!t) throw new Error('no retry is scheduled');
    t.cancelled = true;
    t.fn();
  };
  return { timers, schedule, fire, live: () => timers.filter((t) => !t.cancelled).length };
}

describe('history.jsonl when the disk says no', () => {
  for (const [call, code] of [
    ['writeSync', 'ENOSPC'],
    ['openSync', 'EACCES'],
    ['mkdirSync', 'EROFS'],
  ] as const) {
    it(`${code} in ${call}: the record is kept, the user told once, and it is written at the next append`, () => {
      const { io, state } = failingFs(call, code);
      const timers = manualTimers();
      const h = new HistoryFile(path.join(dir, 'data'), { fs: io, schedule: timers.schedule });
      expect(() => h.append(rec(0))).toThrow(HistoryNotWritten);
      // Told once per spell: the next failing appends keep their records quietly.
      expect(() => h.append(rec(1))).not.toThrow();
      expect(() => h.append(rec(2))).not.toThrow();
      expect(state.calls).toBe(3);
      expect(h.waiting).toBe(3);
      expect(h.readAll()).toEqual([rec(0), rec(1), rec(2)]);
      state.failing = false;
      h.append(rec(3));
      expect(h.waiting).toBe(0);
      expect(new HistoryFile(path.join(dir, 'data')).read().records).toEqual([rec(0), rec(1), rec(2), rec(3)]);
      expect(timers.live()).toBe(0);
    });
  }

  it('EIO in fsync after a whole line was written: reported, but the record is not written twice', () => {
    const { io } = failingFs('fsyncSync', 'EIO');
    const h = new HistoryFile(dir, { fs: io, schedule: manualTimers().schedule });
    expect(() => h.append(rec(0))).toThrow(/EIO/);
    expect(() => h.append(rec(1))).toThrow(/EIO/);
    expect(h.waiting).toBe(0);
    expect(new HistoryFile(dir).read()).toEqual({ records: [rec(0), rec(1)], bad: [], badCount: 0 });
  });

  it('a half-written line stays apart as damage and the whole record follows on its own line', () => {
    const { io, state } = failingFs('writeSync', 'ENOSPC');
    const h = new HistoryFile(dir, { fs: io, schedule: manualTimers().schedule });
    expect(() => h.append(rec(0))).toThrow(HistoryNotWritten);
    state.failing = false;
    expect(h.flush()).toBeNull();
    const { records, bad } = new HistoryFile(dir).read();
    expect(records).toEqual([rec(0)]);
    expect(bad).toHaveLength(1);
  });

  it('retries on its own with a growing delay, and stops once all is written', () => {
    const { io, state } = failingFs('openSync', 'ENOSPC');
    const timers = manualTimers();
    const h = new HistoryFile(dir, { fs: io, schedule: timers.schedule });
    expect(() => h.append(rec(0))).toThrow(HistoryNotWritten);
    for (let i = 0; i < 9; i++) timers.fire();
    expect(timers.timers.map((t) => t.ms)).toEqual([5, 10, 20, 40, 80, 160, 300, 300, 300, 300].map((s) => s * 1000));
    expect(RETRY_FIRST_MS).toBe(5000);
    expect(RETRY_MAX_MS).toBe(300_000);
    state.failing = false;
    timers.fire();
    expect(h.waiting).toBe(0);
    expect(timers.live()).toBe(0);
    expect(new HistoryFile(dir).readAll()).toEqual([rec(0)]);
    // A new spell starts the backoff again and tells the user again.
    state.failing = true;
    expect(() => h.append(rec(1))).toThrow(HistoryNotWritten);
    expect(timers.timers.at(-1)!.ms).toBe(RETRY_FIRST_MS);
  });

  it('on quit: kept records are written if the disk allows, otherwise handed back for the log, word for word', () => {
    const { io, state } = failingFs('openSync', 'EACCES');
    const timers = manualTimers();
    const h = new HistoryFile(dir, { fs: io, schedule: timers.schedule });
    expect(() => h.append(rec(0))).toThrow(HistoryNotWritten);
    h.append(rec(1));
    const left = h.close();
    expect(left).toContain('2 break record(s) could not be written');
    expect(left).toContain(serializeRecord(rec(0)));
    expect(left).toContain(serializeRecord(rec(1)));
    expect(timers.live()).toBe(0);
    state.failing = false;
    expect(h.close()).toBeNull();
    expect(new HistoryFile(dir).readAll()).toEqual([rec(0), rec(1)]);
  });
});

describe('history.jsonl in a real folder the app may not write', () => {
  it('keeps the records, tells the user once, and writes them all once the folder lets it in', async (ctx) => {
    const uid = process.getuid?.();
    if (uid === undefined) return ctx.skip('no POSIX users here');
    // root writes anywhere whatever the mode, so the writer runs as nobody. Its code and data sit in a
    // world-readable temp folder, so this works even when the checkout is in a folder only root may enter.
    const writer = uid === 0 ? 65534 : uid;
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'limber-readonly-'));
    try {
      fs.chmodSync(base, 0o755);
      const child = path.join(base, 'child.mjs');
      buildSync({ entryPoints: [path.join(import.meta.dirname, 'history-file.readonly.child.ts')], bundle: true, platform: 'node', format: 'esm', outfile: child, logLevel: 'silent' });
      fs.chmodSync(child, 0o644);
      const data = path.join(base, 'data');
      fs.mkdirSync(data);
      fs.chmodSync(data, 0o555);
      const p = spawn(process.execPath, [child, data], { uid: writer, gid: writer, stdio: ['pipe', 'pipe', 'pipe'] });
      let stderr = '';
      p.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      const started = await new Promise<boolean>((resolve) => {
        p.once('spawn', () => resolve(true));
        p.once('error', () => resolve(false));
      });
      if (!started) return ctx.skip(`no process could be started as user ${writer}`);
      const lines = readline.createInterface({ input: p.stdout })[Symbol.asyncIterator]();
      const next = async () => {
        const r = await lines.next();
        if (r.done) throw new Error(`the writer stopped: ${stderr}`);
        return JSON.parse(r.value as string) as { step: string; told: number; problems: string[]; waiting: number; counted: number };
      };
      const refused = await next();
      expect(refused).toMatchObject({ step: 'refused', told: 1, waiting: 2, counted: 2 });
      expect(refused.problems[0]).toMatch(/EACCES/);
      expect(fs.existsSync(path.join(data, 'history.jsonl'))).toBe(false);
      if (uid === 0) fs.chownSync(data, writer, writer);
      fs.chmodSync(data, 0o755);
      p.stdin.end('go\n');
      expect(await next()).toMatchObject({ step: 'written', told: 1, waiting: 0, counted: 3 });
      expect(await new Promise((resolve) => p.once('exit', resolve))).toBe(0);
      const { records, bad } = new HistoryFile(data).read();
      expect(bad).toEqual([]);
      expect(records.map((r) => r.at)).toEqual([0, 1, 2].map((i) => new Date(Date.UTC(2026, 0, 5, 9, i)).toISOString()));
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  });
});

describe('history.jsonl: the small print', () => {
  it('appendRecord refuses an invalid record before touching the disk', () => {
    const file = path.join(dir, 'sub', 'history.jsonl');
    expect(() => appendRecord(file, { ...rec(0), kind: 'huge' as 'micro' })).toThrow(/^not a valid history record: "kind"/);
    expect(fs.existsSync(path.dirname(file))).toBe(false);
  });

  it('a short write (the disk took only part of the line, without an error) keeps the record for later', () => {
    let short = true;
    const io: HistoryFs = {
      ...fs,
      writeSync: ((fd: number, text: string) => (short ? ((short = false), fs.writeSync(fd, text.slice(0, 5))) : fs.writeSync(fd, text))) as typeof fs.writeSync,
    };
    const h = new HistoryFile(dir, { fs: io, schedule: manualTimers().schedule });
    expect(() => h.append(rec(0))).toThrow(/ENOSPC: only 5 of \d+ bytes written/);
    expect(h.waiting).toBe(1);
    expect(h.flush()).toBeNull();
    expect(new HistoryFile(dir).read()).toMatchObject({ records: [rec(0)], bad: [{ line: 1 }] });
  });

  it('closes every file it opens, also when a write fails', () => {
    let open = 0;
    const { io: failing, state } = failingFs('writeSync', 'EIO');
    const io: HistoryFs = {
      ...failing,
      openSync: ((...a: Parameters<typeof fs.openSync>) => (open++, failing.openSync(...a))) as typeof fs.openSync,
      closeSync: ((fd: number) => (open--, fs.closeSync(fd))) as typeof fs.closeSync,
    };
    const h = new HistoryFile(dir, { fs: io, schedule: manualTimers().schedule });
    expect(() => h.append(rec(0))).toThrow(HistoryNotWritten);
    state.failing = false;
    h.append(rec(1));
    expect(open).toBe(0);
  });

  it('a missing file is an empty history; a file it may not read is an error, not an empty history', () => {
    expect(readHistoryFile(path.join(dir, 'none.jsonl'))).toEqual({ records: [], bad: [], badCount: 0 });
    const denied = { ...fs, openSync: (() => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    }) as unknown as typeof fs.openSync };
    expect(() => readHistoryFile(path.join(dir, 'history.jsonl'), denied)).toThrow(/EACCES/);
  });

  it('on quit, the records handed to the log are one per record, space-separated', () => {
    const { io } = failingFs('openSync', 'EACCES');
    const h = new HistoryFile(dir, { fs: io, schedule: manualTimers().schedule });
    expect(() => h.append(rec(0))).toThrow(HistoryNotWritten);
    h.append(rec(1));
    expect(h.close()).toMatch(new RegExp(`: ${[rec(0), rec(1)].map((r) => serializeRecord(r).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(' ')}$`));
  });

  it('by default retries on a real timer, which quitting cancels', () => {
    vi.useFakeTimers();
    try {
      const { io, state } = failingFs('openSync', 'ENOSPC');
      const h = new HistoryFile(dir, { fs: io });
      expect(() => h.append(rec(0))).toThrow(HistoryNotWritten);
      expect(vi.getTimerCount()).toBe(1);
      state.failing = false;
      vi.advanceTimersByTime(RETRY_FIRST_MS);
      expect(h.waiting).toBe(0);
      state.failing = true;
      expect(() => h.append(rec(1))).toThrow(HistoryNotWritten);
      expect(vi.getTimerCount()).toBe(1);
      expect(h.close()).not.toBeNull();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
