// history.jsonl in the data folder: one record a line, appended with O_APPEND and flushed to disk, so a crash
// leaves at most a torn last line and two processes appending at once lose nothing. A record that cannot be written
// (disk full, no permission, an I/O error) is kept in memory and written later: at the next append, on a backoff
// retry, or on quit.
import fs from 'node:fs';
import path from 'node:path';
import { BAD_TEXT_MAX, parseHistoryLine, serializeRecord, validateRecord, type BadLine, type HistoryRecord } from '../core/history.ts';
import { errorText } from './files.ts';
import { ensureDataDir, openRegular, type OpenFs } from './private-files.ts';

export const HISTORY_FILE = 'history.jsonl';

/** The file-system calls the history makes, so a failing disk can stand in for the real one. */
export type HistoryFs = Pick<typeof fs, 'mkdirSync' | 'openSync' | 'fstatSync' | 'lstatSync' | 'readSync' | 'writeSync' | 'fsyncSync' | 'closeSync'>;

/** Whether the file ends in the middle of a line (a torn write), read from its last byte only. */
export function endsMidLine(fd: number, io: HistoryFs = fs): boolean {
  const size = io.fstatSync(fd).size;
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  io.readSync(fd, last, 0, 1, size - 1);
  return last[0] !== 0x0a;
}

/** Appends one record as one write(2) on an O_APPEND descriptor, then fsyncs. Throws on I/O errors. */
export function appendRecord(file: string, record: HistoryRecord, io: HistoryFs = fs): void {
  const checked = validateRecord(record);
  if (!checked.ok) throw new Error(`not a valid history record: ${checked.reason}`);
  ensureDataDir(path.dirname(file), io);
  // Never through a link (the records would land wherever it points) and only into a regular file; created 0600.
  const c = fs.constants;
  const fd = openRegular(file, c.O_RDWR | c.O_APPEND | c.O_CREAT, io);
  try {
    // After a torn line, start on a new line so the torn one stays separate (and reported) instead of swallowing this one.
    const line = (endsMidLine(fd, io) ? '\n' : '') + serializeRecord(checked.record) + '\n';
    const written = io.writeSync(fd, line);
    if (written !== Buffer.byteLength(line)) throw Object.assign(new Error(`only ${written} of ${Buffer.byteLength(line)} bytes written`), { code: 'ENOSPC' });
    try {
      io.fsyncSync(fd);
    } catch (e) {
      throw new WrittenNotSynced(errorText(e));
    }
  } finally {
    io.closeSync(fd);
  }
}

/** A line longer than this is damage, not a record (a record takes a few hundred bytes): counted, never held whole. */
export const MAX_LINE_BYTES = 64 * 1024;
/** Damaged lines kept with their text; any more are only counted, so a hostile file cannot fill the memory. */
export const KEEP_BAD_LINES = 1000;
const CHUNK = 64 * 1024;

/** What a scan found besides the records it handed on. */
export interface HistoryScan {
  /** The first KEEP_BAD_LINES damaged lines. */
  bad: BadLine[];
  /** How many damaged lines there are in all. */
  badCount: number;
}

/** Hands each valid record to `onRecord`, in file order (see historyRecords). */
export function scanHistoryFile(file: string, onRecord: (r: HistoryRecord) => void): HistoryScan {
  const out: HistoryScan = { bad: [], badCount: 0 };
  for (const r of historyRecords(file, out)) onRecord(r);
  return out;
}

/**
 * Reads the file a chunk at a time and yields each valid record in file order, filling in `out` with the damage:
 * memory stays bounded however long the history. A missing file is an empty history; anything but a regular file (a
 * FIFO, a folder, a link) throws NotARegularFile without blocking.
 */
export function* historyRecords(file: string, out: HistoryScan = { bad: [], badCount: 0 }, io: OpenFs = fs): Generator<HistoryRecord, HistoryScan> {
  let fd: number;
  try {
    fd = openRegular(file, fs.constants.O_RDONLY, io);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return out;
    throw e;
  }
  // Records of the chunk at hand, yielded once it is read.
  const ready: HistoryRecord[] = [];
  const onRecord = (r: HistoryRecord) => ready.push(r);
  let lineNo = 0;
  const addBad = (b: BadLine) => {
    out.badCount++;
    if (out.bad.length < KEEP_BAD_LINES) out.bad.push(b);
  };
  // The line so far, in pieces (a line may span chunks; decoding waits for its end so no character is split).
  let parts: Buffer[] = [];
  let partBytes = 0;
  let tooLong = false;
  const endLine = (isLast: boolean) => {
    lineNo++;
    const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    parts = [];
    partBytes = 0;
    if (tooLong) {
      tooLong = false;
      addBad({ line: lineNo, text: `${bytes.toString('utf8', 0, BAD_TEXT_MAX)}…`, reason: `longer than ${MAX_LINE_BYTES / 1024} KiB, so not a record` });
      return;
    }
    const r = parseHistoryLine(bytes.toString('utf8'), lineNo, isLast);
    if (r === null) return;
    if ('record' in r) onRecord(r.record);
    else addBad(r.bad);
  };
  const take = (piece: Buffer) => {
    if (tooLong) return;
    if (partBytes + piece.length > MAX_LINE_BYTES) {
      // Keep only the start, to quote it.
      tooLong = true;
      parts = [Buffer.concat([...parts, piece]).subarray(0, BAD_TEXT_MAX)];
      return;
    }
    // A copy: the read buffer is reused for the next chunk.
    parts.push(Buffer.from(piece));
    partBytes += piece.length;
  };
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const n = fs.readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      const chunk = buf.subarray(0, n);
      let start = 0;
      for (let nl = chunk.indexOf(0x0a, start); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
        take(chunk.subarray(start, nl));
        endLine(false);
        start = nl + 1;
      }
      if (start < n) take(chunk.subarray(start));
      yield* ready.splice(0);
    }
    if (partBytes > 0 || tooLong) endLine(true);
    yield* ready.splice(0);
  } finally {
    fs.closeSync(fd);
  }
  return out;
}

/** Every valid record and the damaged lines (see scanHistoryFile); a missing file is an empty history. */
export function readHistoryFile(file: string, io: OpenFs = fs): { records: HistoryRecord[]; bad: BadLine[]; badCount: number } {
  const records: HistoryRecord[] = [];
  const out: HistoryScan = { bad: [], badCount: 0 };
  for (const r of historyRecords(file, out, io)) records.push(r);
  return { records, ...out };
}

/** The whole line was written but not flushed to disk: writing it again would only duplicate it. */
export class WrittenNotSynced extends Error {}

/** Thrown by `append` when a record could not be written yet: once per spell of failures, so the user is told once. */
export class HistoryNotWritten extends Error {}

/** Retries of kept records: after 5 s, then twice as long each time, at most every 5 minutes. */
export const RETRY_FIRST_MS = 5_000;
export const RETRY_MAX_MS = 5 * 60_000;

export interface HistoryFileOptions {
  fs?: HistoryFs;
  /** Told when the file cannot be read (a FIFO or a folder in its place, no permission): readAll then has only what is kept in memory. */
  onUnreadable?: (message: string) => void;
  /** Runs `fn` once after `ms`; returns a cancel. Defaults to a timer that does not keep the process alive. */
  schedule?: (ms: number, fn: () => void) => () => void;
}

const unrefTimer = (ms: number, fn: () => void) => {
  const t = setTimeout(fn, ms);
  t.unref();
  return () => clearTimeout(t);
};

// Fits ports.ts's HistoryStorePort: node/ may not import the app layer, so main.ts and the harness, which plug it in, check that.
export class HistoryFile {
  readonly path: string;
  private readonly io: HistoryFs;
  private readonly schedule: (ms: number, fn: () => void) => () => void;
  private readonly onUnreadable: (message: string) => void;
  /** The last reading problem told, so one that lasts is told once. */
  private toldUnreadable: string | null = null;
  /** Records not on disk yet, oldest first. */
  private pending: HistoryRecord[] = [];
  private retryDelay = RETRY_FIRST_MS;
  private cancelRetry: (() => void) | null = null;

  constructor(dataDir: string, opts: HistoryFileOptions = {}) {
    this.path = path.join(dataDir, HISTORY_FILE);
    this.io = opts.fs ?? fs;
    this.schedule = opts.schedule ?? unrefTimer;
    this.onUnreadable = opts.onUnreadable ?? (() => {});
  }

  /** Writes the record (and any kept before it). Throws `HistoryNotWritten` when a spell of failures begins. */
  append(record: HistoryRecord): void {
    const checked = validateRecord(record);
    if (!checked.ok) throw new Error(`not a valid history record: ${checked.reason}`);
    const alreadyFailing = this.pending.length > 0;
    this.pending.push(checked.record);
    const problem = this.flush();
    if (problem !== null && !alreadyFailing) throw new HistoryNotWritten(problem);
    // (An unsynced write keeps nothing pending, so each one is reported; the app tells the user once per wording.)
  }

  /**
   * Writes every kept record, oldest first; returns why it could not, or null when all are on disk. A record whose
   * line was written but could not be synced counts as written (the problem is still returned).
   */
  flush(): string | null {
    let unsynced: string | null = null;
    while (this.pending.length > 0) {
      try {
        appendRecord(this.path, this.pending[0]!, this.io);
      } catch (e) {
        if (!(e instanceof WrittenNotSynced)) {
          this.retryLater();
          return errorText(e);
        }
        unsynced = e.message;
      }
      this.pending.shift();
    }
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.retryDelay = RETRY_FIRST_MS;
    return unsynced;
  }

  /** On quit: a last try; if the disk still refuses, the kept records themselves go to the log rather than nowhere. */
  close(): string | null {
    const problem = this.flush();
    this.cancelRetry?.();
    this.cancelRetry = null;
    if (problem === null) return null;
    return `${this.pending.length} break record(s) could not be written to ${this.path} (${problem}): ${this.pending.map(serializeRecord).join(' ')}`;
  }

  /** How many records are kept in memory, waiting to be written. */
  get waiting(): number {
    return this.pending.length;
  }

  /**
   * Kept records count too: the statistics never miss a break because the disk was full. Never throws: a file that
   * cannot be read is told to onUnreadable (once while it lasts) and only the kept records are returned.
   */
  readAll(): HistoryRecord[] {
    const records: HistoryRecord[] = [];
    try {
      this.scan((r) => records.push(r));
      this.toldUnreadable = null;
    } catch (e) {
      const message = `${HISTORY_FILE} cannot be read (${errorText(e)}); statistics show only breaks from now on, and nothing in the file is changed.`;
      if (message !== this.toldUnreadable) this.onUnreadable(message);
      this.toldUnreadable = message;
      return [...this.pending];
    }
    return records;
  }

  /** With the damaged lines, for doctor and the statistics window's notice. Throws when the file cannot be read. */
  read(): { records: HistoryRecord[]; bad: BadLine[]; badCount: number } {
    const records: HistoryRecord[] = [];
    const scan = this.scan((r) => records.push(r));
    return { records, ...scan };
  }

  /** Every record, the file's then the kept ones, one at a time (bounded memory); throws when the file cannot be read. */
  scan(onRecord: (r: HistoryRecord) => void): HistoryScan {
    const out: HistoryScan = { bad: [], badCount: 0 };
    for (const r of this.records(out)) onRecord(r);
    return out;
  }

  /** The same as a lazy sequence; `out` holds the damage once it is done. */
  *records(out: HistoryScan = { bad: [], badCount: 0 }): Generator<HistoryRecord, HistoryScan> {
    yield* historyRecords(this.path, out, this.io);
    yield* [...this.pending];
    return out;
  }

  private retryLater(): void {
    if (this.cancelRetry) return;
    const delay = this.retryDelay;
    this.retryDelay = Math.min(delay * 2, RETRY_MAX_MS);
    this.cancelRetry = this.schedule(delay, () => {
      this.cancelRetry = null;
      this.flush();
    });
  }
}
