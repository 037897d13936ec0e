import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InstanceCommand } from '../core/commands.ts';
import { parseArgs } from './command-line.ts';
import { controlSocketPath, instanceArgv, serveControl, socketForwarder } from './control-socket.ts';

const dirs: string[] = [];
const closers: (() => void)[] = [];
afterEach(() => {
  for (const c of closers.splice(0)) c();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'limber-ctl-'));
  dirs.push(d);
  return d;
};

function raw(path: string, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = createConnection(path);
    let buf = '';
    s.setEncoding('utf8');
    s.on('connect', () => s.write(text));
    s.on('data', (c: string) => (buf += c));
    s.on('end', () => resolve(buf));
    s.on('error', reject);
  });
}

describe('control socket', () => {
  it('is one path per data folder, short enough for a Unix socket', () => {
    expect(controlSocketPath('/a/b')).not.toBe(controlSocketPath('/a/c'));
    expect(controlSocketPath('/a/b')).toBe(controlSocketPath('/a/b/'));
    expect(controlSocketPath('/x'.repeat(200), 'linux', { XDG_RUNTIME_DIR: '/run/user/1000' }).length).toBeLessThan(100);
    expect(controlSocketPath('C:\\data', 'win32')).toMatch(/^\\\\\.\\pipe\\limber-/);
  });

  it('turns every instance command back into arguments that parse to the same command', () => {
    const commands: InstanceCommand[] = [
      { name: 'break', kind: null },
      { name: 'break', kind: 'long' },
      { name: 'snooze' },
      { name: 'skip' },
      { name: 'pause', minutes: 45, until: null },
      { name: 'pause', minutes: null, until: 'tomorrow' },
      { name: 'pause', minutes: null, until: null },
      { name: 'resume' },
      { name: 'status', json: true },
    ];
    for (const c of commands) {
      const r = parseArgs(instanceArgv(c));
      expect(r.kind === 'command' && { ...r.command, userDataDir: undefined }).toEqual({ ...c, userDataDir: undefined });
    }
  });

  it('carries a command to the handler and its answer back', async () => {
    const dir = tempDir();
    const seen: string[][] = [];
    const server = await serveControl(dir, (argv) => {
      seen.push(argv);
      return { exitCode: 0, output: 'Paused.' };
    });
    closers.push(server.close);
    const reply = await socketForwarder({ name: 'pause', minutes: 30, until: null }, dir);
    expect(seen).toEqual([['pause', '30']]);
    expect(reply).toEqual({ exitCode: 0, stdout: 'Paused.\n' });
  });

  it('refuses malformed messages without calling the handler', async () => {
    const dir = tempDir();
    let calls = 0;
    const server = await serveControl(dir, () => {
      calls++;
      return { exitCode: 0, output: '' };
    });
    closers.push(server.close);
    for (const bad of ['not json\n', '{"argv": "pause"}\n', '{"argv": [1, 2]}\n', 'null\n']) {
      expect(JSON.parse(await raw(server.path, bad))).toMatchObject({ exitCode: 2 });
    }
    expect(calls).toBe(0);
  });

  it('answers null when nothing is listening', async () => {
    expect(await socketForwarder({ name: 'snooze' }, tempDir())).toBeNull();
  });
});
