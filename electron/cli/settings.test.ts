// `limber settings [--json]` and doctor's policy lines: the settings in force, each value's origin, the policy and its
// problems. The real command line in a private mount namespace reads /etc/limber/policies, the one fixed place.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settingKeys } from '../core/policy.ts';
import { LinuxPolicyFiles } from '../node/policy/linux-files.ts';
import { runCli } from './run.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let dir: string;
let policyDir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'limber-cli-settings-'));
  policyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'limber-policies-'));
  fs.mkdirSync(path.join(policyDir, 'managed'));
  fs.mkdirSync(path.join(policyDir, 'recommended'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(policyDir, { recursive: true, force: true });
});

function put(kind: 'managed' | 'recommended', name: string, data: unknown) {
  fs.writeFileSync(path.join(policyDir, kind, name), typeof data === 'string' ? data : JSON.stringify(data));
}

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli([...args, '--user-data-dir', dir], {
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    policy: async () => new LinuxPolicyFiles({ root: policyDir }),
    desktop: async () => '',
  });
  return { code, out, err };
}

describe('limber settings', () => {
  it('--json: settings in force, the origin of every leaf, the policy and one message per problem', async () => {
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ snoozeMinutes: 3, microBreak: { everyMinutes: 20 } }));
    put('recommended', '10-rhythm.json', { microBreak: { everyMinutes: 45, durationSeconds: 90 }, headsUpSeconds: 'soon' });
    put('managed', '10-base.json', { microBreak: { everyMinutes: 50 }, policy: { allowSkip: false, maxPauseMinutes: 60 } });
    put('managed', '20-later.json', { microBreak: { everyMinutes: 55 } });
    put('managed', '30-broken.json', '{"sound": fal');
    const r = await run(['settings', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { settings: Record<string, Record<string, unknown>>; origin: Record<string, string>; policy: Record<string, unknown>; problems: string[] };
    expect(Object.keys(j.origin).sort()).toEqual(settingKeys().sort());
    expect(j.settings['microBreak']).toEqual({ enabled: true, everyMinutes: 55, durationSeconds: 90 });
    expect(j.origin).toMatchObject({ 'microBreak.everyMinutes': 'managed', 'microBreak.durationSeconds': 'recommended', snoozeMinutes: 'user', headsUpSeconds: 'default' });
    expect(j.policy).toMatchObject({ allowSkip: false, allowPause: true, maxPauseMinutes: 60, locked: ['microBreak.everyMinutes'] });
    expect(j.problems).toEqual([
      expect.stringMatching(new RegExp(`^${path.join(policyDir, 'managed', '30-broken.json')}: not valid JSON \\(.+\\); ignored$`)),
      `${path.join(policyDir, 'recommended', '10-rhythm.json')}: headsUpSeconds must be a whole number from 0 to 300 seconds; ignored`,
    ]);
    // Read-only: the data folder is as it was.
    expect(fs.readdirSync(dir)).toEqual(['settings.json']);
  });

  it('without a policy or a settings file: defaults everywhere, no problems', async () => {
    const j = JSON.parse((await run(['settings', '--json'])).out) as { origin: Record<string, string>; problems: string[]; policy: Record<string, unknown> };
    expect(new Set(Object.values(j.origin))).toEqual(new Set(['default']));
    expect(j.problems).toEqual([]);
    expect(j.policy).toMatchObject({ allowSkip: true, allowPause: true, maxPauseMinutes: null, allowTurnOffBreaks: true, allowSync: true, locked: [] });
  });

  it('in words: each value with where it comes from, the rules and the problems', async () => {
    put('managed', '10.json', { sound: false, policy: { allowPause: false } });
    put('recommended', '10.json', { snoozeMinutes: 12, nope: 1 });
    const r = await run(['settings']);
    expect(r.out).toMatch(/sound\s+false\s+\(set by your organisation \(locked\): .*managed\/10\.json\)/);
    expect(r.out).toMatch(/snoozeMinutes\s+12\s+\(recommended by your organisation/);
    expect(r.out).toMatch(/headsUpSeconds\s+60\s+\(default\)/);
    expect(r.out).toMatch(/rules: pausing is not allowed\./);
    expect(r.out).toMatch(/- .*recommended\/10\.json: nope is not a known setting; ignored/);
  });

  it('doctor lists the policies in force', async () => {
    put('managed', '10.json', { sound: false });
    const r = await run(['doctor']);
    expect(r.out).toMatch(/Organisation policy:\n {2}read from: .*managed\/10\.json\n {2}managed \(locked\): sound\n/);
  });

  it('bad arguments exit 2 naming them', async () => {
    const r = await run(['settings', '--jsn']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown option '--jsn' for 'settings'/);
  });
});

/** The namespace needs root and overlayfs; where they are missing the test says so rather than passing. */
function canUseNamespace(): boolean {
  return spawnSync('bash', ['scripts/policy-namespace.sh', os.tmpdir(), 'true'], { cwd: ROOT }).status === 0;
}

describe('the real command line reads /etc/limber/policies', () => {
  it.runIf(canUseNamespace())('a managed file there is in force (private mount namespace)', () => {
    put('managed', '50.json', { holdLimitMinutes: 30 });
    const r = spawnSync('bash', ['scripts/policy-namespace.sh', policyDir, process.execPath, '--import', 'tsx', 'electron/cli/main.ts', 'settings', '--json', '--user-data-dir', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout) as { settings: { holdLimitMinutes: number }; origin: Record<string, string>; policy: { sources: Record<string, string> } };
    expect(j.settings.holdLimitMinutes).toBe(30);
    expect(j.origin['holdLimitMinutes']).toBe('managed');
    expect(j.policy.sources['holdLimitMinutes']).toBe('/etc/limber/policies/managed/50.json');
  });
});
