// The running app's control socket: `limber pause 30` typed in a terminal reaches the instance that is running and
// prints its answer. A Unix socket (a named pipe on Windows) per data folder; one JSON line each way.
//
// Only the user who runs Limber may reach it or stand in for it (docs/security-local.md): the socket lives in a directory
// of that user's own (mode 0700, its owner checked with lstat), the socket itself is 0600, and the command line talks
// only to a socket, in such a directory, owned by the same user.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { InstanceCommand } from '../core/commands.ts';

/** The app's answer: its exit code and what to print. */
export interface InstanceReply {
  exitCode: number;
  stdout?: string;
  stderr?: string;
}

/** Delivers a command to the running instance; resolves to null when none is reachable. */
export type InstanceForwarder = (command: InstanceCommand, dataDir: string) => Promise<InstanceReply | null>;

const MAX_LINE = 64 * 1024;
const TIMEOUT_MS = 3000;
/** sun_path holds 108 bytes on Linux and 104 on macOS, the terminating NUL included. */
export const MAX_SOCKET_PATH = 103;

/** Who the socket belongs to: the uid on Unix; on Windows the account's name and domain (the SID needs a native call). */
export interface SocketUser {
  uid: number;
  name: string;
}

function currentUser(): SocketUser {
  const info = os.userInfo();
  return { uid: info.uid, name: info.username };
}

const hash16 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * Where the socket for `dataDir` lives. Unix: `$XDG_RUNTIME_DIR/limber/<id>.sock` (the runtime directory is the
 * user's own), else `<tmp>/limber-<uid>/<id>.sock`; a runtime directory too long for a socket path falls back to the
 * temporary folder, and that to /tmp. Windows: a pipe whose name carries a hash of the user, so users never share one.
 */
export function controlSocketPath(dataDir: string, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, user: SocketUser = currentUser()): string {
  if (platform === 'win32') {
    const id = hash16(path.win32.resolve(dataDir).toLowerCase());
    const who = hash16(`${env['USERDOMAIN'] ?? ''}\\${user.name}`.toLowerCase());
    return `\\\\.\\pipe\\limber-${who}-${id}`;
  }
  const file = `${hash16(path.posix.resolve(dataDir))}.sock`;
  const tmp = (env['TMPDIR'] || '/tmp').replace(/(.)\/+$/, '$1');
  const candidates = [
    ...(env['XDG_RUNTIME_DIR'] && path.posix.isAbsolute(env['XDG_RUNTIME_DIR']) ? [path.posix.join(env['XDG_RUNTIME_DIR'], 'limber')] : []),
    path.posix.join(tmp, `limber-${user.uid}`),
    `/tmp/limber-${user.uid}`,
  ];
  const dir = candidates.find((d) => Buffer.byteLength(path.posix.join(d, file)) <= MAX_SOCKET_PATH) ?? candidates.at(-1)!;
  return path.posix.join(dir, file);
}

/** Why `dir` is not a private directory of `uid` (a link, not a folder, another owner, others may write), or null. */
export function privateDirProblem(st: Pick<fs.Stats, 'isDirectory' | 'isSymbolicLink' | 'uid' | 'mode'>, uid: number): string | null {
  if (st.isSymbolicLink()) return 'is a symbolic link';
  if (!st.isDirectory()) return 'is not a directory';
  if (st.uid !== uid) return `belongs to another user (uid ${st.uid})`;
  if ((st.mode & 0o022) !== 0) return `can be written by other users (mode ${(st.mode & 0o777).toString(8)})`;
  return null;
}

/** Makes (or checks) the socket's directory: created 0700, then lstat must show our own directory; looser modes are tightened. */
function ensureSocketDir(dir: string, uid: number): void {
  fs.mkdirSync(path.dirname(dir), { recursive: true, mode: 0o700 });
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const st = fs.lstatSync(dir);
  if (st.isSymbolicLink() || !st.isDirectory() || st.uid !== uid) throw new Error(`${dir} ${privateDirProblem(st, uid)}`);
  if ((st.mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
}

/** Clears a socket left by a crashed run (the single-instance lock says none is live); refuses anything else. */
function clearStale(file: string, uid: number): void {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  if (st.uid !== uid) throw new Error(`${file} belongs to another user (uid ${st.uid})`);
  fs.rmSync(file, { force: true });
}

/** The argv a parsed instance command came from, for the running app to parse again (it trusts no one). */
export function instanceArgv(c: InstanceCommand): string[] {
  switch (c.name) {
    case 'break':
      return c.kind ? ['break', c.kind] : ['break'];
    case 'pause':
      return ['pause', ...(c.until ? [c.until] : c.minutes !== null ? [String(c.minutes)] : [])];
    case 'status':
      return c.json ? ['status', '--json'] : ['status'];
    default:
      return [c.name];
  }
}

function isArgv(x: unknown): x is string[] {
  return Array.isArray(x) && x.length <= 16 && x.every((a) => typeof a === 'string' && a.length <= 256);
}

/**
 * Listen for commands; `handle` gets a validated argv. Resolves once listening; rejects (never throws) with a message
 * that says what is wrong when the socket cannot be had, so the app starts without it.
 */
export async function serveControl(
  dataDir: string,
  handle: (argv: string[]) => { exitCode: number; output: string },
  log: (message: string) => void = () => {},
): Promise<{ path: string; close(): void }> {
  const file = controlSocketPath(dataDir);
  const unix = process.platform !== 'win32';
  if (unix) {
    const uid = process.getuid!();
    try {
      ensureSocketDir(path.dirname(file), uid);
      clearStale(file, uid);
    } catch (e) {
      throw new Error(`the control socket's place is not safe to use (${(e as Error).message}); the command line cannot reach this instance`, { cause: e });
    }
  }
  const server: Server = createServer((socket) => {
    let buf = '';
    let answered = false;
    socket.setEncoding('utf8');
    socket.setTimeout(TIMEOUT_MS, () => socket.destroy());
    socket.on('error', () => {});
    socket.on('data', (chunk: string) => {
      // One command per connection: what follows the first line is not another command.
      if (answered) return;
      buf += chunk;
      if (buf.length > MAX_LINE) return socket.destroy();
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      answered = true;
      let reply: InstanceReply;
      try {
        const msg: unknown = JSON.parse(buf.slice(0, nl));
        buf = '';
        const argv = (msg as { argv?: unknown } | null)?.argv;
        if (!isArgv(argv)) throw new Error('argv must be a short list of strings');
        const r = handle(argv);
        reply = { exitCode: r.exitCode, ...(r.exitCode === 0 ? { stdout: `${r.output}\n` } : { stderr: `${r.output}\n` }) };
      } catch (e) {
        log(`refused a control message: ${(e as Error).message}`);
        reply = { exitCode: 2, stderr: 'limber: malformed control message\n' };
      }
      socket.end(JSON.stringify(reply) + '\n');
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(file, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  // The directory already keeps others out; the socket's own mode says the same for anyone who checks it alone.
  if (unix) fs.chmodSync(file, 0o600);
  return {
    path: file,
    close: () => {
      server.close();
      if (unix) fs.rmSync(file, { force: true });
    },
  };
}

/** Why the command line will not talk to the socket at `file`, or null when it is ours (or absent: nothing listens). */
export function socketProblem(file: string, uid: number): string | null {
  const dir = path.dirname(file);
  let st: fs.Stats;
  try {
    st = fs.lstatSync(dir);
  } catch {
    return null;
  }
  const dirProblem = privateDirProblem(st, uid);
  if (dirProblem) return `${dir} ${dirProblem}`;
  try {
    st = fs.lstatSync(file);
  } catch {
    return null;
  }
  if (!st.isSocket()) return `${file} is not a socket`;
  if (st.uid !== uid) return `${file} belongs to another user (uid ${st.uid})`;
  return null;
}

/** The command line's way to the running instance; null when nothing answers on the socket. */
export const socketForwarder: InstanceForwarder = async (command, dataDir) => {
  const file = controlSocketPath(dataDir);
  if (process.platform !== 'win32') {
    const problem = socketProblem(file, process.getuid!());
    if (problem) return { exitCode: 1, stderr: `limber: cannot reach Limber: refused the control socket (${problem})\n` };
  }
  return new Promise((done) => {
    const socket = createConnection(file);
    let buf = '';
    const finish = (r: InstanceReply | null) => {
      socket.destroy();
      done(r);
    };
    socket.setEncoding('utf8');
    socket.setTimeout(TIMEOUT_MS, () => finish(null));
    socket.on('error', () => finish(null));
    socket.on('connect', () => socket.write(JSON.stringify({ argv: instanceArgv(command) }) + '\n'));
    socket.on('data', (chunk: string) => {
      buf += chunk;
      if (buf.length > MAX_LINE) return finish(null);
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      try {
        const r = JSON.parse(buf.slice(0, nl)) as Record<string, unknown> | null;
        const text = (x: unknown) => (typeof x === 'string' ? x : undefined);
        const ok = r !== null && typeof r === 'object' && typeof r['exitCode'] === 'number';
        finish(ok ? { exitCode: r['exitCode'] as number, stdout: text(r['stdout']), stderr: text(r['stderr']) } : null);
      } catch {
        finish(null);
      }
    });
  });
};
