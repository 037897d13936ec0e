// A private desktop for the presence and hold tests: two D-Bus daemons (a session bus and a stand-in system bus),
// the fake GNOME/KDE/logind services on them, and helpers to drive those services like the desktop would.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDbus, type BusName, type DbusPort } from '../../electron/node/presence/dbus.ts';

const FAKE = path.join(import.meta.dirname, 'fake-desktop.py');
/** Debian's python3, which has python3-dbus and python3-gi (a python from elsewhere may lack them). */
const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

export interface PrivateDesktop {
  dir: string;
  session: string;
  system: string;
  /** A D-Bus client on both buses, for driving the fakes. */
  bus: DbusPort;
  control(bus: BusName, dest: string, objPath: string, member: string, signature: string, body: unknown[]): Promise<unknown[]>;
  /** Start another service (e.g. a hung one); stopped with the desktop. */
  run(args: string[], bus?: BusName): Promise<ChildProcess>;
  close(): Promise<void>;
}

async function daemon(dir: string, name: string, children: ChildProcess[]): Promise<string> {
  const child = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1', `--address=unix:path=${path.join(dir, name)}`], { stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(child);
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  return chunk.toString().trim();
}

async function ready(child: ChildProcess): Promise<void> {
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`fake service exited (${code}): ${err}`)));
  });
}

export async function startPrivateDesktop(): Promise<PrivateDesktop> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'limber-desktop-'));
  const children: ChildProcess[] = [];
  const session = await daemon(dir, 'session', children);
  const system = await daemon(dir, 'system', children);
  const run = async (args: string[], bus: BusName = 'session') => {
    const child = spawn(PYTHON, [FAKE, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: bus === 'system' ? system : session } });
    children.push(child);
    await ready(child);
    return child;
  };
  await Promise.all([run(['--session']), run(['--system'], 'system')]);
  // Driving the fakes is not what is tested: their answers may take seconds on a loaded machine.
  const bus = createDbus(() => {}, { session, system }, 30_000);
  return {
    dir,
    session,
    system,
    bus,
    control: (b, dest, objPath, member, signature, body) => bus.call(b, dest, objPath, 'org.limber.Test', member, signature, body),
    run,
    async close() {
      bus.close();
      for (const c of children.reverse()) c.kill('SIGTERM');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
