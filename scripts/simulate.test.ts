// The simulator CLI end to end: a child process, exit codes and output streams.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'limber-sim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function simulate(file: string) {
  return spawnSync('npx', ['tsx', 'scripts/simulate.ts', file], { encoding: 'utf8', env: { ...process.env, TZ: 'Europe/Berlin' } });
}

function write(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('npm run simulate', () => {
  it('exits 2 naming the field of an invalid setting', () => {
    const r = simulate(write('bad.json', { start: '2026-11-23T09:00:00+01:00', end: '2026-11-23T10:00:00+01:00', settings: { microBreak: { everyMinutes: 1 } } }));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('settings.microBreak.everyMinutes must be a whole number from 5 to 240 minutes');
    expect(r.stdout).toBe('');
  });

  it('exits 2 for a broken scenario file, and for a missing one', () => {
    const r = simulate(write('broken.json', '{"start": '));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not valid JSON/);
    expect(simulate(join(dir, 'missing.json')).status).toBe(2);
  });

  it('prints the timeline of an example scenario, one JSON object a line', () => {
    const r = simulate('scenarios/normal-day.json');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { at: string; type: string });
    expect(lines[0]).toEqual({ at: '2026-11-23T09:24:00+01:00', type: 'heads-up', kind: 'micro', breakAt: '2026-11-23T09:25:00+01:00' });
    expect(lines.every((l) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?[+-]\d\d:\d\d$/.test(l.at))).toBe(true);
  });
});
