// The settings schema on its own: the defaults, every range and format with the exact words a user reads, and the
// field-by-field repair of a hand-edited file. Expected values are written out here, never read from the schema.
import { describe, expect, it } from 'vitest';
import { applySettingsPatch, defaultSettings, sanitizeSettings, validateSettings, type Settings } from './settings.ts';

/** The problems of a settings object, or [] when it is valid. */
function problems(input: unknown): { path: string; message: string }[] {
  const r = validateSettings(input);
  return r.ok ? [] : r.problems;
}

/** The one message for a single bad value, or null when the value is accepted. */
function refusal(input: unknown): string | null {
  const p = problems(input);
  return p.length ? p.map((x) => x.message).join(' | ') : null;
}

describe('the defaults', () => {
  it('are the documented ones', () => {
    expect(defaultSettings()).toEqual({
      microBreak: { enabled: true, everyMinutes: 30, durationSeconds: 60 },
      longBreak: { enabled: true, everyNth: 4, durationMinutes: 5 },
      headsUpSeconds: 60,
      snoozeMinutes: 5,
      awayAfterMinutes: 5,
      workHours: { enabled: false, days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
      positions: ['seated', 'standing'],
      excludedExercises: [],
      sound: true,
      shortcut: 'CommandOrControl+Alt+B',
      startAtLogin: true,
      holdDuring: ['call', 'screen-sharing', 'presentation', 'fullscreen', 'do-not-disturb'],
      holdLimitMinutes: 90,
      language: 'system',
    });
  });

  it('are a fresh copy each time', () => {
    const a = defaultSettings();
    a.holdDuring.pop();
    a.positions.push('floor');
    a.workHours.days.pop();
    expect(defaultSettings().holdDuring).toHaveLength(5);
    expect(defaultSettings().positions).toEqual(['seated', 'standing']);
    expect(defaultSettings().workHours.days).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('numbers: whole, within their range, named in the message', () => {
  const cases: [path: string, wrap: (n: unknown) => unknown, min: number, max: number, words: string][] = [
    ['microBreak.everyMinutes', (n) => ({ microBreak: { everyMinutes: n } }), 5, 240, 'a whole number from 5 to 240 minutes'],
    ['microBreak.durationSeconds', (n) => ({ microBreak: { durationSeconds: n } }), 20, 600, 'a whole number from 20 to 600 seconds'],
    ['longBreak.everyNth', (n) => ({ longBreak: { everyNth: n } }), 2, 12, 'a whole number from 2 to 12'],
    ['longBreak.durationMinutes', (n) => ({ longBreak: { durationMinutes: n } }), 2, 30, 'a whole number from 2 to 30 minutes'],
    ['headsUpSeconds', (n) => ({ headsUpSeconds: n }), 0, 300, 'a whole number from 0 to 300 seconds'],
    ['snoozeMinutes', (n) => ({ snoozeMinutes: n }), 1, 60, 'a whole number from 1 to 60 minutes'],
    ['awayAfterMinutes', (n) => ({ awayAfterMinutes: n }), 2, 30, 'a whole number from 2 to 30 minutes'],
    ['holdLimitMinutes', (n) => ({ holdLimitMinutes: n }), 15, 240, 'a whole number from 15 to 240 minutes'],
  ];
  for (const [path, wrap, min, max, words] of cases) {
    it(path, () => {
      expect(refusal(wrap(min))).toBeNull();
      expect(refusal(wrap(max))).toBeNull();
      for (const bad of [min - 1, max + 1, min + 0.5, '10', null]) expect(refusal(wrap(bad))).toBe(`${path} must be ${words}`);
    });
  }
});

describe('the other settings and their words', () => {
  it('switches are true or false', () => {
    for (const wrap of [(b: unknown) => ({ sound: b }), (b: unknown) => ({ startAtLogin: b }), (b: unknown) => ({ microBreak: { enabled: b } })]) {
      expect(refusal(wrap(false))).toBeNull();
      expect(refusal(wrap('yes'))).toMatch(/^(sound|startAtLogin|microBreak\.enabled) must be true or false$/);
    }
  });

  it('work hours are times HH:MM from 00:00 to 23:59, the end after the start', () => {
    const hours = (start: unknown, end: unknown = '23:59') => ({ workHours: { start, end } });
    for (const ok of ['00:00', '09:30', '10:00', '19:59', '20:00', '23:00']) expect(refusal(hours(ok))).toBeNull();
    expect(refusal(hours('00:00', '23:59'))).toBeNull();
    for (const bad of ['9:00', '24:00', '29:00', '23:60', '09:0', 'x09:00', '09:00x', ' 09:00', '09:00 ', 'ab:cd', '0900']) {
      expect(problems(hours(bad))[0]).toEqual({ path: 'workHours.start', message: 'workHours.start must be a time HH:MM (00:00–23:59)' });
    }
    expect(problems(hours(900))[0]?.message).toBe('workHours.start must be a time HH:MM');
    expect(problems(hours('10:00', '10:00'))).toEqual([{ path: 'workHours.end', message: 'workHours.end must be later than the start time' }]);
    expect(refusal(hours('10:00', '10:01'))).toBeNull();
  });

  it('work days are weekdays 0 to 6, each once', () => {
    const days = (d: unknown) => ({ workHours: { days: d } });
    expect(refusal(days([0, 6]))).toBeNull();
    expect(refusal(days([]))).toBeNull();
    expect(refusal(days([1, 1]))).toBe('workHours.days must not list a weekday twice');
    expect(refusal(days('weekdays'))).toBe('workHours.days must be a list of weekdays 0 (Sunday) to 6 (Saturday)');
    for (const bad of [[7], [-1], [1.5], ['1']]) expect(problems(days(bad))[0]?.path).toBe('workHours.days.0');
  });

  it('positions come from the four, at least one', () => {
    expect(refusal({ positions: ['seated', 'standing', 'wall', 'floor'] })).toBeNull();
    expect(refusal({ positions: [] })).toBe('positions must allow at least one position');
    expect(refusal({ positions: 'seated' })).toBe('positions must list positions from: seated, standing, wall, floor');
    expect(problems({ positions: ['seated', 'sitting'] })[0]?.path).toBe('positions.1');
  });

  it('excluded exercises are ids of the catalog', () => {
    expect(refusal({ excludedExercises: ['neck-roll'] })).toBeNull();
    expect(problems({ excludedExercises: ['x'.repeat(65)] })[0]?.path).toBe('excludedExercises.0');
    expect(refusal({ excludedExercises: 'neck-tilt' })).toBe('excludedExercises must be a list of exercise ids');
  });

  it('the shortcut is keys joined by +, at most 64 characters', () => {
    for (const ok of ['F9', 'Alt+F9', 'CommandOrControl+Shift+K', `Alt+${'A'.repeat(60)}`]) expect(refusal({ shortcut: ok })).toBeNull();
    expect(refusal({ shortcut: `Alt+${'A'.repeat(61)}` })).toBe('shortcut is too long');
    for (const bad of ['Ctrl + B', ' F9', 'F9 ', '', 'Alt+ F9', ' +F9', '\t+F9']) expect(refusal({ shortcut: bad })).toBe('shortcut must look like CommandOrControl+Alt+B');
    expect(refusal({ shortcut: 66 })).toBe('shortcut must be a keyboard shortcut');
  });

  it('hold reasons are known ones, each once', () => {
    expect(refusal({ holdDuring: [] })).toBeNull();
    expect(refusal({ holdDuring: ['call', 'fullscreen'] })).toBeNull();
    expect(refusal({ holdDuring: ['call', 'call'] })).toBe('holdDuring must not list a reason twice');
    expect(refusal({ holdDuring: 'call' })).toBe('holdDuring must list hold reasons from: call, screen-sharing, presentation, fullscreen, do-not-disturb');
    expect(problems({ holdDuring: ['lunch'] })[0]?.path).toBe('holdDuring.0');
  });

  it('the language is system or a shipped one', () => {
    expect(refusal({ language: 'de' })).toBeNull();
    expect(refusal({ language: 'system' })).toBeNull();
    expect(refusal({ language: 'tlh' })).toMatch(/^language must be system or a shipped language: .*\bde\b.*\bja\b/);
  });

  it('a value that is not an object at all is a problem of the whole', () => {
    expect(problems(5)).toEqual([{ path: '(settings)', message: expect.stringMatching(/^\(settings\) \S/) }]);
  });
});

describe('repairing a hand-edited file, field by field', () => {
  const base = (): Settings => ({ ...defaultSettings(), sound: false, microBreak: { enabled: true, everyMinutes: 45, durationSeconds: 60 } });

  it('anything but an object gives the base settings back, as a copy, and says so', () => {
    for (const input of ['text', 7, null, [], [{ sound: true }]]) {
      const b = base();
      const r = sanitizeSettings(input, b);
      expect(r).toEqual({ settings: b, problems: [{ path: '(settings)', message: 'settings must be a JSON object' }] });
      r.settings.microBreak.everyMinutes = 99;
      expect(b.microBreak.everyMinutes).toBe(45);
    }
  });

  it('keeps the valid values, falls back to the base for each invalid one and names it', () => {
    const r = sanitizeSettings({ snoozeMinutes: 10, sound: 'loud', microBreak: { everyMinutes: 1, durationSeconds: 90 } }, base());
    expect(r.settings).toEqual({ ...base(), snoozeMinutes: 10, microBreak: { enabled: true, everyMinutes: 45, durationSeconds: 90 } });
    expect(r.problems).toEqual([
      { path: 'sound', message: 'sound must be true or false' },
      { path: 'microBreak.everyMinutes', message: 'microBreak.everyMinutes must be a whole number from 5 to 240 minutes' },
    ]);
  });

  it('drops unknown settings, at the top and inside a group, and names them', () => {
    const r = sanitizeSettings({ colour: 'red', microBreak: { often: 3, everyMinutes: 20 } }, base());
    expect(r.settings).toEqual({ ...base(), microBreak: { enabled: true, everyMinutes: 20, durationSeconds: 60 } });
    expect(r.problems).toEqual([
      { path: 'colour', message: 'colour is not a known setting' },
      { path: 'microBreak.often', message: 'microBreak.often is not a known setting' },
    ]);
  });

  it('a group that is not an object keeps the base group', () => {
    const r = sanitizeSettings({ microBreak: 5, positions: { 0: 'wall' } }, base());
    expect(r.settings).toEqual(base());
    expect(r.problems.map((p) => p.path)).toEqual(['microBreak', 'positions']);
  });

  it('a group written as a list is refused, and the group keeps its values', () => {
    const r = sanitizeSettings({ microBreak: [], workHours: ['09:00', '17:00'], sound: true }, base());
    expect(r.settings).toEqual({ ...base(), sound: true });
    expect(r.problems).toEqual([
      { path: 'microBreak', message: 'microBreak must be a group of settings, not a list' },
      { path: 'workHours', message: 'workHours must be a group of settings, not a list' },
    ]);
    expect(refusal({ longBreak: [] })).toBe('longBreak must be a group of settings, not a list');
  });

  it('checks a time against the other one in force, and reports the rule where it is', () => {
    const r = sanitizeSettings({ workHours: { start: '18:00', days: [1, 2] } }, base());
    expect(r.settings.workHours).toEqual({ enabled: false, days: [1, 2], start: '09:00', end: '17:00' });
    expect(r.problems).toEqual([{ path: 'workHours.end', message: 'workHours.end must be later than the start time' }]);
  });

  it('repairs on top of the defaults when no base is given', () => {
    expect(sanitizeSettings({ sound: 1 })).toEqual({ settings: defaultSettings(), problems: [{ path: 'sound', message: 'sound must be true or false' }] });
  });
});

describe('a change from the settings window', () => {
  it('must be an object', () => {
    for (const patch of ['x', null, [], 3]) {
      expect(applySettingsPatch(defaultSettings(), patch)).toEqual({ ok: false, problems: [{ path: '(settings)', message: 'a settings change must be an object' }] });
    }
  });

  it('merges into a group, replaces a list whole, and leaves the current settings untouched', () => {
    const current = defaultSettings();
    const r = applySettingsPatch(current, { microBreak: { everyMinutes: 45 }, positions: ['wall'] });
    expect(r).toEqual({ ok: true, settings: { ...defaultSettings(), microBreak: { enabled: true, everyMinutes: 45, durationSeconds: 60 }, positions: ['wall'] } });
    expect(current).toEqual(defaultSettings());
  });

  it('keeps the rest of the current group, and takes a group only as an object', () => {
    const current: Settings = { ...defaultSettings(), microBreak: { enabled: false, everyMinutes: 20, durationSeconds: 90 } };
    expect(applySettingsPatch(current, { microBreak: { everyMinutes: 45 } })).toEqual({
      ok: true,
      settings: { ...current, microBreak: { enabled: false, everyMinutes: 45, durationSeconds: 90 } },
    });
    for (const group of [5, 'often', ['everyMinutes', 45]]) {
      const r = applySettingsPatch(current, { microBreak: group });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(['microBreak']);
    }
  });

  it('refuses unknown settings by name, even beside valid ones', () => {
    expect(applySettingsPatch(defaultSettings(), { sound: false, colour: 'red', size: 2 })).toEqual({
      ok: false,
      problems: [
        { path: 'colour', message: 'colour is not a known setting' },
        { path: 'size', message: 'size is not a known setting' },
      ],
    });
  });

  it('refuses an invalid value with every problem, all or nothing', () => {
    const r = applySettingsPatch(defaultSettings(), { sound: 'no', snoozeMinutes: 0 });
    expect(r).toEqual({
      ok: false,
      problems: [
        { path: 'snoozeMinutes', message: 'snoozeMinutes must be a whole number from 1 to 60 minutes' },
        { path: 'sound', message: 'sound must be true or false' },
      ],
    });
  });
});
