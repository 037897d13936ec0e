// Lists and the shortcut in the one settings schema: what a hostile file or a compromised settings window could send.
import { describe, expect, it } from 'vitest';
import { EXERCISE_IDS } from './catalog.ts';
import { acceleratorHasModifier, applySettingsPatch, defaultSettings, sanitizeSettings, validateSettings } from './settings.ts';

function refusal(input: unknown): string | null {
  const r = validateSettings(input);
  return r.ok ? null : r.problems.map((p) => p.message).join(' | ');
}

describe('list settings have a size limit', () => {
  it('positions: at most the four, each once', () => {
    expect(refusal({ positions: ['seated', 'standing', 'wall', 'floor'] })).toBeNull();
    expect(refusal({ positions: ['seated', 'seated'] })).toBe('positions must not list a position twice');
    expect(refusal({ positions: Array(5).fill('seated') })).toBe('positions must list at most 4 positions');
  });

  it('excluded exercises: catalog ids, each once, at most the catalog', () => {
    expect(refusal({ excludedExercises: [...EXERCISE_IDS] })).toBeNull();
    expect(refusal({ excludedExercises: ['neck-roll', 'neck-roll'] })).toBe('excludedExercises must not list an exercise twice');
    expect(refusal({ excludedExercises: ['no-such-move'] })).toBe('excludedExercises.0 must be an exercise id of the catalog');
    expect(refusal({ excludedExercises: [...EXERCISE_IDS, 'neck-roll'] })).toBe(`excludedExercises must list at most ${EXERCISE_IDS.length} exercises`);
  });

  it('two million entries are refused quickly, with a clear problem, and every other setting is kept', () => {
    const huge = Array(2_000_000).fill('seated');
    const r = sanitizeSettings({ positions: huge, snoozeMinutes: 7, excludedExercises: Array(2_000_000).fill('neck-roll') });
    expect(r.settings.positions).toEqual(['seated', 'standing']);
    expect(r.settings.excludedExercises).toEqual([]);
    expect(r.settings.snoozeMinutes).toBe(7);
    expect(r.problems.map((p) => p.message)).toEqual([
      'positions must list at most 4 positions',
      `excludedExercises must list at most ${EXERCISE_IDS.length} exercises`,
    ]);
    expect(applySettingsPatch(defaultSettings(), { positions: huge }).ok).toBe(false);
  });

  it('an id that left the catalog drops out of the list alone; the other exclusions stay', () => {
    const r = sanitizeSettings({ excludedExercises: ['neck-roll', 'retired-move', 'neck-roll'] });
    expect(r.settings.excludedExercises).toEqual(['neck-roll']);
    expect(r.problems.map((p) => p.path)).toEqual(['excludedExercises.1']);
  });
});

describe('the global shortcut needs a modifier', () => {
  it('a bare key or Shift alone is refused with a clear message', () => {
    for (const bare of ['A', 'Shift+A', 'Space', '5', 'Shift+Space']) {
      expect(refusal({ shortcut: bare }), bare).toBe('shortcut needs Ctrl, Alt, Super or Command with the key (a bare key would be taken from every app)');
    }
  });

  it('a modifier with a key passes, and a function key alone does (no typing goes through it)', () => {
    for (const ok of ['CommandOrControl+Alt+B', 'Alt+A', 'Super+Up', 'CmdOrCtrl+5', 'Control+Shift+K', 'AltGr+X', 'F9', 'Shift+F24']) {
      expect(refusal({ shortcut: ok }), ok).toBeNull();
      expect(acceleratorHasModifier(ok)).toBe(true);
    }
    expect(acceleratorHasModifier('Shift+A')).toBe(false);
  });
});
