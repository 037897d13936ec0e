// The control socket under abuse from a client of the same user: random bytes, huge lines, many connections at once,
// connections that never finish. The server must refuse what is not a command, never call the handler for it, keep
// its memory bounded and still answer a real command afterwards. (Another user: control-socket.security.test.ts.)
import fc from 'fast-check';
import fs from 'node:fs';
import { createConnection } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveControl, socketForwarder } from './control-socket.ts';

let dir: string;
let server: { path: string; close(): void };
const handled: string[][] = [];
const savedRuntime = process.env.XDG_RUNTIME_DIR;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'limber-fuzz-'));
  process.env.XDG_RUNTIME_DIR = dir;
  server = await serveControl(path.join(dir, 'data'), (argv) => {
    handled.push(argv);
    return { exitCode: 0, output: `ok ${argv.join(' ')}` };
  });
});
afterAll(() => {
  server.close();
  if (savedRuntime === undefined) delete process.env.XDG_RUNTIME_DIR;
  else process.env.XDG_RUNTIME_DIR = savedRuntime;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Sends `data` (then ends the connection unless `keepOpen`); resolves to what came back and whether it was cut off. */
function send(data: Buffer | string, keepOpen = false): Promise<{ reply: string; error: string | null }> {
  return new Promise((resolve) => {
    const s = createConnection(server.path);
    let reply = '';
    let error: string | null = null;
    s.setEncoding('utf8');
    s.on('connect', () => (keepOpen ? s.write(data) : s.end(data)));
    s.on('data', (c: string) => (reply += c));
    s.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
    s.on('close', () => resolve({ reply, error }));
  });
}

const stillServes = async () => expect(await socketForwarder({ name: 'status', json: false }, path.join(dir, 'data'))).toEqual({ exitCode: 0, stdout: 'ok status\n', stderr: undefined });

describe('control socket fuzz', () => {
  it('random lines are refused without reaching the handler, and a real command still works', async () => {
    const before = handled.length;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')),
          fc.json().map((j) => j.replace(/"argv"/g, '"argV"')),
          fc.constantFrom('{"argv":null}', '{"argv":{}}', '{"argv":[["pause"]]}', '{"__proto__":{"argv":["pause"]}}', '{"argv":' + JSON.stringify(Array(17).fill('x')) + '}'),
        ),
        async (line) => {
          const { reply } = await send(line.replace(/\n/g, ' ') + '\n');
          // Refused with exit 2, or (a line the server could not take) cut off without an answer.
          if (reply) expect(JSON.parse(reply)).toEqual({ exitCode: 2, stderr: 'limber: malformed control message\n' });
        },
      ),
      { numRuns: 150 },
    );
    expect(handled.length).toBe(before);
    await stillServes();
  });

  it('a line of megabytes is cut off once it passes 64 KiB, with or without its newline', async () => {
    const before = handled.length;
    for (const tail of ['', '\n']) {
      const r = await send('{"argv":["' + 'p'.repeat(2 * 1024 * 1024) + '"]}' + tail);
      expect(r.reply).toBe('');
    }
    expect(handled.length).toBe(before);
    await stillServes();
  });

  it('1500 connections at once: each taken is answered once and correctly, in bounded memory; the server stays up', async () => {
    const before = handled.length;
    const heapBefore = process.memoryUsage().heapUsed;
    const replies = await Promise.all(Array.from({ length: 1500 }, (_, i) => send(JSON.stringify({ argv: ['pause', String(i + 1)] }) + '\n')));
    const answered = replies.filter((r) => r.reply !== '');
    replies.forEach((r, i) => {
      if (r.reply) expect(r.reply).toBe(`${JSON.stringify({ exitCode: 0, stdout: `ok pause ${i + 1}\n` })}\n`);
      // Past the listen backlog the kernel turns a connection away (EAGAIN): the client is told, nothing is half-done.
      else expect(r.error).toMatch(/EAGAIN|ECONNREFUSED|ECONNRESET/);
    });
    expect(answered.length).toBeGreaterThan(100);
    expect(handled.length - before).toBe(answered.length);
    // Generous: what matters is that nothing grows with what clients send (each buffer is capped at 64 KiB).
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
    await stillServes();
  });

  it('connections that never finish their line are closed after the timeout and do not block others', async () => {
    const silent = Array.from({ length: 30 }, () => send('{"argv":["pau', true));
    await stillServes();
    const closed = await Promise.all(silent);
    expect(closed.every((c) => c.reply === '')).toBe(true);
  });
});
