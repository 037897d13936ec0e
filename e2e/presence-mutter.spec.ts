// Idle presence on GNOME's real compositor: Debian's mutter, headless (`--headless --wayland --no-x11
// --virtual-monitor`), inside its own `dbus-run-session`, serves org.gnome.Mutter.IdleMonitor as on a GNOME desktop.
// Input that ends an idle stretch is injected through Mutter's own org.gnome.Mutter.RemoteDesktop, the way a
// remote-desktop client moves the pointer and presses keys; nothing of Mutter is stood in for.
// The stand-in services in e2e/desktop/fake-desktop.py remain only for what cannot run here: GNOME's screensaver
// lock (org.gnome.ScreenSaver belongs to gnome-shell, not mutter) and logind (it needs systemd as the system's init).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { ScriptedActivity } from './harness/test-ports.ts';
import { VirtualClock } from '../electron/core/clock.ts';
import { createDbus, type DbusPort } from '../electron/node/presence/dbus.ts';
import { DesktopPresence } from '../electron/node/presence/desktop-presence.ts';

const MIN = 60_000;
const START = '2026-11-23T09:00:00+01:00';
/** The app's idle watch is 30 s; here 1 s, so a real idle stretch takes a second, not half a minute. */
const WATCH_MS = 1000;
const IDLE = ['org.gnome.Mutter.IdleMonitor', '/org/gnome/Mutter/IdleMonitor/Core', 'org.gnome.Mutter.IdleMonitor'] as const;
const REMOTE = 'org.gnome.Mutter.RemoteDesktop';

let tmp: string;
let mutter: ChildProcess;
let address: string;
/** The test's own connection: it created the remote-desktop session, so only it may inject input into it. */
let driver: DbusPort;
let session: string;

const idleMs = async () => Number((await driver.call('session', ...IDLE, 'GetIdletime'))[0]);
const inject = (member: string, signature: string, body: unknown[]) => driver.call('session', REMOTE, session, `${REMOTE}.Session`, member, signature, body);

test.beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'limber-mutter-'));
  const runtime = path.join(tmp, 'run');
  fs.mkdirSync(runtime, { mode: 0o700 });
  // Its own process group, so closing stops mutter and its bus together.
  mutter = spawn('dbus-run-session', ['--', 'sh', '-c', 'echo "$DBUS_SESSION_BUS_ADDRESS"; exec mutter --headless --wayland --no-x11 --virtual-monitor 1280x800'], {
    stdio: ['ignore', 'pipe', 'ignore'],
    detached: true,
    env: { PATH: process.env.PATH, HOME: tmp, XDG_RUNTIME_DIR: runtime },
  });
  address = await new Promise<string>((resolve, reject) => {
    mutter.stdout!.once('data', (c: Buffer) => resolve(c.toString().trim()));
    mutter.once('exit', (code) => reject(new Error(`dbus-run-session with mutter exited (${code})`)));
  });
  // Driving mutter is not what is tested: its answers may take seconds on a loaded machine.
  driver = createDbus(() => {}, { session: address }, 30_000);
  await expect.poll(() => idleMs().then(() => true, () => false), { message: 'mutter serves its idle monitor', timeout: 30_000 }).toBe(true);
  [session] = (await driver.call('session', REMOTE, '/org/gnome/Mutter/RemoteDesktop', REMOTE, 'CreateSession')) as [string];
  await driver.call('session', REMOTE, session, `${REMOTE}.Session`, 'Start');
});

test.afterAll(() => {
  driver?.close();
  if (mutter?.pid) process.kill(-mutter.pid, 'SIGTERM');
  fs.rmSync(tmp, { recursive: true, force: true });
});

/**
 * The app's bus to mutter, counting the methods it calls. With `signalsLateMs`, signals are handed on that much
 * later: a WatchFired read apart from the reply it follows, as a loaded machine reads them now and then.
 */
function counted(port: DbusPort, signalsLateMs = 0): DbusPort & { calls: string[]; replies: string[] } {
  const calls: string[] = [];
  const replies: string[] = [];
  return {
    calls,
    replies,
    call: (...a) => (calls.push(a[4]), port.call(...a).then((r) => (replies.push(a[4]), r))),
    getProperty: (...a) => port.getProperty(...a),
    onSignal: (bus, rule, cb) => port.onSignal(bus, rule, (body) => (signalsLateMs ? void setTimeout(() => cb(body), signalsLateMs) : cb(body))),
    close: () => port.close(),
  };
}

// Harness-only: presence is handed to the app over this compositor's bus; Electron's main builds its own.
test('idle from the real compositor: already idle at start keeps its start, input ends the stretch, a new one begins', async ({ launch }) => {
  const clock = new VirtualClock(START);
  const bus = counted(createDbus(() => {}, { session: address }), 200);
  const presence = new DesktopPresence({ bus, clock, env: { XDG_SESSION_TYPE: 'wayland' }, fallback: new ScriptedActivity(() => clock.now()), idleWatchMs: WATCH_MS });
  // Nobody has touched this compositor: idle well past the watch when the app starts, so mutter fires the new watch
  // at once, right after its reply.
  await expect.poll(idleMs, { message: 'idle past the watch', timeout: 30_000 }).toBeGreaterThan(3 * WATCH_MS);
  const idleAtStart = await idleMs();
  expect(await presence.start()).toMatchObject({ idle: 'gnome-mutter', problem: null });
  // Let the late WatchFired arrive: it must not restart the stretch at "one watch ago" nor add a second watch.
  await new Promise((r) => setTimeout(r, 1000));
  expect(presence.idleSeconds()).toBeGreaterThanOrEqual(idleAtStart / 1000);
  expect(bus.calls.filter((c) => c === 'AddUserActiveWatch')).toHaveLength(1);
  // Input only once mutter has the watch (input and the watch come over different connections).
  await expect.poll(() => bus.replies.filter((c) => c === 'AddUserActiveWatch').length).toBe(1);

  const h = await launch({ realNotifications: false, clock, presence });
  h.clock.advanceBy(5 * MIN);
  expect(h.app.status().phase).toBe('away');
  // The pointer moves: mutter fires the user-active watch.
  await inject('NotifyPointerMotionRelative', 'dd', [10, 5]);
  await expect.poll(() => presence.idleSeconds(), { message: 'the user-active watch fired', timeout: 30_000 }).toBe(0);
  h.clock.advanceBy(MIN);
  expect(h.app.status().phase).toBe('working');
  // No input for a second: the idle watch fires again, and a key press ends that stretch too.
  await expect.poll(() => presence.idleSeconds(), { message: 'the idle watch fired again', timeout: 30_000 }).toBeGreaterThanOrEqual(WATCH_MS / 1000);
  await expect.poll(() => bus.replies.filter((c) => c === 'AddUserActiveWatch').length, { timeout: 30_000 }).toBe(2);
  await inject('NotifyKeyboardKeycode', 'ub', [30, true]);
  await inject('NotifyKeyboardKeycode', 'ub', [30, false]);
  await expect.poll(() => presence.idleSeconds(), { message: 'a key press ended the stretch', timeout: 30_000 }).toBe(0);
  // Event-driven: idle time was asked once, at the start; the idle watch was added once and kept.
  expect(bus.calls.filter((c) => c === 'GetIdletime' || c === 'AddIdleWatch')).toEqual(['GetIdletime', 'AddIdleWatch']);
  presence.stop();
  bus.close();
});
