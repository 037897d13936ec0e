// history.jsonl in the data folder: one record a line, appended with O_APPEND and flushed to disk, so a crash
// leaves at most a torn last line and two processes appending at once lose nothing. A record that cannot be written
// (disk full, no permission, an I/O error) is kept in memory and written later: at the next append, on a backoff
// retry, or on quit.
import fs from 'node:fs';
import path from 'node:path';
import { parseHistory, serializeRecord, validateRecord, type BadLine, type HistoryRecord } from '../core/history.ts';
import { errorText } from './files.ts';

export const HISTORY_FILE = 'history.jsonl';

/** The file-system calls the history makes, so a failing disk can stand in for the real one. */
export type HistoryFs = Pick<typeof fs, 'mkdirSync' | 'openSync' | 'fstatSync' | 'readSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'readFileSync'>;

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
  io.mkdirSync(path.dirname(file), { recursive: true });
  const fd = io.openSync(file, 'a+');
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

/** Every valid record and every damaged line; a missing file is an empty history. */
export function readHistoryFile(file: string, io: Pick<HistoryFs, 'readFileSync'> = fs): { records: HistoryRecord[]; bad: BadLine[] } {
  let text: string;
  try {
    text = io.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], bad: [] };
    throw e;
  }
  return parseHistory(text);
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
  /** Records not on disk yet, oldest first. */
  private pending: HistoryRecord[] = [];
  private retryDelay = RETRY_FIRST_MS;
  private cancelRetry: (() => void) | null = null;

  constructor(dataDir: string, opts: HistoryFileOptions = {}) {
    this.path = path.join(dataDir, HISTORY_FILE);
    this.io = opts.fs ?? fs;
    this.schedule = opts.schedule ?? unrefTimer;
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

  /** Kept records count too: the statistics never miss a break because the disk was full. */
  readAll(): HistoryRecord[] {
    return [...readHistoryFile(this.path, this.io).records, ...this.pending];
  }

  /** With the damaged lines, for doctor and the statistics window's notice. */
  read(): { records: HistoryRecord[]; bad: BadLine[] } {
    const { records, bad } = readHistoryFile(this.path, this.io);
    return { records: [...records, ...this.pending], bad };
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
