// The Linux heads-up on a real notification server: dunst (started by scripts/with-desktop.sh), answered for real —
// its context menu (`dunstctl context`) runs e2e/desktop/dunst-menu.sh in place of dmenu, which picks a button as a
// user would, and `dunstctl action 0` is a click on the body. notification-daemon, which draws the buttons, is clicked
// with the mouse (xdotool). The fallback runs against notify-osd, a real server that shows no buttons. Those two run
// on a private session bus each. Harness-only: it reads the app's notifier and hands it a hold port.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HoldReason } from '../electron/core/holds.ts';
import type { HoldsPort } from '../electron/ports.ts';
import { expect, test } from './fixtures.ts';
import type { Harness } from './harness/harness.ts';
import { dunstNotifications, nodeCli, type DunstNotification } from './helpers.ts';

const MIN = 60_000;
const START = '2026-11-23T09:00:00+01:00';
/** The first heads-up: a minute before the 30-minute break. */
const HEADS_UP = 29 * MIN;
/** Debian installs the daemon outside PATH (it is started by D-Bus activation). */
const NOTIFICATION_DAEMON = '/usr/lib/notification-daemon/notification-daemon';
const NOTIFY_OSD = ['/usr/lib/x86_64-linux-gnu/notify-osd', '/usr/lib/aarch64-linux-gnu/notify-osd', '/usr/lib/notify-osd/notify-osd'].find((p) => existsSync(p)) ?? 'notify-osd';

function dunstctl(...args: string[]): string {
  const r = spawnSync('dunstctl', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`dunstctl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}
const displayed = () => Number(dunstctl('count', 'displayed').trim());

/** What dunst's context menu will pick next (a line containing this text), and what it offered last time. */
function choose(text: string): void {
  writeFileSync(process.env.LIMBER_DUNST_CHOICE!, text);
}
const menuOffered = () => (existsSync(process.env.LIMBER_DUNST_MENU!) ? readFileSync(process.env.LIMBER_DUNST_MENU!, 'utf8').trim().split('\n') : []);

/** Limber's notifications dunst received since `before` (an index into its log). */
const ours = (before: number): DunstNotification[] => dunstNotifications().slice(before).filter((n) => n.appname === 'Limber');

test.beforeEach(() => {
  // One dunst serves the whole run: what earlier tests left on screen must not be counted or picked.
  dunstctl('close-all');
  choose('');
  rmSync(process.env.LIMBER_DUNST_MENU!, { force: true });
});

async function headsUpOnScreen(launch: (o: object) => Promise<Harness>, opts: object = {}) {
  const before = dunstNotifications().length;
  const h = await launch({ start: START, ...opts });
  h.clock.advanceBy(HEADS_UP);
  expect(h.app.status().phase).toBe('heads-up');
  await expect.poll(() => ours(before).length).toBe(1);
  await expect.poll(displayed).toBe(1);
  return { h, before, n: ours(before)[0]! };
}

test('the heads-up shows Start now, Snooze and Skip as buttons, as Limber, with the hints a desktop sorts it by', async ({ launch }) => {
  const { h, n } = await headsUpOnScreen(launch);
  expect((await h.desktopNotifier!.route()).kind).toBe('dbus');
  expect(n.body).toBe('A movement break starts in 60 seconds.');
  expect(n.appname).toBe('Limber');
  expect(n.actions).toEqual({ '0': 'Start now', '1': 'Snooze', '2': 'Skip', default: 'Start now' });
  expect(n.desktopEntry).toBe('app.limber.Limber');
  expect(n.category).toBe('x-limber.break');
  expect(n.urgency).toBe('NORMAL');
  expect(existsSync(n.icon)).toBe(true);
  // What the user sees in dunst's menu: the three buttons (and the body's own action).
  dunstctl('context');
  await expect.poll(menuOffered).toEqual(expect.arrayContaining([`#Start now (Limber) [${n.id},0]`, `#Snooze (Limber) [${n.id},1]`, `#Skip (Limber) [${n.id},2]`]));
});

const BUTTONS = [
  { label: 'Start now', key: 0, then: (h: Harness) => h.app.status().phase === 'on-break' },
  // Snoozed from the heads-up: the break moves from when it was due by the snooze time (5 minutes).
  { label: 'Snooze', key: 1, then: (h: Harness) => h.app.status().phase === 'working' && h.app.status().nextBreak?.at === h.clock.now() + 1 * MIN + 5 * MIN },
  { label: 'Skip', key: 2, then: (h: Harness) => h.history.readAll().some((r) => r.outcome === 'skipped') },
];

for (const b of BUTTONS) {
  test(`${b.label} picked in the notification server's menu reaches the app`, async ({ launch }) => {
    const { h, n } = await headsUpOnScreen(launch);
    choose(`#${b.label} (Limber) [${n.id},${b.key}]`);
    dunstctl('context');
    await expect.poll(() => b.then(h)).toBe(true);
    await expect.poll(displayed).toBe(0);
  });
}

test('a click on the heads-up’s body starts the break', async ({ launch }) => {
  const { h } = await headsUpOnScreen(launch);
  // dunst's "do action" on the top notification invokes its `default` action, as a click does.
  dunstctl('action', '0');
  await expect.poll(() => h.app.status().phase).toBe('on-break');
  expect(h.app.status().currentBreak?.kind).toBe('micro');
});

test('the countdown is rewritten in the same bubble, not stacked', async ({ launch }) => {
  const { h, before, n } = await headsUpOnScreen(launch);
  for (let i = 0; i < 3; i++) h.clock.advanceBy(15_000);
  await expect.poll(() => ours(before).map((x) => x.body)).toEqual([60, 45, 30, 15].map((s) => `A movement break starts in ${s} seconds.`));
  // Every text went to the one notification the server first gave: one bubble on screen, none in the history.
  expect(new Set(ours(before).map((x) => x.id))).toEqual(new Set([n.id]));
  expect(displayed()).toBe(1);
});

/** A hold port the test sets: the hold's source is not what is under test here (e2e/holds.spec.ts tests those). */
class SetHolds implements HoldsPort {
  private cb: (a: readonly HoldReason[]) => void = () => {};
  active: HoldReason[] = [];
  start(cb: (a: readonly HoldReason[]) => void): void {
    this.cb = cb;
  }
  check(): void {
    this.cb(this.active);
  }
  stop(): void {}
  set(active: HoldReason[]): void {
    this.active = active;
    this.cb(active);
  }
}

test('the heads-up is withdrawn when the break is held', async ({ launch }) => {
  const holds = new SetHolds();
  const { h } = await headsUpOnScreen(launch, { holds });
  // A call begins during the heads-up; when the break falls due it is held, and what was shown is taken back.
  holds.set(['call']);
  h.clock.advanceBy(MIN);
  expect(h.app.status().held?.reason).toBe('call');
  await expect.poll(displayed).toBe(0);
});

test('the heads-up is withdrawn when the break is started from the tray', async ({ launch }) => {
  const { h } = await headsUpOnScreen(launch);
  h.tray.clickMenu('break:micro');
  expect(h.app.status().phase).toBe('on-break');
  await expect.poll(displayed).toBe(0);
});

test('the heads-up is withdrawn when the break is started with the shortcut', async ({ launch }) => {
  const { h } = await headsUpOnScreen(launch);
  h.shortcuts.press('CommandOrControl+Alt+B');
  expect(h.app.status().phase).toBe('on-break');
  await expect.poll(displayed).toBe(0);
});

test('the heads-up is withdrawn when the break was taken elsewhere (the app-level call)', async ({ launch }) => {
  const { h } = await headsUpOnScreen(launch);
  h.app.withdrawHeadsUp();
  await expect.poll(displayed).toBe(0);
});

/** A second session bus with another notification server on it (dunst keeps the first); the test process uses it. */
function otherServer(server: string) {
  const state = { dir: '', monitorLog: '', savedBus: undefined as string | undefined, children: [] as ChildProcess[] };
  test.beforeEach(async () => {
    state.dir = mkdtempSync(join(tmpdir(), 'limber-server-'));
    const daemon = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1', `--address=unix:path=${join(state.dir, 'bus')}`], { stdio: ['ignore', 'pipe', 'ignore'] });
    state.children.push(daemon);
    const [address] = (await once(daemon.stdout!, 'data')) as [Buffer];
    state.savedBus = process.env.DBUS_SESSION_BUS_ADDRESS;
    // The app, notify-send (node-notifier's child) and `limber doctor` all find the session bus here.
    process.env.DBUS_SESSION_BUS_ADDRESS = address.toString().trim();
    state.monitorLog = join(state.dir, 'monitor.log');
    // Every Notify call that reaches the server, whoever made it.
    state.children.push(spawn('sh', ['-c', `exec dbus-monitor --session "type='method_call',interface='org.freedesktop.Notifications',member='Notify'" > "${state.monitorLog}"`], { stdio: 'ignore' }));
    state.children.push(spawn(server, [], { stdio: 'ignore' }));
    await expect
      .poll(() => spawnSync('dbus-send', ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.Notifications'], { encoding: 'utf8' }).stdout)
      .toContain('boolean true');
  });
  test.afterEach(() => {
    for (const c of state.children.splice(0).reverse()) c.kill('SIGTERM');
    process.env.DBUS_SESSION_BUS_ADDRESS = state.savedBus;
    rmSync(state.dir, { recursive: true, force: true });
  });
  return state;
}

test.describe('a notification server without buttons', () => {
  const osd = otherServer(NOTIFY_OSD);

  /** The Notify calls the monitor saw: their body text and whether they carried actions. */
  const notifyCalls = () =>
    readFileSync(osd.monitorLog, 'utf8')
      .split(/^method call/m)
      .filter((c) => c.includes('member=Notify'))
      .map((c) => ({ body: /string "(A movement[^"]*)"/.exec(c)?.[1] ?? '', actions: /array \[\s*string/.test(c) }));

  test('falls back to notify-send: the heads-up arrives without buttons, its countdown is not stacked, and doctor says so', async ({ launch }) => {
    const h = await launch({ start: START });
    const route = await h.desktopNotifier!.route();
    expect(route).toMatchObject({ kind: 'fallback', server: { name: 'notify-osd' } });
    h.clock.advanceBy(HEADS_UP);
    await expect.poll(notifyCalls).toEqual([{ body: 'A movement break starts in 60 seconds.', actions: false }]);
    // notify-send cannot replace a bubble: the countdown's new texts are dropped rather than stacked.
    h.clock.advanceBy(45_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(notifyCalls()).toHaveLength(1);
    const doctor = await nodeCli('doctor', '--user-data-dir', join(osd.dir, 'data'));
    expect(doctor.stdout).toMatch(/notifications\s+notify-send, no buttons: notify-osd shows no buttons \(no "actions" capability\)/);
  });
});

test.describe('a notification server that draws buttons', () => {
  otherServer(NOTIFICATION_DAEMON);

  /** notification-daemon's bubble on the X screen: its top-left corner and size. */
  function bubble(): { x: number; y: number; width: number } | null {
    const found = spawnSync('xdotool', ['search', '--onlyvisible', '--name', '^Notification$'], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
    if (!found) return null;
    const g = spawnSync('xdotool', ['getwindowgeometry', found], { encoding: 'utf8' }).stdout;
    const pos = /Position: (\d+),(\d+)/.exec(g);
    const size = /Geometry: (\d+)x(\d+)/.exec(g);
    return pos && size ? { x: Number(pos[1]), y: Number(pos[2]), width: Number(size[1]) } : null;
  }

  // The buttons sit right-aligned on the bubble's last row (measured on docs/screenshots/heads-up-linux.png, DejaVu Sans).
  const ROW_Y = 86;
  const CLICKS = [
    { what: 'Snooze', fromRight: 136, then: (h: Harness) => h.app.status().phase === 'working' && h.app.status().nextBreak?.at === h.clock.now() + 6 * MIN },
    { what: 'the text', fromRight: 250, y: 55, then: (h: Harness) => h.app.status().phase === 'on-break' },
  ];
  for (const c of CLICKS) {
    test(`a mouse click on ${c.what} in the bubble reaches the app`, async ({ launch }) => {
      const h = await launch({ start: START });
      expect((await h.desktopNotifier!.route()).kind).toBe('dbus');
      h.clock.advanceBy(HEADS_UP);
      await expect.poll(bubble).not.toBeNull();
      // Let it fade in before clicking.
      await new Promise((r) => setTimeout(r, 1000));
      const b = bubble()!;
      spawnSync('xdotool', ['mousemove', String(b.x + b.width - c.fromRight), String(b.y + (c.y ?? ROW_Y)), 'click', '1']);
      await expect.poll(() => c.then(h)).toBe(true);
    });
  }
});

test('with a server that shows buttons, doctor says so', async () => {
  const doctor = await nodeCli('doctor', '--user-data-dir', mkdtempSync(join(tmpdir(), 'limber-doctor-')));
  expect(doctor.stdout).toMatch(/notifications\s+dunst 1\.\S+ .*over D-Bus \(buttons\)/);
});
