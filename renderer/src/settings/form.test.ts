import { describe, expect, it } from 'vitest';
import { RANGES, applySettingsPatch, defaultSettings, validateSettings } from '../../../electron/core/settings.ts';
import { t } from '../lib/i18n.svelte.ts';
import { keysText } from '../lib/keys.ts';
import { NUMBER_GROUPS, RANGE_KEYS, checkNumber, checkWorkHours, numberWords, patchFor, recordKey, valueAt, type KeyInput } from './form.ts';

/** The settings the window has controls for (`sync`: the Your computers section); a new setting in the schema must be added to the form (and here). */
const FORM_COVERS = ['microBreak', 'longBreak', 'headsUpSeconds', 'snoozeMinutes', 'awayAfterMinutes', 'workHours', 'positions', 'excludedExercises', 'sound', 'shortcut', 'startAtLogin', 'holdDuring', 'holdLimitMinutes', 'language', 'sync'];

describe('the settings form follows the schema', () => {
  it('has a control for every setting of the schema', () => {
    expect(Object.keys(defaultSettings()).sort()).toEqual([...FORM_COVERS].sort());
  });

  it('shows every numeric setting exactly once, with words for it', () => {
    const shown = Object.values(NUMBER_GROUPS).flat();
    expect([...shown].sort()).toEqual([...RANGE_KEYS].sort());
    for (const key of RANGE_KEYS) expect(numberWords(key).label).toBeTruthy();
    expect(numberWords('microBreak.everyMinutes')).toEqual({ label: 'Every', unit: 'minutes of work' });
    expect(numberWords('headsUpSeconds').hint).toBe('0 turns the heads-up notification off.');
  });

  it('accepts exactly what the schema accepts, and names the range otherwise', () => {
    const s = defaultSettings();
    for (const key of RANGE_KEYS) {
      const { min, max, fallback } = RANGES[key];
      expect(valueAt(s, key)).toBe(fallback);
      for (const n of [min - 1, min, fallback, max, max + 1]) {
        const schemaSays = applySettingsPatch(s, patchFor(key, n)).ok;
        const r = checkNumber(s, key, String(n));
        expect(r.ok).toBe(schemaSays);
        if (!r.ok) expect(r.message).toContain(`from ${min} to ${max}`);
        if (!r.ok && RANGES[key].unit) expect(r.message).toContain(RANGES[key].unit);
      }
      for (const text of ['', '  ', '1.5', 'ten']) expect(checkNumber(s, key, text).ok).toBe(false);
    }
  });

  it('says which work-hours time is wrong', () => {
    const s = defaultSettings();
    expect(checkWorkHours(s, '09:00', '17:30')).toEqual({ start: null, end: null });
    expect(checkWorkHours(s, '09:00', '08:00').end).toBe(t('settings.workHours.endBeforeStart'));
    expect(checkWorkHours(s, '', '17:00').start).toBe(t('settings.workHours.badTime'));
  });
});

describe('the shortcut recorder', () => {
  const key = (code: string, key: string, mods: Partial<KeyInput> = {}): KeyInput => ({ code, key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

  it('turns key presses into Electron accelerators, by physical key', () => {
    expect(recordKey(key('KeyB', 'b', { ctrlKey: true, altKey: true }), false)).toEqual({ kind: 'accelerator', accelerator: 'CommandOrControl+Alt+B' });
    expect(recordKey(key('KeyB', '∫', { metaKey: true, altKey: true }), true)).toEqual({ kind: 'accelerator', accelerator: 'CommandOrControl+Alt+B' });
    expect(recordKey(key('Digit5', '%', { ctrlKey: true, shiftKey: true }), false)).toEqual({ kind: 'accelerator', accelerator: 'CommandOrControl+Shift+5' });
    expect(recordKey(key('F9', 'F9'), false)).toEqual({ kind: 'accelerator', accelerator: 'F9' });
    expect(recordKey(key('ArrowUp', 'ArrowUp', { metaKey: true }), false)).toEqual({ kind: 'accelerator', accelerator: 'Super+Up' });
  });

  it('waits for a key after modifiers, wants a modifier, and cancels on Esc', () => {
    expect(recordKey(key('ControlLeft', 'Control', { ctrlKey: true }), false)).toEqual({ kind: 'waiting' });
    expect(recordKey(key('KeyJ', 'j'), false)).toEqual({ kind: 'needs-modifier' });
    expect(recordKey(key('KeyJ', 'J', { shiftKey: true }), false)).toEqual({ kind: 'needs-modifier' });
    expect(recordKey(key('Escape', 'Escape'), false)).toEqual({ kind: 'cancel' });
  });

  it('every accelerator it makes passes the schema', () => {
    for (const code of ['KeyA', 'Digit0', 'F12', 'Space', 'Comma', 'Numpad4', 'BracketLeft']) {
      const r = recordKey(key(code, 'x', { ctrlKey: true, altKey: true }), false);
      expect(r.kind).toBe('accelerator');
      if (r.kind === 'accelerator') expect(validateSettings({ shortcut: r.accelerator }).ok).toBe(true);
    }
  });

  it('shows keys in the words of the platform', () => {
    expect(keysText('CommandOrControl+Alt+B', false)).toBe('Ctrl+Alt+B');
    expect(keysText('CommandOrControl+Alt+B', true)).toBe('⌘⌥B');
  });
});
