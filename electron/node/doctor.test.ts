import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeRecord, type HistoryRecord } from '../core/history.ts';
import { defaultSettings } from '../core/settings.ts';
import { runDoctor } from './doctor.ts';

let dir: string;
let umask: number;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'limber-doctor-'));
  // Files made here are private, as Limber makes them: loose modes are a finding of their own (data-folder.security.test.ts).
  umask = process.umask(0o077);
});
afterEach(() => {
  process.umask(umask);
  fs.rmSync(dir, { recursive: true, force: true });
});

const NOW = Date.parse('2026-11-23T08:55:00.000Z');
const rec = (i: number): HistoryRecord => ({ at: new Date(NOW - i * 1_800_000).toISOString(), kind: 'micro', outcome: 'completed', seconds: 60, exercises: ['neck-roll'] });
const goodHistory = [0, 1, 2].map((i) => serializeRecord(rec(i)) + '\n').join('');

function snapshot(): Map<string, Buffer> {
  return new Map(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f))]));
}

/** Every original file's bytes are still somewhere: as a whole file, or as the start of the appended history. */
function expectNoByteLost(before: Map<string, Buffer>) {
  const after = snapshot();
  for (const [name, bytes] of before) {
    const kept = [...after.values()].some((b) => b.equals(bytes)) || (name === 'history.jsonl' && after.get(name)!.subarray(0, bytes.length).equals(bytes));
    expect(kept, `${name} kept`).toBe(true);
  }
}

describe('doctor', () => {
  it('reports a healthy folder and changes nothing', () => {
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ ...defaultSettings(), __internal__: { migrations: { version: '0.1.0' } } }, null, '\t'));
    fs.writeFileSync(path.join(dir, 'history.jsonl'), goodHistory);
    const before = snapshot();
    const r = runDoctor(dir, NOW);
    expect(r.ok).toBe(true);
    expect(r.findings.every((f) => f.level === 'ok')).toBe(true);
    expect(r.findings.map((f) => f.text).join('\n')).toMatch(/3 records, all valid/);
    expect(snapshot()).toEqual(before);
  });

  it('says there is nothing to check when the folder does not exist, and creates nothing', () => {
    const missing = path.join(dir, 'nope');
    const r = runDoctor(missing, NOW);
    expect(r.ok).toBe(true);
    expect(r.findings[0]!.text).toMatch(/does not exist yet/);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it.each([
    ['corrupt JSON', Buffer.from('{"sound": false,,,')],
    ['an empty file', Buffer.alloc(0)],
    ['a truncated file', Buffer.from('{\n\t"microBreak": {\n\t\t"everyMinutes": 4')],
    ['a 10 MB garbage file', Buffer.from(Array.from({ length: 10 * 1024 * 1024 }, (_, i) => (i * 31 + 7) & 0xff))],
  ])('moves %s aside, says so, and keeps every byte', (_name, bytes) => {
    fs.writeFileSync(path.join(dir, 'settings.json'), bytes);
    const before = snapshot();
    const r = runDoctor(dir, NOW);
    expect(r.ok).toBe(true);
    const fixed = r.findings.find((f) => f.level === 'fixed')!;
    expect(fixed.text).toMatch(/settings\.json is damaged.*Moved the original, byte for byte, to settings\.json\.corrupt-2026-11-23T08-55-00-000Z and wrote the default settings/);
    expectNoByteLost(before);
  });

  it('repairs wrong types, keeping the valid values and the original file', () => {
    fs.writeFileSync(path.join(dir, 'settings.json'), '{"snoozeMinutes": "ten", "sound": false}');
    const before = snapshot();
    const r = runDoctor(dir, NOW);
    const fixed = r.findings.find((f) => f.level === 'fixed')!;
    expect(fixed.text).toMatch(/snoozeMinutes must be a whole number.*every valid value kept/);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')).sound).toBe(false);
    expectNoByteLost(before);
  });

  it('reports torn and garbled history lines, keeps them, and ends a torn last line', () => {
    const history = `${goodHistory}{"at":"garbled"}\nnot json at all\n${serializeRecord(rec(5))}\n{"at":"2026-11-23T09:00:00.000Z","ki`;
    fs.writeFileSync(path.join(dir, 'history.jsonl'), history);
    const before = snapshot();
    const r = runDoctor(dir, NOW);
    expect(r.ok).toBe(true);
    const text = r.findings.map((f) => `${f.level}: ${f.text}`).join('\n');
    expect(text).toMatch(/4 valid records; 3 damaged lines \(line 4: "at" must be.*line 5: not valid JSON; line 7: torn line/);
    expect(text).toMatch(/fixed: history\.jsonl: ended the torn last line/);
    expect(fs.readFileSync(path.join(dir, 'history.jsonl'), 'utf8')).toBe(history + '\n');
    expectNoByteLost(before);
    // Run again: nothing left to fix, the damaged lines are still reported.
    const again = runDoctor(dir, NOW);
    expect(again.findings.some((f) => f.level === 'fixed' && f.text.includes('history'))).toBe(false);
    expect(again.findings.map((f) => f.text).join('\n')).toMatch(/3 damaged lines/);
  });

  it('lists files kept by earlier repairs', () => {
    fs.writeFileSync(path.join(dir, 'settings.json.corrupt-2025-01-01T00-00-00-000Z'), 'old');
    const r = runDoctor(dir, NOW);
    expect(r.findings.find((f) => f.level === 'note')!.text).toMatch(/Kept from earlier repairs: settings\.json\.corrupt-2025/);
  });
});
