import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeRecord, type HistoryRecord } from '../core/history.ts';
import { parseCsv, parseJsonExport } from '../core/stats.ts';
import type { InstanceForwarder } from './forward.ts';
import { bundleForOtherUser } from '../../e2e/harness/for-other-user.ts';
import { waitText } from './format.ts';
import { runCli } from './run.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'limber-cli-'));
});
afterEach(() => {
  fs.chmodSync(dir, 0o700);
  fs.rmSync(dir, { recursive: true, force: true });
});

const NOW = Date.now();
const records: HistoryRecord[] = Array.from({ length: 12 }, (_, i) => ({
  at: new Date(NOW - i * 3_600_000).toISOString(),
  kind: i % 4 === 3 ? 'long' : 'micro',
  outcome: (['completed', 'skipped', 'natural', 'missed'] as const)[i % 4]!,
  seconds: i % 4 === 3 ? 300 : 60,
  exercises: i % 4 === 0 ? ['shoulder-roll', 'neck-roll'] : [],
  // Every third break waited for a meeting, each a little longer.
  ...(i % 3 === 1 ? { heldSeconds: 600 + i * 300 } : {}),
}));
const CORRUPT_SETTINGS = Buffer.from('{"microBreak": {"everyMinutes": 45, "dura');
const TORN = '{"at":"2026-11-23T10:00:00.000Z","kind":"micro","outc';
const HISTORY = records.map((r) => serializeRecord(r) + '\n').join('') + TORN;

function seed() {
  fs.writeFileSync(path.join(dir, 'settings.json'), CORRUPT_SETTINGS);
  fs.writeFileSync(path.join(dir, 'history.jsonl'), HISTORY);
}

/** The command line as a process; as another user it runs from a bundle in a temp folder (see bundleForOtherUser). */
function cli(args: string[], opts: { uid?: number; bundle?: string } = {}) {
  const asOther = opts.uid !== undefined && opts.bundle !== undefined;
  // Node with tsx's loader rather than `npx tsx`: the same program without npm's start-up on a busy machine.
  const r = spawnSync(process.execPath, asOther ? [opts.bundle!, ...args] : ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
    cwd: asOther ? os.tmpdir() : ROOT,
    encoding: 'utf8',
    ...(asOther ? { uid: opts.uid, gid: opts.uid, env: { ...process.env, HOME: os.tmpdir() } } : {}),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, error: r.error };
}

async function inProcess(args: string[], forwarder?: InstanceForwarder) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { out: (t) => (stdout += t), err: (t) => (stderr += t), forwarder, now: () => NOW });
  return { code, stdout, stderr };
}

describe('limber command line (spawned)', () => {
  it('stats and doctor succeed on a corrupt settings file and a torn history, counting every valid record and keeping every byte', () => {
    seed();
    const stats = cli(['stats', '--json', '--days', '3', '--user-data-dir', dir]);
    expect(stats.stderr).toMatch(/skipped 1 damaged line.*line 13/);
    expect(stats.code).toBe(0);
    const s = JSON.parse(stats.stdout);
    expect(s.total.due).toBe(12);
    expect([s.total.completed, s.total.skipped, s.total.natural, s.total.missed]).toEqual([3, 3, 3, 3]);
    // stats only reads: the folder is exactly as it was.
    expect(fs.readdirSync(dir).sort()).toEqual(['history.jsonl', 'settings.json']);
    expect(fs.readFileSync(path.join(dir, 'settings.json')).equals(CORRUPT_SETTINGS)).toBe(true);

    const doctor = cli(['doctor', '--user-data-dir', dir]);
    expect(doctor.code).toBe(0);
    expect(doctor.stdout).toMatch(/fixed\s+settings\.json is damaged: not valid JSON.*Moved the original, byte for byte, to settings\.json\.corrupt-/);
    expect(doctor.stdout).toMatch(/12 valid records; 1 damaged line \(line 13: torn line/);
    expect(doctor.stdout).toMatch(/The data folder is in order/);
    const aside = fs.readdirSync(dir).find((f) => f.startsWith('settings.json.corrupt-'))!;
    expect(fs.readFileSync(path.join(dir, aside)).equals(CORRUPT_SETTINGS)).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'history.jsonl'), 'utf8').startsWith(HISTORY)).toBe(true);

    const again = cli(['stats', '--json', '--user-data-dir', dir]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).total.due).toBe(12);
  });

  it('exits 2 naming what is wrong', () => {
    const r = cli(['stats', '--days', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--days must be a whole number from 1 to 3660 \(got 'lots'\)/);
    expect(r.stderr).toMatch(/Usage: limber stats/);
    const u = cli(['frobnicate']);
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/unknown command 'frobnicate'/);
  });

  it('doctor reports a read-only folder and changes nothing', async (ctx) => {
    seed();
    fs.chmodSync(path.join(dir, 'settings.json'), 0o644);
    fs.chmodSync(path.join(dir, 'history.jsonl'), 0o644);
    fs.chmodSync(dir, 0o555);
    const root = process.getuid?.() === 0;
    // root writes anywhere whatever the mode, so run doctor as an unprivileged user.
    // Bundled into a temp folder: the checkout may sit where that user cannot enter (under root's home).
    const bundle = root ? await bundleForOtherUser(path.join(ROOT, 'electron/cli/main.ts')) : undefined;
    const r = root ? cli(['doctor', '--user-data-dir', dir], { uid: 65534, bundle }) : cli(['doctor', '--user-data-dir', dir]);
    if (bundle) fs.rmSync(path.dirname(bundle), { recursive: true, force: true });
    if (root && (r.error || r.code === null || /EPERM/.test(r.stderr))) {
      ctx.skip('running as root (chmod does not stop root) and no unprivileged child could be started');
      return;
    }
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/PROBLEM\s+The data folder cannot be written \(EACCES/);
    expect(r.stdout).toMatch(/could not be moved aside/);
    expect(fs.readdirSync(dir).sort()).toEqual(['history.jsonl', 'settings.json']);
    expect(fs.readFileSync(path.join(dir, 'settings.json')).equals(CORRUPT_SETTINGS)).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'history.jsonl'), 'utf8')).toBe(HISTORY);
  });
});

describe('limber command line (in process)', () => {
  it('exports CSV and JSON that read back equal to the history, record by record', async () => {
    seed();
    const csv = await inProcess(['export', '--user-data-dir', dir]);
    expect(csv.code).toBe(0);
    expect(parseCsv(csv.stdout)).toEqual({ records, bad: [] });
    const json = await inProcess(['export', '--format', 'json', '--user-data-dir', dir]);
    expect(json.code).toBe(0);
    expect(parseJsonExport(json.stdout)).toEqual({ records, bad: [] });
    expect(json.stderr).toMatch(/damaged line/);
  });

  it('prints readable stats with favourites', async () => {
    seed();
    const r = await inProcess(['stats', '--user-data-dir', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Favourite exercises: .*\(3\)/);
    expect(r.stdout).toMatch(/Streak:/);
  });

  it('says in stats how many breaks were held and how long they waited', async () => {
    seed();
    const r = await inProcess(['stats', '--days', '3', '--user-data-dir', dir]);
    expect(r.code).toBe(0);
    const holds = records.flatMap((x) => (x.heldSeconds === undefined ? [] : [x.heldSeconds])).sort((a, b) => a - b);
    expect(holds.length).toBeGreaterThan(2);
    const sum = holds.reduce((a, b) => a + b, 0);
    const typical = holds.length % 2 ? holds[(holds.length - 1) / 2]! : (holds[holds.length / 2 - 1]! + holds[holds.length / 2]!) / 2;
    const line = r.stdout.split('\n').find((l) => l.startsWith('Held:'));
    expect(line).toBe(`Held: ${holds.length} breaks waited ${waitText(sum)} in all (typically ${waitText(Math.round(typical))}, longest ${waitText(holds.at(-1)!)})`);
    const json = JSON.parse((await inProcess(['stats', '--json', '--days', '3', '--user-data-dir', dir])).stdout);
    expect(json.total).toMatchObject({ held: holds.length, heldSeconds: sum, heldLongestSeconds: holds.at(-1) });
  });

  it('writes how long breaks waited in hours and minutes', () => {
    expect([40, 60, 25 * 60 + 20, 3600, 2 * 3600 + 5 * 60].map(waitText)).toEqual(['40 s', '1 min', '25 min', '1 h', '2 h 05 min']);
  });

  it('says Limber is not running (exit 1) when no instance answers', async () => {
    const r = await inProcess(['snooze']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'Limber is not running\n' });
  });

  it('forwards instance commands to a running instance and relays its answer', async () => {
    const seen: unknown[] = [];
    const forwarder: InstanceForwarder = async (command, dataDir) => {
      seen.push({ command, dataDir });
      return { exitCode: 0, stdout: 'paused for 30 minutes\n' };
    };
    const r = await inProcess(['pause', '30', '--user-data-dir', dir], forwarder);
    expect(r).toEqual({ code: 0, stdout: 'paused for 30 minutes\n', stderr: '' });
    expect(seen).toEqual([{ command: { name: 'pause', minutes: 30, until: null }, dataDir: dir }]);
  });

  it('prints the running app\'s answer without escape sequences or control characters, keeping lines and tabs', async () => {
    const hostile: InstanceForwarder = async () => ({
      exitCode: 0,
      // A window title, a clipboard write (OSC 52), colours, a cursor move, a bell, a carriage return and C1 controls.
      stdout: '\u001b]0;pwned\u0007\u001b]52;c;cm0gLXJmIH4=\u001b\\\u001b[31mPaused\u001b[0m\u001b[2A\u0007\r\u009b1;1H\u009d0;t\u009c\n\tuntil 10:00\n',
      stderr: 'warn\u001bc\u0000ing\n',
    });
    const r = await inProcess(['pause', '--user-data-dir', dir], hostile);
    expect(r).toEqual({ code: 0, stdout: 'Paused\n\tuntil 10:00\n', stderr: 'warning\n' });
  });

  it('prints help with exit 0', async () => {
    const r = await inProcess(['export', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: limber export \[--format csv\|json\]/);
  });
});
