// settings.json far larger than any real settings (a hostile or broken writer) is moved aside unread, like a corrupt
// file: start-up and `doctor` stay fast and the file is kept byte for byte.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../core/settings.ts';
import { MAX_SETTINGS_BYTES, SettingsFile } from './settings-file.ts';
import { runDoctor } from './doctor.ts';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'limber-settings-size-'));
  file = path.join(dir, 'settings.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const NOW = Date.parse('2026-11-23T08:55:00.000Z');
/** Valid JSON, every value allowed before lists had limits: 200,000 positions. */
const bigButValid = () => Buffer.from(JSON.stringify({ snoozeMinutes: 7, positions: Array(200_000).fill('seated') }));

describe('settings.json size limit', () => {
  it('a file over the limit is moved aside unread, with a clear message, and Limber starts on the defaults', () => {
    const original = bigButValid();
    expect(original.length).toBeGreaterThan(MAX_SETTINGS_BYTES);
    fs.writeFileSync(file, original);
    const r = new SettingsFile({ dataDir: dir, now: () => NOW }).load();
    expect(r.settings).toEqual(defaultSettings());
    expect(r.movedAside).not.toBeNull();
    expect(fs.readFileSync(r.movedAside!).equals(original)).toBe(true);
    expect(r.message).toMatch(/settings\.json could not be used \(it is 1\.\d MB; settings are never larger than 64 KB\)/);
  });

  it('a hand edit over the limit is rejected and the current settings stay', () => {
    const s = new SettingsFile({ dataDir: dir, now: () => NOW });
    s.load();
    fs.writeFileSync(file, bigButValid());
    const r = s.reload();
    expect(r.settings).toEqual(defaultSettings());
    expect(r.message).toMatch(/settings\.json was changed but it is 1\.\d MB; settings are never larger than 64 KB/);
  });

  it('doctor moves it aside and says why', () => {
    fs.writeFileSync(file, bigButValid());
    const report = runDoctor(dir, NOW);
    expect(report.findings.map((f) => f.text).join('\n')).toMatch(/1\.\d MB; settings are never larger than 64 KB/);
    expect(fs.readdirSync(dir).some((f) => f.startsWith('settings.json.corrupt-'))).toBe(true);
  });
});
