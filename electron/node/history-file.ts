// history.jsonl in the data folder: one record a line, appended with O_APPEND and flushed to disk, so a crash
// leaves at most a torn last line and two processes appending at once lose nothing.
import fs from 'node:fs';
import path from 'node:path';
import { parseHistory, serializeRecord, validateRecord, type BadLine, type HistoryRecord } from '../core/history.ts';

export const HISTORY_FILE = 'history.jsonl';

/** Whether the file ends in the middle of a line (a torn write), read from its last byte only. */
export function endsMidLine(fd: number): boolean {
  const size = fs.fstatSync(fd).size;
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  fs.readSync(fd, last, 0, 1, size - 1);
  return last[0] !== 0x0a;
}

/** Appends one record as one write(2) on an O_APPEND descriptor, then fsyncs. Throws on I/O errors. */
export function appendRecord(file: string, record: HistoryRecord): void {
  const checked = validateRecord(record);
  if (!checked.ok) throw new Error(`not a valid history record: ${checked.reason}`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'a+');
  try {
    // After a torn line, start on a new line so the torn one stays separate (and reported) instead of swallowing this one.
    const line = (endsMidLine(fd) ? '\n' : '') + serializeRecord(checked.record) + '\n';
    fs.writeSync(fd, line);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Every valid record and every damaged line; a missing file is an empty history. */
export function readHistoryFile(file: string): { records: HistoryRecord[]; bad: BadLine[] } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], bad: [] };
    throw e;
  }
  return parseHistory(text);
}

// Fits ports.ts's HistoryStorePort: node/ may not import the app layer, so main.ts and the harness, which plug it in, check that.
export class HistoryFile {
  readonly path: string;
  constructor(dataDir: string) {
    this.path = path.join(dataDir, HISTORY_FILE);
  }
  append(record: HistoryRecord): void {
    appendRecord(this.path, record);
  }
  readAll(): HistoryRecord[] {
    return readHistoryFile(this.path).records;
  }
  /** With the damaged lines, for doctor and the statistics window's notice. */
  read(): { records: HistoryRecord[]; bad: BadLine[] } {
    return readHistoryFile(this.path);
  }
}
