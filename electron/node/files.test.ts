import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileStamp, moveAside } from './files.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'limber-files-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('moveAside', () => {
  it('never overwrites an earlier copy, even one moved aside in the same millisecond', () => {
    const file = path.join(dir, 'settings.json');
    const now = Date.parse('2026-11-23T08:55:00.000Z');
    const moved: string[] = [];
    for (const body of ['first', 'second', 'third']) {
      fs.writeFileSync(file, body);
      moved.push(moveAside(file, now));
    }
    const base = `${file}.corrupt-${fileStamp(now)}`;
    expect(moved).toEqual([base, `${base}-1`, `${base}-2`]);
    expect(moved.map((m) => fs.readFileSync(m, 'utf8'))).toEqual(['first', 'second', 'third']);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('skips a name taken by anything, and keeps the label it is given', () => {
    const file = path.join(dir, 'history.jsonl');
    const now = 0;
    const base = `${file}.unreadable-${fileStamp(now)}`;
    fs.mkdirSync(base);
    fs.writeFileSync(`${base}-1`, 'older');
    fs.writeFileSync(file, 'newer');
    expect(moveAside(file, now, 'unreadable')).toBe(`${base}-2`);
    expect(fs.readFileSync(`${base}-1`, 'utf8')).toBe('older');
    expect(fs.readFileSync(`${base}-2`, 'utf8')).toBe('newer');
  });
});
