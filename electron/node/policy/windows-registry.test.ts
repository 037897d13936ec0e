// Group Policy through the registry, from `reg query KEY /s` output in its published format (CRLF lines, four-space
// columns, REG_MULTI_SZ items joined by \0). Not run on a real Windows PC here: the samples stand for reg.exe.
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../core/policy.ts';
import { parseRegQuery, readRegistryPolicy, registrySources, type RegQuery } from './windows-registry.ts';

const HKLM = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Limber';
const HKCU = 'HKEY_CURRENT_USER\\SOFTWARE\\Policies\\Limber';

const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n';

const MACHINE = crlf([
  '',
  HKLM,
  '    headsUpSeconds    REG_DWORD    0x78',
  '    sound    REG_DWORD    0x0',
  '    shortcut    REG_SZ    Ctrl+Alt+P',
  '',
  `${HKLM}\\microBreak`,
  '    everyMinutes    REG_DWORD    0x2d',
  '    enabled    REG_DWORD    0x1',
  '',
  `${HKLM}\\policy`,
  '    allowSkip    REG_DWORD    0x0',
  '    maxPauseMinutes    REG_DWORD    0x3c',
  '',
  `${HKLM}\\Recommended`,
  '    snoozeMinutes    REG_DWORD    0xa',
  '    positions    REG_MULTI_SZ    seated\\0standing\\0wall',
  '',
  `${HKLM}\\Recommended\\workHours`,
  '    enabled    REG_DWORD    0x1',
  '    days    REG_MULTI_SZ    1\\02\\03\\04',
  '    start    REG_SZ    08:00',
  '    end    REG_SZ    16:30',
  '',
]);

const USER = crlf([
  '',
  HKCU,
  '    headsUpSeconds    REG_DWORD    0x1e',
  '    snoozeMinutes    REG_DWORD    0x3',
  '    microBreak.durationSeconds    REG_DWORD    0x5a',
  '    awayAfterMinutes    REG_SZ    ten',
  '',
]);

const query =
  (answers: Record<string, string | null>): RegQuery =>
  async (key) => {
    const a = answers[key];
    return a === undefined || a === null ? { ok: false, missing: true, error: 'ERROR: The system was unable to find the specified registry key or value.' } : { ok: true, stdout: a };
  };

describe('reg query output', () => {
  it('parses keys and typed values', () => {
    const keys = parseRegQuery(MACHINE);
    expect([...keys.keys()]).toEqual([HKLM, `${HKLM}\\microBreak`, `${HKLM}\\policy`, `${HKLM}\\Recommended`, `${HKLM}\\Recommended\\workHours`]);
    expect(keys.get(HKLM)).toEqual([
      { name: 'headsUpSeconds', type: 'REG_DWORD', value: 120 },
      { name: 'sound', type: 'REG_DWORD', value: 0 },
      { name: 'shortcut', type: 'REG_SZ', value: 'Ctrl+Alt+P' },
    ]);
    expect(keys.get(`${HKLM}\\Recommended`)![1]).toEqual({ name: 'positions', type: 'REG_MULTI_SZ', value: ['seated', 'standing', 'wall'] });
  });

  it('subkeys are groups, Recommended is the recommended layer, DWORD 0/1 are switches, MULTI_SZ lists', () => {
    const { sources, problems } = registrySources(parseRegQuery(MACHINE), HKLM);
    expect(problems).toEqual([]);
    expect(sources.map((s) => [s.kind, s.source])).toEqual([
      ['managed', HKLM],
      ['managed', `${HKLM}\\microBreak`],
      ['managed', `${HKLM}\\policy`],
      ['recommended', `${HKLM}\\Recommended`],
      ['recommended', `${HKLM}\\Recommended\\workHours`],
    ]);
    expect(sources[0]!.data).toEqual({ headsUpSeconds: 120, sound: false, shortcut: 'Ctrl+Alt+P' });
    expect(sources[4]!.data).toEqual({ 'workHours.enabled': true, 'workHours.days': [1, 2, 3, 4], 'workHours.start': '08:00', 'workHours.end': '16:30' });
  });

  it('the machine wins over the user; dotted value names work; a bad value names the registry key and the setting', async () => {
    const p = await readRegistryPolicy(query({ [HKLM]: MACHINE, [HKCU]: USER }));
    expect(p.managed.values).toMatchObject({ headsUpSeconds: 120, snoozeMinutes: 3, 'microBreak.durationSeconds': 90, 'microBreak.everyMinutes': 45, sound: false });
    expect(p.managed.sources['headsUpSeconds']).toBe(HKLM);
    expect(p.rules).toMatchObject({ allowSkip: false, maxPauseMinutes: 60 });
    expect(p.problems).toEqual([`${HKCU}: awayAfterMinutes must be a whole number from 2 to 30 minutes; ignored`]);
    const r = resolveSettings({}, p);
    expect(r.settings.workHours).toEqual({ enabled: true, days: [1, 2, 3, 4], start: '08:00', end: '16:30' });
    expect(r.origin['workHours.start']).toBe('recommended');
  });

  it('no Limber key anywhere is no policy; a key that cannot be read is one message', async () => {
    expect(await readRegistryPolicy(query({}))).toMatchObject({ managed: { values: {} }, problems: [] });
    const denied: RegQuery = async () => ({ ok: false, missing: false, error: 'ERROR: Access is denied.' });
    expect((await readRegistryPolicy(denied)).problems).toEqual([
      `${HKCU}: cannot be read (ERROR: Access is denied.); its policies are not applied`,
      `${HKLM}: cannot be read (ERROR: Access is denied.); its policies are not applied`,
    ]);
  });

  it('keys deeper than a group are one message', () => {
    const text = crlf(['', `${HKLM}\\microBreak\\extra`, '    x    REG_DWORD    0x1', '']);
    expect(registrySources(parseRegQuery(text), HKLM).problems).toEqual([`${HKLM}\\microBreak\\extra: Limber's settings are at most one key deep (a group such as microBreak); ignored`]);
  });
});
