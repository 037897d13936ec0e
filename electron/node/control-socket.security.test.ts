// The control socket against another user on the same computer and against a client that misbehaves. The other user
// is a real one (uid 65534): these tests need root to start it and skip, saying so, without.
import fs from 'node:fs';
import { createConnection } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OTHER_UID, spawnAsOtherUser, startAsOtherUser } from '../../e2e/harness/for-other-user.ts';
import { controlSocketPath, serveControl, socketForwarder } from './control-socket.ts';

const saved = { XDG_RUNTIME_DIR: process.env.XDG_RUNTIME_DIR, TMPDIR: process.env.TMPDIR };
/** A shared, sticky temporary folder like /tmp, so what another user does there touches no other test. */
let sharedTmp: string;
const dirs: string[] = [];
const closers: (() => void)[] = [];

const systemTmp = os.tmpdir();
beforeAll(() => {
  // As under su, sudo, SSH or in a container: no runtime directory.
  delete process.env.XDG_RUNTIME_DIR;
});
beforeEach(() => {
  sharedTmp = fs.mkdtempSync(path.join(systemTmp, 'limber-shared-'));
  fs.chmodSync(sharedTmp, 0o1777);
  dirs.push(sharedTmp);
  process.env.TMPDIR = sharedTmp;
});
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});
afterEach(() => {
  for (const c of closers.splice(0)) c();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const dataDir = () => {
  const d = fs.mkdtempSync(path.join(systemTmp, 'limber-data-'));
  dirs.push(d);
  return d;
};

const root = process.getuid?.() === 0;
const NEEDS_ROOT = 'needs root to act as a second local user';

/** Connects as another user and sends a command; what it got back (or its error code). */
const CONNECT_AS_OTHER = `
const s = require('node:net').createConnection(process.argv[1]);
let buf = '';
s.setEncoding('utf8');
s.on('connect', () => s.write(JSON.stringify({ argv: ['pause'] }) + '\\n'));
s.on('data', (c) => (buf += c));
s.on('end', () => { process.stdout.write('REPLY ' + buf); });
s.on('error', (e) => { process.stdout.write('ERROR ' + e.code); });
`;

/** Makes the place of a socket path first (every missing folder, world-writable, then the path as a file). */
const SQUAT = `
const fs = require('node:fs'); const path = require('node:path');
const file = process.argv[1];
fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o777 });
try { fs.chmodSync(path.dirname(file), 0o777); } catch {}
fs.writeFileSync(file, 'mine');
process.stdout.write('squatted');
`;

/** Listens where the user's command line will look, and answers with escape sequences meant for the user's terminal. */
const IMPOSTOR = `
const fs = require('node:fs'); const path = require('node:path');
const file = process.argv[1];
fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o777 });
try { fs.chmodSync(path.dirname(file), 0o777); } catch {}
const server = require('node:net').createServer((s) => {
  s.on('data', () => s.end(JSON.stringify({ exitCode: 0, stdout: '\\u001b]0;owned\\u0007\\u001b]52;c;ZWNobyBoaQ==\\u0007Paused by the impostor\\n' }) + '\\n'));
});
server.listen(file, () => { fs.chmodSync(file, 0o777); process.stdout.write('listening\\n'); });
setTimeout(() => process.exit(0), 20000);
`;

describe('control socket: another local user', () => {
  it('cannot reach the socket, even under umask 000', async (ctx) => {
    if (!root) return ctx.skip(NEEDS_ROOT);
    const old = process.umask(0);
    let calls = 0;
    try {
      const server = await serveControl(dataDir(), () => {
        calls++;
        return { exitCode: 0, output: 'Paused.' };
      });
      closers.push(server.close);
      // The socket and its folder: 0600 and 0700, the folder the user's own and no link.
      expect(fs.lstatSync(server.path).mode & 0o777).toBe(0o600);
      const dir = fs.lstatSync(path.dirname(server.path));
      expect(dir.isDirectory() && !dir.isSymbolicLink()).toBe(true);
      expect(dir.mode & 0o777).toBe(0o700);
      expect(dir.uid).toBe(process.getuid!());
      const r = spawnAsOtherUser(CONNECT_AS_OTHER, [server.path]);
      if (!r) return ctx.skip(NEEDS_ROOT);
      expect(r.stdout).toMatch(/^ERROR (EACCES|ENOENT)/);
      expect(calls).toBe(0);
    } finally {
      process.umask(old);
    }
  });

  it.for([
    ['the folder and the socket path', (p: string) => p],
    ['the folder alone', (p: string) => path.join(path.dirname(p), 'other')],
  ] as const)('cannot stop Limber from starting by taking %s first: start-up goes on with a clear message', async ([, squatted], ctx) => {
    if (!root) return ctx.skip(NEEDS_ROOT);
    const dir = dataDir();
    const r = spawnAsOtherUser(SQUAT, [squatted(controlSocketPath(dir))]);
    if (!r) return ctx.skip(NEEDS_ROOT);
    expect(r.stdout).toBe('squatted');
    // Never a synchronous throw (that would end start-up): a rejection the app logs and lives with.
    let started: Promise<unknown> | undefined;
    expect(() => (started = serveControl(dir, () => ({ exitCode: 0, output: '' })))).not.toThrow();
    await expect(started).rejects.toThrow(/not safe to use.*another user.*command line cannot reach this instance/);
    // The command line then says it cannot reach the app, and prints nothing of the other user's.
    const reply = await socketForwarder({ name: 'snooze' }, dir);
    expect(reply?.exitCode ?? 1).toBe(1);
    expect(reply?.stderr ?? '').toMatch(/cannot reach Limber.*another user/);
  });

  it('cannot answer the user\'s command line: a socket owned by someone else is refused', async (ctx) => {
    if (!root) return ctx.skip(NEEDS_ROOT);
    const dir = dataDir();
    const impostor = startAsOtherUser(IMPOSTOR, [controlSocketPath(dir)]);
    if (!impostor) return ctx.skip(NEEDS_ROOT);
    closers.push(() => impostor.kill());
    const listening = await new Promise<boolean>((resolve) => {
      impostor.stdout!.on('data', () => resolve(true));
      impostor.on('exit', () => resolve(false));
    });
    if (!listening) return ctx.skip('the other user could not listen');
    const reply = await socketForwarder({ name: 'pause', minutes: null, until: null }, dir);
    expect(reply?.stdout ?? '').not.toMatch(/impostor/);
    expect(reply).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/refused the control socket.*another user \(uid 65534\)/) });
    expect(OTHER_UID).toBe(65534);
  });
});

describe('control socket: where it lives', () => {
  it('is a socket in a folder of the user\'s own when there is no runtime directory', () => {
    const p = controlSocketPath('/home/u/.config/Limber', 'linux', { TMPDIR: '/tmp' }, { uid: 1000, name: 'u' });
    expect(path.posix.dirname(p)).toBe('/tmp/limber-1000');
    const q = controlSocketPath('/home/u/.config/Limber', 'linux', { XDG_RUNTIME_DIR: '/run/user/1000' }, { uid: 1000, name: 'u' });
    expect(path.posix.dirname(q)).toBe('/run/user/1000/limber');
  });

  it('stays within the length a Unix socket path allows, whatever the runtime folder', () => {
    const long = '/run/' + 'x'.repeat(150);
    for (const env of [{ XDG_RUNTIME_DIR: long }, { TMPDIR: long }, { XDG_RUNTIME_DIR: long, TMPDIR: long }]) {
      expect(Buffer.byteLength(controlSocketPath('/d', 'linux', env, { uid: 4294967294, name: 'u' }))).toBeLessThanOrEqual(103);
    }
  });

  // Windows itself cannot run here: this checks the name only (see docs/security-local.md for what Node cannot set on a pipe).
  it('on Windows is a pipe per user: two users with the same data folder path never share one', () => {
    const a = controlSocketPath('C:\\Users\\Shared\\Limber', 'win32', { USERDOMAIN: 'PC' }, { uid: -1, name: 'alice' });
    const b = controlSocketPath('C:\\Users\\Shared\\Limber', 'win32', { USERDOMAIN: 'PC' }, { uid: -1, name: 'bob' });
    expect(a).toMatch(/^\\\\\.\\pipe\\limber-[0-9a-f]{16}-[0-9a-f]{16}$/);
    expect(a).not.toBe(b);
    expect(controlSocketPath('c:\\users\\shared\\limber', 'win32', { USERDOMAIN: 'pc' }, { uid: -1, name: 'ALICE' })).toBe(a);
  });
});

describe('control socket: a client that misbehaves', () => {
  it('handles a line once when more data follows it', async () => {
    const seen: string[][] = [];
    const server = await serveControl(dataDir(), (argv) => {
      seen.push(argv);
      return { exitCode: 0, output: 'ok' };
    });
    closers.push(server.close);
    await new Promise<void>((resolve, reject) => {
      // Half-open: the client keeps writing after the answer has come.
      const s = createConnection({ path: server.path, allowHalfOpen: true });
      s.on('connect', () => s.write(JSON.stringify({ argv: ['snooze'] }) + '\n'));
      s.once('data', () => setTimeout(() => s.end(JSON.stringify({ argv: ['skip'] }) + '\nmore'), 20));
      s.on('data', () => {});
      s.on('close', () => resolve());
      s.on('error', reject);
    });
    expect(seen).toEqual([['snooze']]);
  });
});
