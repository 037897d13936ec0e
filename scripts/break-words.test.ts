import { describe, expect, it } from 'vitest';
import { messages as english } from '../electron/core/i18n/en.ts';
import { keptInBreakWindow, missingKeys, pruneMessages } from './break-words.ts';

describe('the break window’s words', () => {
  it('keeps its own messages and drops the other windows’', () => {
    expect(keptInBreakWindow('break.button.start')).toBe(true);
    expect(keptInBreakWindow('motion.clockwise')).toBe(true);
    expect(keptInBreakWindow('counter')).toBe(true);
    expect(keptInBreakWindow('settings.title')).toBe(false);
    expect(keptInBreakWindow('counterpart')).toBe(false);
  });

  it('cuts a locale module’s messages down, in either shape, and leaves its exercises and other code alone', () => {
    const en = `export const messages = { 'break.title.micro': 'Time to move', counter: '{n} of {of}', 'settings.title': 'Settings', 'break.summaryMoves': { one: '1 move', other: '{count} moves' } };\nexport const exercises = { march: { name: 'March' } };`;
    const out = pruneMessages(en, keptInBreakWindow);
    expect(out).toContain(`'break.title.micro': 'Time to move'`);
    expect(out).toContain(`counter: '{n} of {of}'`);
    expect(out).toContain(`'break.summaryMoves': { one: '1 move', other: '{count} moves' }`);
    expect(out).not.toContain('settings.title');
    expect(out).toContain(`exercises = { march: { name: 'March' } }`);
    const ru = `export const words = { messages: { 'settings.title': 'Настройки', 'break.idle': 'Сейчас перерыва нет' }, exercises: {} };`;
    expect(pruneMessages(ru, keptInBreakWindow)).toBe(`export const words = { messages: {'break.idle': 'Сейчас перерыва нет'}, exercises: {} };`);
  });

  it('finds a message the bundled code names but the build left out, quoted or as a template’s start', () => {
    expect(missingKeys('t("break.idle");t(`motion.${m}`)', keptInBreakWindow)).toEqual([]);
    expect(missingKeys('t("settings.title")', keptInBreakWindow)).toEqual(['settings.title']);
    expect(missingKeys('t(`area.${a}`)', keptInBreakWindow)).toEqual(Object.keys(english).filter((k) => k.startsWith('area.')).sort());
    // Something that only looks like a key is not one.
    expect(missingKeys('"a.b.c"', keptInBreakWindow)).toEqual([]);
  });

});
