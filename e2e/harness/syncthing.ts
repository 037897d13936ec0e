// Real Syncthing for the several-computers tests: instances on 127.0.0.1, each with a home of its own, sharing one
// folder. Nothing leaves the machine: global and local discovery, relays, NAT traversal, usage reporting, crash
// reports and upgrades are off; each device is told the others' ids and addresses.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface SyncthingInstance {
  name: string;
  home: string;
  /** The shared folder as this instance keeps it. */
  folder: string;
  deviceId: string;
  apiPort: number;
  listenPort: number;
  apiKey: string;
  process: ChildProcess | null;
  /** Syncthing's own output, for a failure's message. */
  output: string[];
}

export const FOLDER_ID = 'limber-e2e';

/** A port free on 127.0.0.1 now (released at once for Syncthing to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A home with its key and certificate (`syncthing generate`), and the device id it prints. */
async function generate(root: string, name: string): Promise<SyncthingInstance> {
  const home = join(root, `syncthing-${name}`);
  const folder = join(root, `folder-${name}`);
  mkdirSync(folder, { recursive: true });
  // Syncthing refuses a folder without its marker (so an unmounted disk is never taken for an emptied folder).
  mkdirSync(join(folder, '.stfolder'));
  const r = spawnSync('syncthing', ['generate', `--home=${home}`, '--no-default-folder'], { encoding: 'utf8' });
  const id = /Device ID: ([A-Z0-9-]{63})/.exec(`${r.stdout}${r.stderr}`)?.[1];
  if (r.status !== 0 || !id) throw new Error(`syncthing generate failed (${r.status}): ${r.stderr}${r.stdout}${r.error ? String(r.error) : ''}`);
  return { name, home, folder, deviceId: id, apiPort: await freePort(), listenPort: await freePort(), apiKey: `limber-e2e-${name}-${process.pid}`, process: null, output: [] };
}

/** The whole config.xml of one instance (Syncthing fills in the defaults of what is left out). */
function configXml(self: SyncthingInstance, all: readonly SyncthingInstance[]): string {
  const devices = all
    .map(
      (d) =>
        `  <device id="${d.deviceId}" name="${esc(d.name)}" compression="metadata" introducer="false">\n` +
        `    <address>${d === self ? 'dynamic' : `tcp://127.0.0.1:${d.listenPort}`}</address>\n  </device>`,
    )
    .join('\n');
  const members = all.map((d) => `    <device id="${d.deviceId}"></device>`).join('\n');
  return `<configuration version="36">
  <folder id="${FOLDER_ID}" label="Limber e2e" path="${esc(self.folder)}" type="sendreceive" rescanIntervalS="3600" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
    <filesystemType>basic</filesystemType>
${members}
    <minDiskFree unit="%">0</minDiskFree>
  </folder>
${devices}
  <gui enabled="true" tls="false">
    <address>127.0.0.1:${self.apiPort}</address>
    <apikey>${self.apiKey}</apikey>
  </gui>
  <options>
    <listenAddress>tcp://127.0.0.1:${self.listenPort}</listenAddress>
    <globalAnnounceEnabled>false</globalAnnounceEnabled>
    <localAnnounceEnabled>false</localAnnounceEnabled>
    <relaysEnabled>false</relaysEnabled>
    <natEnabled>false</natEnabled>
    <urAccepted>-1</urAccepted>
    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
    <crashReportingEnabled>false</crashReportingEnabled>
    <startBrowser>false</startBrowser>
    <reconnectionIntervalS>1</reconnectionIntervalS>
    <minHomeDiskFree unit="%">0</minHomeDiskFree>
  </options>
</configuration>
`;
}

async function api<T>(s: SyncthingInstance, path: string): Promise<T | null> {
  try {
    const r = await fetch(`http://127.0.0.1:${s.apiPort}${path}`, { headers: { 'X-API-Key': s.apiKey }, signal: AbortSignal.timeout(2000) });
    return r.ok ? ((await r.json()) as T) : null;
  } catch {
    return null;
  }
}

export function start(s: SyncthingInstance): void {
  const child = spawn('syncthing', ['serve', `--home=${s.home}`, '--no-browser', '--no-restart', '--no-upgrade', '--logflags=0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, STNOUPGRADE: '1', STNODEFAULTFOLDER: '1', STMONITORED: '1' },
  });
  const keep = (b: Buffer) => {
    s.output.push(...b.toString().split('\n').filter(Boolean));
    if (s.output.length > 200) s.output.splice(0, s.output.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  s.process = child;
}

/** Stop an instance: SIGKILL as a crash or a pulled cable would (nothing more leaves it), or SIGTERM. */
export async function stop(s: SyncthingInstance, signal: 'SIGKILL' | 'SIGTERM' = 'SIGTERM'): Promise<void> {
  const child = s.process;
  s.process = null;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Instances that know each other, started; resolves once every pair is connected. */
export async function startSyncthings(root: string, names: readonly string[], timeoutMs = 30_000): Promise<SyncthingInstance[]> {
  const all: SyncthingInstance[] = [];
  for (const n of names) all.push(await generate(root, n));
  for (const s of all) writeFileSync(join(s.home, 'config.xml'), configXml(s, all));
  for (const s of all) start(s);
  const deadline = Date.now() + timeoutMs;
  for (const s of all) {
    for (;;) {
      const conns = await api<{ connections: Record<string, { connected: boolean }> }>(s, '/rest/system/connections');
      const others = all.filter((o) => o !== s);
      if (conns && others.every((o) => conns.connections[o.deviceId]?.connected)) break;
      if (Date.now() > deadline) {
        await Promise.all(all.map((x) => stop(x, 'SIGKILL')));
        throw new Error(`Syncthing ${s.name} did not connect to the others within ${timeoutMs} ms:\n${s.output.slice(-20).join('\n')}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return all;
}
