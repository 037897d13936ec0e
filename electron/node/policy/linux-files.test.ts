// The Linux policy files: name order (a later file wins per key), one message per unusable file or value, a size cap,
// and changes followed while running. The root is given to the constructor here (unit tests only); the app and the
// e2e tests use /etc/limber/policies (see electron/cli/settings.test.ts for the real path in a mount namespace).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveSettings, type Policy } from '../../core/policy.ts';
import { LINUX_POLICY_ROOT, LinuxPolicyFiles, MAX_POLICY_FILE_BYTES } from './linux-files.ts';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'limber-linux-policy-'));
  fs.mkdirSync(path.join(root, 'managed'));
  fs.mkdirSync(path.join(root, 'recommended'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const file = (kind: string, name: string) => path.join(root, kind, name);
const put = (kind: string, name: string, data: unknown) => fs.writeFileSync(file(kind, name), typeof data === 'string' ? data : JSON.stringify(data));

describe('reading', () => {
  it('the packaged app reads the fixed root: no variable or flag moves it', () => {
    const src = new LinuxPolicyFiles();
    expect(src.root).toBe('/etc/limber/policies');
    expect(LINUX_POLICY_ROOT).toBe('/etc/limber/policies');
    expect(fs.readFileSync(path.join(import.meta.dirname, 'linux-files.ts'), 'utf8')).not.toMatch(/process\.(env|argv)/);
  });

  it('reads both folders in name order; a later file wins per key; non-JSON names are not policy files', () => {
    put('managed', '10-a.json', { snoozeMinutes: 3, sound: false });
    put('managed', '20-b.json', { snoozeMinutes: 9 });
    put('managed', 'README.txt', 'not a policy');
    put('recommended', '10.json', { headsUpSeconds: 120 });
    const p = new LinuxPolicyFiles({ root }).read();
    expect(p.managed.values).toEqual({ snoozeMinutes: 9, sound: false });
    expect(p.managed.sources).toEqual({ snoozeMinutes: file('managed', '20-b.json'), sound: file('managed', '10-a.json') });
    expect(p.recommended.values).toEqual({ headsUpSeconds: 120 });
    expect(p.problems).toEqual([]);
  });

  it('missing folders are no policy and no problem', () => {
    expect(new LinuxPolicyFiles({ root: path.join(root, 'nothing') }).read()).toMatchObject({ managed: { values: {} }, problems: [] });
  });

  it('a file over the size cap is one message and nothing of it applies', () => {
    put('managed', '10.json', `{"sound": false, "x": "${'a'.repeat(MAX_POLICY_FILE_BYTES)}"}`);
    const p = new LinuxPolicyFiles({ root }).read();
    expect(p.managed.values).toEqual({});
    expect(p.problems).toEqual([expect.stringMatching(/10\.json: too large \(\d+ bytes, at most 262144\); ignored$/)]);
  });

  it('a folder where a file should be, and an unreadable file, are one message each', () => {
    fs.mkdirSync(file('managed', 'dir.json'));
    const p = new LinuxPolicyFiles({ root }).read();
    expect(p.problems).toEqual([`${file('managed', 'dir.json')}: not a file; ignored`]);
  });
});

describe('fuzz: any file content gives no crash and one message per bad file or value', () => {
  const junk = fc.oneof(
    fc.string(),
    fc.constant('{'),
    fc.constant('null'),
    fc.constant('[]'),
    fc.constant('"text"'),
    fc.constant('\u0000\u00ff'),
    fc.json(),
    fc.record({ microBreak: fc.anything(), snoozeMinutes: fc.anything(), policy: fc.anything(), [fc.string().toString()]: fc.anything() }).map((o) => JSON.stringify(o)),
  );
  it('reads and merges every generated file without throwing, always with valid settings', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('managed', 'recommended'), junk), { maxLength: 4 }), (files) => {
        for (const kind of ['managed', 'recommended']) for (const f of fs.readdirSync(path.join(root, kind))) fs.rmSync(file(kind, f));
        files.forEach(([kind, text], i) => put(kind, `${i}.json`, text));
        let p: Policy | undefined;
        expect(() => (p = new LinuxPolicyFiles({ root }).read())).not.toThrow();
        const r = resolveSettings({}, p!);
        expect(r.settings.microBreak.everyMinutes).toBeGreaterThanOrEqual(5);
        // Every unparsable file: exactly one message naming it.
        files.forEach(([kind, text], i) => {
          let parses = true;
          try {
            JSON.parse(text);
          } catch {
            parses = false;
          }
          if (!parses) expect(p!.problems.filter((m) => m.startsWith(`${file(kind, `${i}.json`)}:`))).toHaveLength(1);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('wrong types, out of range and unknown keys: one message each, the rest applies', () => {
    put('managed', '10.json', { microBreak: { everyMinutes: 'thirty', durationSeconds: 5000, enabled: false }, snoozeMinutes: 0, unknownKey: 1, workHours: [], policy: { allowSkip: 'no', maxPauseMinutes: 30 } });
    const p = new LinuxPolicyFiles({ root }).read();
    const f = file('managed', '10.json');
    expect(p.problems).toEqual([
      `${f}: workHours must be a group of settings (an object), not a list; ignored`,
      `${f}: microBreak.everyMinutes must be a whole number from 5 to 240 minutes; ignored`,
      `${f}: microBreak.durationSeconds must be a whole number from 20 to 600 seconds; ignored`,
      `${f}: snoozeMinutes must be a whole number from 1 to 60 minutes; ignored`,
      `${f}: unknownKey is not a known setting; ignored`,
      `${f}: policy.allowSkip must be true or false; ignored`,
    ]);
    expect(p.managed.values).toEqual({ 'microBreak.enabled': false });
    expect(p.rules.maxPauseMinutes).toBe(30);
  });
});

describe('followed while running', () => {
  it('a new, changed or removed file applies without a restart', async () => {
    const src = new LinuxPolicyFiles({ root, debounceMs: 20, pollMs: 100 });
    const seen: Policy[] = [];
    const stop = src.watch((p) => seen.push(p));
    const waitFor = async (pred: () => boolean) => {
      for (let i = 0; i < 100 && !pred(); i++) await new Promise((r) => setTimeout(r, 30));
      expect(pred()).toBe(true);
    };
    try {
      put('managed', '10.json', { sound: false });
      await waitFor(() => seen.at(-1)?.managed.values['sound'] === false);
      put('managed', '10.json', { sound: true });
      await waitFor(() => seen.at(-1)?.managed.values['sound'] === true);
      fs.rmSync(file('managed', '10.json'));
      await waitFor(() => seen.at(-1)?.managed.values['sound'] === undefined);
    } finally {
      stop();
    }
  });

  it('a policy folder made after the start is seen', async () => {
    fs.rmSync(path.join(root, 'recommended'), { recursive: true });
    const src = new LinuxPolicyFiles({ root, debounceMs: 20, pollMs: 100 });
    const seen: Policy[] = [];
    const stop = src.watch((p) => seen.push(p));
    try {
      fs.mkdirSync(path.join(root, 'recommended'));
      put('recommended', '10.json', { snoozeMinutes: 11 });
      for (let i = 0; i < 100 && seen.at(-1)?.recommended.values['snoozeMinutes'] !== 11; i++) await new Promise((r) => setTimeout(r, 30));
      expect(seen.at(-1)?.recommended.values['snoozeMinutes']).toBe(11);
    } finally {
      stop();
    }
  });
});
