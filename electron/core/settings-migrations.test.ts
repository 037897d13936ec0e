import { describe, expect, it } from 'vitest';
import { migrateSettingsData } from './settings-migrations.ts';
import { defaultSettings, validateSettings } from './settings.ts';

describe('settings migrations', () => {
  const old = { breakEveryMinutes: 20, breakSeconds: 45, longBreakEvery: 5, warnSeconds: 0, idleMinutes: 10, hotkey: 'Alt+P', launchAtLogin: false, workHours: { from: '07:00', to: '15:00', weekdays: [1, 3] } };

  it('turns a 0.0.x object into valid current settings', () => {
    const data = migrateSettingsData(old);
    expect(data).toEqual({
      microBreak: { everyMinutes: 20, durationSeconds: 45 },
      longBreak: { everyNth: 5 },
      headsUpSeconds: 0,
      awayAfterMinutes: 10,
      shortcut: 'Alt+P',
      startAtLogin: false,
      workHours: { start: '07:00', end: '15:00', days: [1, 3] },
    });
    expect(validateSettings(data).ok).toBe(true);
  });

  it('is idempotent and leaves current settings alone', () => {
    expect(migrateSettingsData(migrateSettingsData(old))).toEqual(migrateSettingsData(old));
    const current = defaultSettings() as unknown as Record<string, unknown>;
    expect(migrateSettingsData(current)).toEqual(defaultSettings());
  });

  it('lets a value already in the new place win over a leftover old key', () => {
    expect(migrateSettingsData({ breakEveryMinutes: 20, microBreak: { everyMinutes: 50 } })).toEqual({ microBreak: { everyMinutes: 50 } });
  });

  it('does not mutate its input', () => {
    const input = structuredClone(old);
    migrateSettingsData(input);
    expect(input).toEqual(old);
  });
});
