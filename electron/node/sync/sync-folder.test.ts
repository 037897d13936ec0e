// The sync folder adapter on a real folder: own files written atomically, peers read as untrusted input (fuzzed),
// conflict copies merged, temporary files ignored, events followed, device.json made once.
import fc from 'fast-check';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serializeRecord } from '../../core/history.ts';
import type { DeviceState } from '../../core/sync/wire.ts';
import { loadDevice, renameDevice } from './device-file.ts';
import { isStateFile, isTemporary, SyncFolder } from './sync-folder.ts';
import { checkFolder } from './sync-ports.ts';
import { listDevices, mergedHistory } from './offline.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'limber-sync-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function state(id: string, seq: number, extra: Partial<DeviceState> = {}): DeviceState {
  return {
    v: 1,
    id,
    name: id,
    at: 1_795_420_000_000 + seq,
    seq,
    n: 0,
    lastInputAt: 1_795_420_000_000,
    using: true,
    refreshBy: 150_000,
    power: 'active',
    holds: [],
    actions: [],
    showing: null,
    cycle: null,
    ...extra,
  };
}

function peerDir(folder: string, id: string): string {
  const d = join(folder, 'Limber', 'devices', id);
  mkdirSync(d, { recursive: true });
  return d;
}

describe('this computer’s files', () => {
  it('writes only its own folder, atomically, 0600, and only when something changed', () => {
    const folder = tmp();
    const f = new SyncFolder({ folder, deviceId: 'me', warn: () => {} });
    f.writeState(state('me', 1));
    const file = join(folder, 'Limber', 'devices', 'me', 'state.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ id: 'me', seq: 1 });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const before = statSync(file).mtimeMs;
    f.writeState(state('me', 1));
    expect(statSync(file).mtimeMs).toBe(before);
    expect(readdirSync(join(folder, 'Limber', 'devices'))).toEqual(['me']);
    // No temporary file is left behind.
    expect(readdirSync(join(folder, 'Limber', 'devices', 'me'))).toEqual(['state.json']);
  });

  it('device.json is made once, 0600, and renamed without a new id', () => {
    const data = tmp();
    const a = loadDevice(data).device;
    expect(loadDevice(data).device).toEqual(a);
    expect(statSync(join(data, 'device.json')).mode & 0o777).toBe(0o600);
    const r = renameDevice(data, a, '  laptop ');
    expect(r).toEqual({ ok: true, device: { id: a.id, name: 'laptop' } });
    expect(renameDevice(data, a, '').ok).toBe(false);
    writeFileSync(join(data, 'device.json'), '{"id": 5}');
    const again = loadDevice(data);
    expect(again.message).toMatch(/damaged/);
    expect(again.device.id).not.toBe(a.id);
  });

  it('the folder must be absolute, exist and be writable', () => {
    const folder = tmp();
    expect(checkFolder(folder)).toBeNull();
    expect(checkFolder('relative/path')).toMatch(/absolute/);
    expect(checkFolder(join(folder, 'missing'))).toMatch(/does not exist/);
    writeFileSync(join(folder, 'file'), '');
    expect(checkFolder(join(folder, 'file'))).toMatch(/not a folder/);
  });
});

describe('the other computers’ files', () => {
  it('reads the newest of a state file and its conflict copies; ignores temporary files', () => {
    const folder = tmp();
    const d = peerDir(folder, 'laptop');
    writeFileSync(join(d, 'state.json'), JSON.stringify(state('laptop', 3)));
    writeFileSync(join(d, 'state.sync-conflict-20261123-101500-ABCDEFG.json'), JSON.stringify(state('laptop', 7)));
    writeFileSync(join(d, "state (desk's conflicted copy 2026-11-23).json"), JSON.stringify(state('laptop', 5)));
    writeFileSync(join(d, '.syncthing.state.json.tmp'), JSON.stringify(state('laptop', 99)));
    writeFileSync(join(d, '~syncthing~state.json.tmp'), JSON.stringify(state('laptop', 98)));
    const f = new SyncFolder({ folder, deviceId: 'me', warn: () => {} });
    expect(f.peers().map((s) => s.seq)).toEqual([7]);
    expect(isStateFile('state-LAPTOP.json')).toBe(true);
    expect(isStateFile('state 2.json')).toBe(true);
    expect(isStateFile('state (conflicted copy 2026-11-23 101500).json')).toBe(true);
    expect(isTemporary('.~lock.state.json#')).toBe(true);
  });

  it('merges every computer’s records and their conflict copies, each once, naming the device', () => {
    const folder = tmp();
    const data = tmp();
    const me = loadDevice(data).device;
    writeFileSync(join(data, 'settings.json'), JSON.stringify({ sync: { folder } }));
    const rec = (at: string) => ({ at, kind: 'micro' as const, outcome: 'completed' as const, seconds: 60, exercises: [] });
    const d = peerDir(folder, 'laptop');
    writeFileSync(join(d, 'history.jsonl'), serializeRecord(rec('2026-11-23T09:00:00Z')) + '\n');
    writeFileSync(join(d, 'history.sync-conflict-20261123-101500-ABCDEFG.jsonl'), [rec('2026-11-23T09:00:00Z'), rec('2026-11-23T10:00:00Z')].map(serializeRecord).join('\n') + '\n');
    new SyncFolder({ folder, deviceId: me.id, warn: () => {} }).appendRecord({ ...rec('2026-11-23T09:30:00Z'), device: me.id });
    const { records } = mergedHistory(data, () => {});
    expect(records.map((r) => [r.at, r.device])).toEqual([
      ['2026-11-23T09:00:00Z', 'laptop'],
      ['2026-11-23T09:30:00Z', me.id],
      ['2026-11-23T10:00:00Z', 'laptop'],
    ]);
    writeFileSync(join(d, 'state.json'), JSON.stringify(state('laptop', 2, { power: 'off' })));
    const list = listDevices(data, Date.now(), () => {});
    expect('rows' in list && list.rows.map((r) => [r.id, r.state, r.self])).toEqual([['laptop', 'off', false]]);
  });

  it('fuzz: truncated, huge, wrong types, another device’s id, a link — no crash, the good copy kept, one message each', () => {
    const folder = tmp();
    const d = peerDir(folder, 'laptop');
    const good = JSON.stringify(state('laptop', 4));
    writeFileSync(join(d, 'state.sync-conflict-20261123-101500-GOODONE.json'), good);
    const messages: string[] = [];
    const f = new SyncFolder({ folder, deviceId: 'me', warn: (m) => messages.push(m) });
    const bad = [
      good.slice(0, good.length / 2),
      'x'.repeat(70 * 1024),
      JSON.stringify({ ...state('laptop', 9), seq: 'nine' }),
      JSON.stringify({ ...state('laptop', 9), holds: ['typing-in-word'] }),
      JSON.stringify(state('desk', 9)),
      JSON.stringify({ ...state('laptop', 9), actions: Array.from({ length: 500 }, (_, i) => ({ seq: i, at: 1, do: 'skip', n: 0, shown: false })) }),
      '[]',
      'null',
    ];
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...bad), fc.string({ maxLength: 300 }), fc.json().map((j) => j)), (text) => {
        writeFileSync(join(d, 'state.json'), text);
        const peers = f.peers();
        // The good conflict copy is never lost; a bad file never wins.
        expect(peers).toHaveLength(1);
        expect(peers[0]!.seq === 4 || (peers[0]!.seq !== 9 && peers[0]!.id === 'laptop')).toBe(true);
      }),
      { numRuns: 150 },
    );
    // One message per bad file and reason, not one per reading.
    const before = messages.length;
    writeFileSync(join(d, 'state.json'), bad[0]!);
    f.peers();
    f.peers();
    expect(messages.length - before).toBeLessThanOrEqual(1);
    symlinkSync(join(folder, 'elsewhere.json'), join(d, 'state 2.json'));
    writeFileSync(join(folder, 'elsewhere.json'), JSON.stringify(state('laptop', 50)));
    expect(f.peers()[0]!.seq).not.toBe(50);
    expect(messages.some((m) => /symbolic link/.test(m))).toBe(true);
  });

  it('learns a peer’s change from a file-system event', async () => {
    const folder = tmp();
    const f = new SyncFolder({ folder, deviceId: 'me', warn: () => {} });
    const got: number[] = [];
    const stop = f.watch((s) => got.push(s.seq));
    expect(f.eventsDelivered).toBe(true);
    const d = peerDir(folder, 'laptop');
    writeFileSync(join(d, 'state.json'), JSON.stringify(state('laptop', 12)));
    for (let i = 0; i < 50 && !got.length; i++) await new Promise((r) => setTimeout(r, 50));
    stop();
    expect(got).toContain(12);
  });

  it('learns every change of a peer written as sync services write: a temporary file renamed over the last', async () => {
    const folder = tmp();
    const d = peerDir(folder, 'laptop');
    const f = new SyncFolder({ folder, deviceId: 'me', warn: () => {} });
    const got: number[] = [];
    const stop = f.watch((s) => got.push(s.seq));
    try {
      for (const seq of [1, 2, 3]) {
        // Syncthing's way: `.syncthing.state.json.tmp`, then a rename over state.json.
        writeFileSync(join(d, '.syncthing.state.json.tmp'), JSON.stringify(state('laptop', seq)));
        renameSync(join(d, '.syncthing.state.json.tmp'), join(d, 'state.json'));
        for (let i = 0; i < 60 && !got.includes(seq); i++) await new Promise((r) => setTimeout(r, 50));
        expect(got, `state ${seq} was seen`).toContain(seq);
      }
      // A computer whose folder arrives after the watch began is followed too.
      const late = peerDir(folder, 'tablet');
      for (const seq of [1, 2]) {
        writeFileSync(join(late, '.syncthing.state.json.tmp'), JSON.stringify(state('tablet', seq)));
        renameSync(join(late, '.syncthing.state.json.tmp'), join(late, 'state.json'));
        for (let i = 0; i < 60 && got.filter((x) => x === seq).length < 2; i++) await new Promise((r) => setTimeout(r, 50));
      }
      expect(got.filter((x) => x === 2)).toHaveLength(2);
    } finally {
      stop();
    }
  });

  it('notices another computer writing with this computer’s id', () => {
    const folder = tmp();
    const f = new SyncFolder({ folder, deviceId: 'me', warn: () => {} });
    let dup = 0;
    f.onDuplicateId = () => dup++;
    f.writeState(state('me', 1));
    // The clone's write arrives through the sync service.
    writeFileSync(join(folder, 'Limber', 'devices', 'me', 'state.json'), JSON.stringify({ ...state('me', 40), instance: 'another-process' }));
    f.peers();
    expect(dup).toBe(1);
  });

  it('a folder that cannot be read is not a crash', () => {
    const folder = tmp();
    const d = peerDir(folder, 'laptop');
    writeFileSync(join(d, 'state.json'), JSON.stringify(state('laptop', 1)));
    chmodSync(d, 0o000);
    const f = new SyncFolder({ folder, deviceId: 'me', warn: () => {} });
    expect(() => f.peers()).not.toThrow();
    chmodSync(d, 0o755);
  });
});
