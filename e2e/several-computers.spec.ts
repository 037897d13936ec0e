// Several computers, one work clock (DESIGN §1), end to end through REAL Syncthing: two Syncthing instances on
// 127.0.0.1, each with a home of its own, keep one folder in step (no discovery, relays, NAT, usage reports or
// upgrades; the watcher's delay 1 s). One Limber harness per "computer" — a data folder of its own whose
// `sync.folder` names its Syncthing copy, wired through main.ts's own `withSyncFolder` (the real folder adapter).
//
// One working morning, on one virtual clock both computers share (their clocks agree, as NTP keeps them). The clock
// moves in steps of 20 s; after each step the test waits until Syncthing has carried every file Limber wrote and each
// Limber has taken in the other's newest state — real seconds, waited for as conditions, never slept. A step is far
// below the 60 s of sync delay the rules allow, so the waits make the run exact, not kinder.
//   1. The user works on the laptop, then moves to the desk: no absence, no natural break, on either.
//   2. The heads-up comes on the desk only; the break taken there shows on the laptop ("break on Desk") and restarts
//      its cycle; the record is written once, by the desk.
//   3. A call on the laptop (parec recording a PulseAudio source, seen by the laptop's own hold source) holds the
//      desk's break while the user types on the desk; the break comes once the call ends.
//   4. The desk crashes (its Syncthing killed, its Limber gone without a word): the laptop takes the user for present
//      and, once the desk is overdue, shows and records the next break alone.
//   5. `limber stats --json` and `export` on the laptop show both computers' records, each naming its computer.
// Harness-only: the sync port and hold sources are handed to each app here; Electron's main builds its own.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import type { Harness } from './harness/harness.ts';
import { startSyncthings, stop, type SyncthingInstance } from './harness/syncthing.ts';
import { VirtualClock } from '../electron/core/clock.ts';
import { defaultSettings } from '../electron/core/settings.ts';
import type { HistoryRecord } from '../electron/core/history.ts';
import { SettingsFile } from '../electron/node/settings-file.ts';
import { HoldMonitor } from '../electron/node/presence/hold-monitor.ts';
import { pulseMic } from '../electron/node/presence/mic-pulse.ts';
import { makeExec, makeSpawnLines } from '../electron/node/presence/tool.ts';
import { runCli } from '../electron/cli/run.ts';

const MIN = 60_000;
const STEP = 20_000;
const START = '2026-11-23T09:00:00+01:00';
/** Syncthing carries a file in about a second here; a loaded machine gets ample room. */
const SYNC_WAIT_MS = 30_000;

let root = '';
let syncthings: SyncthingInstance[] = [];
const children: ChildProcess[] = [];
let toolEnv: Record<string, string | undefined> = {};

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(60_000);
  root = mkdtempSync(join(tmpdir(), 'limber-several-'));
  // PulseAudio of the laptop, with a null source standing in for its microphone.
  const runtime = join(root, 'run');
  mkdirSync(runtime, { mode: 0o700 });
  toolEnv = { PATH: process.env.PATH, HOME: root, XDG_RUNTIME_DIR: runtime, XDG_CONFIG_HOME: join(root, 'config') };
  children.push(
    spawn('pulseaudio', ['-n', '--daemonize=no', '--exit-idle-time=-1', '-L', 'module-native-protocol-unix', '-L', 'module-null-source source_name=fake_mic', '-L', 'module-null-sink sink_name=spk'], {
      stdio: 'ignore',
      env: toolEnv,
    }),
  );
  syncthings = await startSyncthings(root, ['desk', 'laptop']);
  await expect.poll(() => spawnSync('pactl', ['info'], { env: toolEnv }).status, { message: 'PulseAudio is up', timeout: 20_000 }).toBe(0);
});

test.afterAll(async () => {
  // Always: every Syncthing and tool started here, and every temporary home and folder.
  await Promise.all(syncthings.map((s) => stop(s, 'SIGKILL')));
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  if (root) rmSync(root, { recursive: true, force: true });
});

interface Computer {
  name: string;
  h: Harness;
  id: string;
  dataDir: string;
  st: SyncthingInstance;
  alive: boolean;
}

/** A Limber on a computer: its own data folder, `sync.folder` set to its Syncthing copy of the shared folder. */
async function computer(launch: (o: object) => Promise<Harness>, clock: VirtualClock, st: SyncthingInstance, name: string, extra: object = {}): Promise<Computer> {
  const dataDir = join(root, `data-${st.name}`);
  mkdirSync(dataDir, { recursive: true });
  // Ten-minute cycles keep the morning short; every other setting is Limber's default.
  new SettingsFile({ dataDir }).save({ ...defaultSettings(), microBreak: { ...defaultSettings().microBreak, everyMinutes: 10 }, sync: { folder: st.folder } });
  writeFileSync(join(dataDir, 'device.json'), JSON.stringify({ id: `${st.name}-${process.pid}`, name }) + '\n');
  const h = await launch({ clock, dataDir, realNotifications: false, fakePageClock: true, ...extra });
  expect(h.sync, `${name} runs with the sync folder (${h.logs.map((l) => l.message).join(' ')})`).not.toBeNull();
  return { name, h, id: h.sync!.deviceId, dataDir, st, alive: true };
}

/** The files each computer wrote, as its own copy of the folder has them (dot files are writes in progress). */
function ownFiles(c: Computer): Map<string, string> {
  const dir = join(c.st.folder, 'Limber', 'devices', c.id);
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir)) if (!f.startsWith('.')) out.set(f, readFileSync(join(dir, f), 'utf8'));
  return out;
}

/**
 * Wait until Syncthing has carried every file each running computer wrote to every other running one, and each
 * Limber has taken in the others' newest state. A Limber that reads no peers fails here, naming what it missed.
 */
async function settle(all: Computer[]): Promise<void> {
  const live = all.filter((c) => c.alive);
  for (const writer of live) {
    const files = ownFiles(writer);
    for (const reader of live) {
      if (reader === writer) continue;
      const theirs = join(reader.st.folder, 'Limber', 'devices', writer.id);
      await expect
        .poll(() => [...files].every(([f, text]) => existsSync(join(theirs, f)) && readFileSync(join(theirs, f), 'utf8') === text), {
          message: `Syncthing carried ${writer.name}'s files to ${reader.name}`,
          timeout: SYNC_WAIT_MS,
        })
        .toBe(true);
      const state = files.get('state.json');
      if (!state) continue;
      const seq = (JSON.parse(state) as { seq: number }).seq;
      await expect
        .poll(() => reader.h.peersTakenIn.get(writer.id) ?? 0, { message: `${reader.name}'s Limber took in ${writer.name}'s state ${seq} from its folder`, timeout: 5000 })
        .toBeGreaterThanOrEqual(seq);
    }
  }
}

/** Time passes for both computers, in steps each followed by the sync; `check` runs after every step. */
async function advance(clock: VirtualClock, all: Computer[], ms: number, check: () => void = () => {}): Promise<void> {
  const end = clock.now() + ms;
  while (clock.now() < end) {
    clock.advanceTo(Math.min(end, clock.now() + STEP));
    await settle(all);
    check();
  }
}

/** Heads-ups shown on a computer: each starts at 60 s and is then updated in place as it counts down. */
const headsUps = (c: Computer) => c.h.notifier.sent.filter((s) => s.req.actions.length > 0 && /starts in 60 seconds/.test(s.req.body)).length;
const records = (c: Computer): HistoryRecord[] => c.h.history.readAll();

async function cli(c: Computer, clock: VirtualClock, ...args: string[]) {
  const io = { stdout: '', stderr: '' };
  const code = await runCli([...args, '--user-data-dir', c.dataDir], { out: (t) => void (io.stdout += t), err: (t) => void (io.stderr += t), now: () => clock.now() });
  return { code, ...io };
}

test('two computers through real Syncthing keep one work clock: moving, a break, a call, a crash, statistics', async ({ launch }) => {
  test.setTimeout(240_000);
  const t0 = Date.now();
  const clock = new VirtualClock(START);
  const [stDesk, stLaptop] = syncthings as [SyncthingInstance, SyncthingInstance];
  // The call is the laptop's: only its hold source listens to the (laptop's) PulseAudio.
  const laptopHolds = new HoldMonitor({ sources: [pulseMic([process.pid], makeExec(toolEnv, 5000), makeSpawnLines(toolEnv))], timeoutMs: 5000 });
  const laptop = await computer(launch, clock, stLaptop, 'Laptop', { holds: laptopHolds });
  const desk = await computer(launch, clock, stDesk, 'Desk');
  const all = [desk, laptop];
  desk.h.activity.goIdle(clock.now() - 60 * MIN);
  await settle(all);
  const phases = new Set<string>();
  const watchPhases = () => all.filter((c) => c.alive).forEach((c) => phases.add(c.h.app.status().phase));

  await test.step('1. laptop, then desk: moving between computers is no absence', async () => {
    await advance(clock, all, 3 * MIN, watchPhases);
    laptop.h.activity.goIdle(clock.now());
    desk.h.activity.comeBack();
    // The laptop sees no input for 5 min 50 s, past `awayAfterMinutes` (5): alone it would record a natural break.
    await advance(clock, all, 5 * MIN + 50_000, watchPhases);
    expect([...phases]).not.toContain('away');
    expect([...records(desk), ...records(laptop)]).toEqual([]);
    const seen = (c: Computer) => Object.fromEntries(c.h.app.devices()!.map((d) => [d.name, d.state]));
    expect(seen(laptop)).toEqual({ Laptop: 'away', Desk: 'in-use' });
    expect(seen(desk)).toEqual({ Desk: 'in-use', Laptop: 'away' });
  });

  await test.step('2. the break comes on the desk only; taken there, it restarts the laptop’s cycle', async () => {
    await advance(clock, all, 20_000, watchPhases); // 9:00 worked: the heads-up
    expect(headsUps(desk)).toBe(1);
    expect(headsUps(laptop)).toBe(0);
    await advance(clock, all, MIN);
    expect(desk.h.app.status().phase).toBe('prompt');
    desk.h.tray.clickIcon();
    await settle(all);
    expect(desk.h.app.status().phase).toBe('on-break');
    expect(laptop.h.app.status().phase).toBe('on-break');
    expect(laptop.h.tray.current.tooltip).toBe('Limber — break on Desk');
    expect(laptop.h.tray.current.menu[0]!.label).toBe('Break on Desk');
    expect(laptop.h.windows.isOpen('break')).toBe(false);
    const page = await desk.h.windows.page('break');
    await page.getByRole('button', { name: 'Finish' }).click();
    await expect.poll(() => records(desk).length, { message: 'the desk recorded its break' }).toBe(1);
    await settle(all);
    expect(laptop.h.app.status().phase).toBe('working');
    // The laptop's cycle starts again from the desk's break: the next one a full cycle away.
    expect(laptop.h.app.status().nextBreak!.at - clock.now()).toBeGreaterThan(9 * MIN);
    expect(records(desk)).toEqual([expect.objectContaining({ outcome: 'partial', device: desk.id })]);
    expect(records(laptop)).toEqual([]);
  });

  await test.step('3. a call on the laptop holds the break on the desk, where the user types', async () => {
    const call = spawn('parec', ['-d', 'fake_mic'], { stdio: 'ignore', env: toolEnv });
    children.push(call);
    const next = desk.h.app.status().nextBreak!.at;
    // To just after the hold check, 10 s before the heads-up; the laptop's source answers, the desk hears of it.
    await advance(clock, all, next - MIN - 10_000 + 1000 - clock.now());
    await laptopHolds.settled();
    await settle(all);
    await advance(clock, all, 2 * MIN);
    expect(desk.h.app.status().held?.reason).toBe('call');
    expect(desk.h.tray.current.icon).toBe('held');
    expect(desk.h.tray.current.tooltip).toMatch(/you’re in a call/);
    expect(headsUps(desk)).toBe(1);
    expect(headsUps(laptop)).toBe(0);
    call.kill('SIGTERM');
    // The laptop's source follows the call's end (pactl subscribe) and says so; the desk's break comes 2 min later.
    await expect.poll(() => laptopHolds.following, { message: 'the laptop saw the call end', timeout: 20_000 }).toBe(false);
    await laptopHolds.settled();
    await settle(all);
    await advance(clock, all, 2 * MIN + STEP);
    expect(desk.h.app.status().held).toBeNull();
    expect(headsUps(desk)).toBe(2);
    expect(headsUps(laptop)).toBe(0);
    expect(desk.h.app.status().phase).toBe('prompt');
    desk.h.tray.clickMenu('skip');
    await settle(all);
    expect(records(desk).map((r) => r.outcome)).toEqual(['partial', 'skipped']);
    expect(records(laptop)).toEqual([]);
  });

  await test.step('4. the desk crashes; the laptop carries on alone', async () => {
    await advance(clock, all, MIN);
    // Nothing more leaves the desk: its Syncthing is killed and its Limber goes without writing `off` anywhere seen.
    await stop(stDesk, 'SIGKILL');
    desk.alive = false;
    await desk.h.close();
    laptop.h.activity.comeBack();
    await advance(clock, all, 5 * MIN, watchPhases);
    expect(Object.fromEntries(laptop.h.app.devices()!.map((d) => [d.name, d.state]))).toEqual({ Laptop: 'in-use', Desk: 'off' });
    const next = laptop.h.app.status().nextBreak!.at;
    await advance(clock, all, next - clock.now() + STEP);
    expect(headsUps(laptop)).toBe(1);
    expect(laptop.h.app.status().phase).toBe('prompt');
    laptop.h.tray.clickIcon();
    const page = await laptop.h.windows.page('break');
    await page.getByRole('button', { name: 'Finish' }).click();
    await expect.poll(() => records(laptop).map((r) => [r.outcome, r.device]), { message: 'the laptop recorded its break' }).toEqual([['partial', laptop.id]]);
    expect([...phases]).not.toContain('away');
  });

  await test.step('5. statistics on the laptop show both computers’ records', async () => {
    const stats = await cli(laptop, clock, 'stats', '--json', '--days', '1');
    expect(stats.code).toBe(0);
    const s = JSON.parse(stats.stdout) as { total: { due: number; partial: number; skipped: number }; perDevice: Record<string, { due: number; partial: number; skipped: number }> };
    expect(s.total).toMatchObject({ due: 3, partial: 2, skipped: 1 });
    expect(s.perDevice[desk.id]).toMatchObject({ due: 2, partial: 1, skipped: 1 });
    expect(s.perDevice[laptop.id]).toMatchObject({ due: 1, partial: 1, skipped: 0 });
    const exported = await cli(laptop, clock, 'export', '--format', 'json');
    const rows = JSON.parse(exported.stdout) as HistoryRecord[];
    expect(rows.map((r) => [r.outcome, r.device])).toEqual([
      ['partial', desk.id],
      ['skipped', desk.id],
      ['partial', laptop.id],
    ]);
  });
  console.log(`[several computers through Syncthing] ${((Date.now() - t0) / 1000).toFixed(1)} s (virtual ${((clock.now() - Date.parse(START)) / MIN).toFixed(1)} min)`);
});
