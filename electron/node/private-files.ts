// The data folder is the user's alone (docs/security-local.md): the folder 0700, every file in it 0600, set explicitly
// rather than left to the umask, and no file opened through a symbolic link or opened at all unless it is a regular
// file (a FIFO would hang the reader, a directory would crash it, a device would be read forever).
import fs from 'node:fs';
import path from 'node:path';

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

/** Zero where the platform has no such flag (Windows): there the lstat check before opening stands in for it. */
const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;
/** Opening a FIFO for reading waits for a writer; non-blocking, it returns at once and fstat tells what it is. */
const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;
const posix = process.platform !== 'win32';

/** A path in the data folder that is not a regular file of ours: refused, with what it is instead. */
export class NotARegularFile extends Error {
  readonly code = 'ENOTREG';
}

function kindOf(st: fs.Stats): string {
  if (st.isSymbolicLink()) return 'a symbolic link';
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

const refuse = (file: string, what: string) =>
  new NotARegularFile(`${path.basename(file)} is ${what}, not a regular file: Limber neither reads nor writes it (move it away to start afresh)`);

/** The file-system calls `openRegular` makes, so tests can stand in a failing disk. */
export type OpenFs = Pick<typeof fs, 'openSync' | 'fstatSync' | 'closeSync' | 'lstatSync'>;

/**
 * Opens `file` (flags as numbers, fs.constants) never through a symbolic link and never blocking on a FIFO; a file it
 * creates gets FILE_MODE whatever the umask. Throws NotARegularFile for anything but a regular file, ENOENT as usual.
 */
export function openRegular(file: string, flags: number, io: OpenFs = fs): number {
  if (!O_NOFOLLOW) {
    // Without O_NOFOLLOW (Windows): look first. A race remains there, and NTFS links need privileges to make.
    const st = lstatOrNull(file, io);
    if (st && !st.isFile()) throw refuse(file, kindOf(st));
  }
  let fd: number;
  try {
    fd = io.openSync(file, flags | O_NOFOLLOW | O_NONBLOCK, FILE_MODE);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // ELOOP: the last part of the path is a link (O_NOFOLLOW); EISDIR: a folder opened for writing; ENXIO: a FIFO with no reader.
    if (code === 'ELOOP' || code === 'EISDIR' || code === 'ENXIO' || code === 'EMLINK') {
      const st = lstatOrNull(file, io);
      throw refuse(file, st ? kindOf(st) : 'not a regular file');
    }
    throw e;
  }
  const st = io.fstatSync(fd);
  if (!st.isFile()) {
    io.closeSync(fd);
    throw refuse(file, kindOf(st));
  }
  return fd;
}

function lstatOrNull(file: string, io: Pick<typeof fs, 'lstatSync'> = fs): fs.Stats | null {
  try {
    return io.lstatSync(file);
  } catch {
    return null;
  }
}

/** Creates the data folder (and any missing parents) with DIR_MODE; an existing one is left as it is (see tightenModes). */
export function ensureDataDir(dir: string, io: Pick<typeof fs, 'mkdirSync'> = fs): void {
  io.mkdirSync(dir, { recursive: true, mode: DIR_MODE });
}

/** Writes a whole small file with FILE_MODE, never through a link, replacing what a regular file held. */
export function writePrivateFile(file: string, data: string): void {
  const c = fs.constants;
  const fd = openRegular(file, c.O_WRONLY | c.O_CREAT | c.O_TRUNC);
  try {
    fs.writeFileSync(fd, data);
  } finally {
    fs.closeSync(fd);
  }
}

/** A regular file's text (never a link's target, never blocking on a FIFO); throws as openRegular does. */
export function readRegularText(file: string): string {
  const fd = openRegular(file, fs.constants.O_RDONLY);
  try {
    return fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** Gives a file Limber made (a copy, a file moved aside) FILE_MODE, unless it is not a regular file of ours. */
export function makePrivate(file: string): void {
  if (!posix) return;
  const st = lstatOrNull(file);
  if (st?.isFile() && (st.mode & 0o777) !== FILE_MODE) fs.chmodSync(file, FILE_MODE);
}

/** What tightenModes changed, as words for the user; empty when everything was already private. */
export interface Tightened {
  changed: string[];
  /** Could not be changed (another owner, a read-only file system). */
  failed: string[];
}

/**
 * Takes away what group and others may do with the data folder and the regular files directly in it (modes that
 * came from a loose umask or an older version). Links are never followed; folders inside are left alone.
 */
export function tightenModes(dataDir: string): Tightened {
  const out: Tightened = { changed: [], failed: [] };
  if (!posix) return out;
  const uid = process.getuid?.();
  const fix = (file: string, st: fs.Stats, mode: number, name: string) => {
    if ((st.mode & 0o077) === 0) return;
    try {
      if (uid !== undefined && st.uid !== uid && uid !== 0) throw new Error(`owned by uid ${st.uid}`);
      fs.chmodSync(file, mode);
      out.changed.push(`${name} (was ${(st.mode & 0o777).toString(8)})`);
    } catch (e) {
      out.failed.push(`${name} (${(e as Error).message})`);
    }
  };
  const dirSt = lstatOrNull(dataDir);
  if (!dirSt?.isDirectory()) return out;
  fix(dataDir, dirSt, DIR_MODE, 'the data folder');
  let names: string[];
  try {
    names = fs.readdirSync(dataDir);
  } catch {
    return out;
  }
  for (const name of names.sort()) {
    const file = path.join(dataDir, name);
    const st = lstatOrNull(file);
    if (st?.isFile()) fix(file, st, FILE_MODE, name);
  }
  return out;
}
