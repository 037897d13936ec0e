// Small file helpers shared by the settings store, the history and doctor.
import fs from 'node:fs';
import { makePrivate } from './private-files.ts';

/** A timestamp safe in file names on every platform (no colons): 2026-11-23T08-55-00-000Z. */
export function fileStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-');
}

/**
 * Renames `file` to `<file>.corrupt-<timestamp>` (a rename keeps every byte and is atomic); never overwrites an
 * earlier copy. Returns the new path; throws if the rename fails.
 */
export function moveAside(file: string, now: number, label = 'corrupt'): string {
  const base = `${file}.${label}-${fileStamp(now)}`;
  let target = base;
  for (let n = 1; fs.existsSync(target); n++) target = `${base}-${n}`;
  fs.renameSync(file, target);
  // The original may carry a loose mode from an older version or a hand edit; the copy kept is the user's alone.
  makePrivate(target);
  return target;
}

/** An error as one short line: the errno code when there is one (EACCES, ENOSPC…), with its message. */
export function errorText(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as NodeJS.ErrnoException).code;
    return code && !e.message.startsWith(code) ? `${code}: ${e.message}` : e.message;
  }
  return String(e);
}
