// The data folder against a loose umask, another local user and hostile files in place of Limber's own (links, huge
// lines, masses of damage). FIFOs and folders in place of the history, which would hang or crash a reader, are tried
// on the command line in a child process (electron/cli/hostile-folder.test.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serializeRecord, type HistoryRecord } from '../core/history.ts';
import { spawnAsOtherUser } from '../../e2e/harness/for-other-user.ts';
import { runDoctor } from './doctor.ts';
import { firstRun } from './first-run.ts';
import { HistoryFile, HistoryNotWritten, KEEP_BAD_LINES } from './history-file.ts';
import { SettingsFile } from './settings-file.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
/** A data folder not made yet, inside a folder anyone may enter (as ~/.config is). */
function freshDataDir(): string {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'limber-folder-'));
  fs.chmodSync(parent, 0o755);
  dirs.push(parent);
  return path.join(parent, 'Limber');
}
const rec = (i: number): HistoryRecord => ({ at: new Date(Date.UTC(2026, 10, 23, 9, i)).toISOString(), kind: 'micro', outcome: 'completed', seconds: 60, exercises: ['neck-roll'] });
const mode = (p: string) => fs.lstatSync(p).mode & 0o777;

function withUmask<T>(mask: number, fn: () => T): T {
  const old = process.umask(mask);
  try {
    return fn();
  } finally {
    process.umask(old);
  }
}

describe('data folder modes, whatever the umask', () => {
  it('the history: folder 0700, file 0600 under umask 000', () => {
    const dir = freshDataDir();
    withUmask(0, () => new HistoryFile(dir).append(rec(0)));
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, 'history.jsonl'))).toBe(0o600);
  });

  it('the settings: folder 0700, settings.json 0600, a damaged file moved aside 0600, under umask 000', () => {
    const dir = freshDataDir();
    withUmask(0, () => new SettingsFile({ dataDir: dir }).load());
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, 'settings.json'))).toBe(0o600);
    fs.writeFileSync(path.join(dir, 'settings.json'), '{"torn', { mode: 0o644 });
    fs.chmodSync(path.join(dir, 'settings.json'), 0o644);
    const r = withUmask(0, () => new SettingsFile({ dataDir: dir }).load());
    expect(r.movedAside).not.toBeNull();
    expect(mode(r.movedAside!)).toBe(0o600);
    expect(mode(path.join(dir, 'settings.json'))).toBe(0o600);
  });

  it('the welcome marker: 0600 under umask 000', () => {
    const dir = freshDataDir();
    fs.mkdirSync(dir, { mode: 0o700 });
    withUmask(0, () => firstRun(dir).markShown());
    expect(mode(path.join(dir, 'welcome-shown'))).toBe(0o600);
  });

  it('doctor takes loose modes back to 0700 and 0600, and says so', () => {
    const dir = freshDataDir();
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'history.jsonl'), serializeRecord(rec(0)) + '\n');
    fs.writeFileSync(path.join(dir, 'settings.json'), '{}');
    fs.chmodSync(dir, 0o777);
    fs.chmodSync(path.join(dir, 'history.jsonl'), 0o666);
    fs.chmodSync(path.join(dir, 'settings.json'), 0o644);
    const report = runDoctor(dir, Date.UTC(2026, 10, 23));
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, 'history.jsonl'))).toBe(0o600);
    expect(mode(path.join(dir, 'settings.json'))).toBe(0o600);
    expect(report.findings).toContainEqual({ level: 'fixed', text: expect.stringMatching(/Only you may read the data folder now.*the data folder \(was 777\).*history\.jsonl \(was 666\)/) });
  });
});

describe('no writes through links', () => {
  it('a history.jsonl that is a link: the record is kept for later, the file it points at is not touched', () => {
    const dir = freshDataDir();
    fs.mkdirSync(dir, { mode: 0o700 });
    const elsewhere = path.join(path.dirname(dir), 'elsewhere.txt');
    fs.writeFileSync(elsewhere, 'not yours\n');
    fs.symlinkSync(elsewhere, path.join(dir, 'history.jsonl'));
    const h = new HistoryFile(dir, { schedule: () => () => {} });
    expect(() => h.append(rec(0))).toThrow(HistoryNotWritten);
    expect(() => h.append(rec(1))).not.toThrow();
    expect(h.waiting).toBe(2);
    expect(fs.readFileSync(elsewhere, 'utf8')).toBe('not yours\n');
    expect(h.close()).toMatch(/history\.jsonl is a symbolic link, not a regular file/);
  });

  it("doctor's repair of a torn last line does not append to a link's target", () => {
    const dir = freshDataDir();
    fs.mkdirSync(dir, { mode: 0o700 });
    const elsewhere = path.join(path.dirname(dir), 'elsewhere.jsonl');
    const torn = serializeRecord(rec(0)) + '\n{"at":"2026';
    fs.writeFileSync(elsewhere, torn);
    fs.symlinkSync(elsewhere, path.join(dir, 'history.jsonl'));
    const report = runDoctor(dir, Date.UTC(2026, 10, 23));
    expect(fs.readFileSync(elsewhere, 'utf8')).toBe(torn);
    expect(report.ok).toBe(false);
    expect(report.findings).toContainEqual({ level: 'problem', text: expect.stringMatching(/history\.jsonl is a symbolic link/) });
  });
});

describe('hostile history contents', () => {
  it('a line of megabytes is damage quoted briefly, and every record around it is kept', () => {
    const dir = freshDataDir();
    fs.mkdirSync(dir, { mode: 0o700 });
    const huge = '{"at":"' + 'x'.repeat(5 * 1024 * 1024) + '"}';
    fs.writeFileSync(path.join(dir, 'history.jsonl'), [rec(0), rec(1)].map(serializeRecord).join('\n') + '\n' + huge + '\n' + serializeRecord(rec(2)) + '\n' + huge);
    const r = new HistoryFile(dir).read();
    expect(r.records).toEqual([rec(0), rec(1), rec(2)]);
    expect(r.bad.map((b) => b.line)).toEqual([3, 5]);
    for (const b of r.bad) expect(b.text.length).toBeLessThanOrEqual(201);
    expect(r.bad[0]!.reason).toMatch(/longer than 64 KiB/);
  });

  it('200,000 damaged lines are counted, and only the first are kept', () => {
    const dir = freshDataDir();
    fs.mkdirSync(dir, { mode: 0o700 });
    fs.writeFileSync(path.join(dir, 'history.jsonl'), serializeRecord(rec(0)) + '\n' + 'x\n'.repeat(200_000) + serializeRecord(rec(1)) + '\n');
    const r = new HistoryFile(dir).read();
    expect(r.records).toEqual([rec(0), rec(1)]);
    expect(r.badCount).toBe(200_000);
    expect(r.bad.length).toBe(KEEP_BAD_LINES);
  });

  it('a record split across the reader\'s chunks, in any script, is read whole', () => {
    const dir = freshDataDir();
    fs.mkdirSync(dir, { mode: 0o700 });
    const records = Array.from({ length: 3000 }, (_, i) => ({ ...rec(i % 60), exercises: [`übung-${'ü'.repeat(i % 50)}`] }));
    fs.writeFileSync(path.join(dir, 'history.jsonl'), records.map(serializeRecord).join('\r\n'));
    expect(new HistoryFile(dir).read()).toEqual({ records, bad: [], badCount: 0 });
  });
});

describe('another local user', () => {
  it('cannot read the data folder or anything in it', (ctx) => {
    const dir = freshDataDir();
    new HistoryFile(dir).append(rec(0));
    new SettingsFile({ dataDir: dir }).load();
    const script = `
      const fs = require('node:fs');
      const tryIt = (f) => { try { f(); return 'read'; } catch (e) { return e.code; } };
      process.stdout.write(JSON.stringify([
        tryIt(() => fs.readdirSync(process.argv[1])),
        tryIt(() => fs.readFileSync(process.argv[1] + '/history.jsonl')),
        tryIt(() => fs.readFileSync(process.argv[1] + '/settings.json')),
      ]));`;
    const r = spawnAsOtherUser(script, [dir]);
    if (!r) return ctx.skip('needs root to act as a second local user');
    expect(JSON.parse(r.stdout)).toEqual(['EACCES', 'EACCES', 'EACCES']);
  });
});
