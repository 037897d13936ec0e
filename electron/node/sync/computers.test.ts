// The settings window's port for several computers, on real folders: the folder checks, device.json renamed, and
// the computers a folder holds (a peer's files written by the adapter itself).
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceState } from '../../core/sync/wire.ts';
import { createComputers, folderProblem } from './computers.ts';
import { SyncFolder } from './sync-folder.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'limber-computers-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) {
    chmodSync(d, 0o700);
    rmSync(d, { recursive: true, force: true });
  }
});

function peerState(id: string, name: string, at: number, extra: Partial<DeviceState> = {}): DeviceState {
  return {
    v: 1, id, name, at, seq: 1, n: 0, lastInputAt: at, using: true, refreshBy: 150_000, power: 'active',
    holds: [], actions: [], showing: null, cycle: null, ...extra,
  };
}

describe('folderProblem', () => {
  it('wants an absolute, existing, writable folder', () => {
    const d = tmp();
    expect(folderProblem(d)).toBeNull();
    expect(folderProblem('Sync/Limber')).toBe('not-absolute');
    expect(folderProblem(join(d, 'nowhere'))).toBe('missing');
    writeFileSync(join(d, 'file'), 'x');
    expect(folderProblem(join(d, 'file'))).toBe('not-folder');
    const ro = tmp();
    chmodSync(ro, 0o500);
    // root may write anywhere: the check is only meaningful for an ordinary user.
    if (process.getuid?.() !== 0) expect(folderProblem(ro)).toBe('not-writable');
  });
});

describe('createComputers', () => {
  it('renames this computer in device.json, keeping its id; refuses an empty name', () => {
    const data = tmp();
    const c = createComputers(data, () => 0, () => {});
    const { id } = c.thisComputer();
    expect(c.rename('  desk  ')).toEqual({ ok: true, name: 'desk' });
    expect(JSON.parse(readFileSync(join(data, 'device.json'), 'utf8'))).toEqual({ id, name: 'desk' });
    expect(c.rename('   ')).toMatchObject({ ok: false });
    expect(c.thisComputer()).toEqual({ id, name: 'desk' });
  });

  it('lists the computers in a folder: this one first, a peer in use, one off, with clock differences', () => {
    const data = tmp();
    const folder = tmp();
    const now = Date.now();
    const c = createComputers(data, () => now, () => {});
    const me = c.thisComputer();
    new SyncFolder({ folder, deviceId: me.id, warn: () => {} }).writeState(peerState(me.id, me.name, now));
    new SyncFolder({ folder, deviceId: 'laptop-1', warn: () => {} }).writeState(peerState('laptop-1', 'laptop', now + 30_000));
    new SyncFolder({ folder, deviceId: 'old-2', warn: () => {} }).writeState(peerState('old-2', 'old', now, { power: 'off' }));
    const r = c.list(folder);
    expect('rows' in r).toBe(true);
    if (!('rows' in r)) return;
    expect(r.rows[0]).toMatchObject({ name: me.name, self: true, state: 'present' });
    expect(r.rows.slice(1).map((x) => [x.name, x.self, x.state]).sort()).toEqual([
      ['laptop', false, 'present'],
      ['old', false, 'off'],
    ]);
    expect(r.rows.find((x) => x.name === 'laptop')!.clockDifferenceSeconds).toBeGreaterThanOrEqual(29);
    expect(c.list(join(folder, 'missing'))).toEqual({ problem: 'missing' });
  });
});
