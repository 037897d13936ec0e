// The running app's control socket: `limber pause 30` typed in a terminal reaches the instance that is running and
// prints its answer. A Unix socket (a named pipe on Windows) per data folder; one JSON line each way.
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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

/** Short and per data folder: socket paths are limited to about 100 bytes. */
export function controlSocketPath(dataDir: string, platform = process.platform, env = process.env): string {
  const id = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  if (platform === 'win32') return `\\\\.\\pipe\\limber-${id}`;
  return join(env.XDG_RUNTIME_DIR || tmpdir(), `limber-${id}.sock`);
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

/** Listen for commands; `handle` gets a validated argv. Resolves once listening. */
export function serveControl(
  dataDir: string,
  handle: (argv: string[]) => { exitCode: number; output: string },
  log: (message: string) => void = () => {},
): Promise<{ path: string; close(): void }> {
  const path = controlSocketPath(dataDir);
  // A socket file left by a crashed run would block listening; a live instance holds the single-instance lock.
  if (process.platform !== 'win32') rmSync(path, { force: true });
  const server: Server = createServer((socket) => {
    let buf = '';
    socket.setEncoding('utf8');
    socket.setTimeout(TIMEOUT_MS, () => socket.destroy());
    socket.on('error', () => {});
    socket.on('data', (chunk: string) => {
      buf += chunk;
      if (buf.length > MAX_LINE) return socket.destroy();
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      let reply: InstanceReply;
      try {
        const msg: unknown = JSON.parse(buf.slice(0, nl));
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
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolveListen({
        path,
        close: () => {
          server.close();
          if (process.platform !== 'win32') rmSync(path, { force: true });
        },
      });
    });
  });
}

/** The command line's way to the running instance; null when nothing answers on the socket. */
export const socketForwarder: InstanceForwarder = (command, dataDir) =>
  new Promise((done) => {
    const socket = createConnection(controlSocketPath(dataDir));
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
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      try {
        const r = JSON.parse(buf.slice(0, nl)) as InstanceReply;
        finish(typeof r.exitCode === 'number' ? r : null);
      } catch {
        finish(null);
      }
    });
  });
