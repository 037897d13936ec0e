import { describe, expect, it } from 'vitest';
import { EXERCISE_IDS } from '../catalog.ts';
import { messages } from './en.ts';
import { ENGLISH, LOCALES, exerciseWords, tEnglish as t, translator } from './locales.ts';
import { createTranslator, placeholdersOf } from './translate.ts';

describe('translate', () => {
  it('fills placeholders, formats numbers and picks plural forms by Intl rules', () => {
    expect(t('counter', { n: 3, of: 10 })).toBe('3 of 10');
    expect(t('break.summaryMoves', { count: 1 })).toBe('1 exercise');
    expect(t('break.summaryMoves', { count: 2 })).toBe('2 exercises');
    expect(t('stats.outcomes.total', { count: 1234 })).toBe('1,234 breaks due');
    expect(t('welcome.nthOption', { count: 2 })).toBe('2nd break');
    expect(t('welcome.nthOption', { count: 3 })).toBe('3rd break');
    expect(t('welcome.nthOption', { count: 4 })).toBe('4th break');
    expect(t('break.safety')).toBe('These moves should never hurt. If one causes discomfort or pain, stop and see a doctor or physiotherapist.');
  });

  it('uses the locale’s own plural rules and falls back to English, then to the key', () => {
    const partial = { 'break.summaryMoves': { one: '{count} ćwiczenie', few: '{count} ćwiczenia', many: '{count} ćwiczeń', other: '{count} ćwiczenia' } };
    // @ts-expect-error a locale missing keys fails typecheck (partial here on purpose, to see the fallback)
    const pl = createTranslator<typeof messages>('pl', partial, messages);
    expect(pl('break.summaryMoves', { count: 3 })).toBe('3 ćwiczenia');
    expect(pl('break.summaryMoves', { count: 5 })).toBe('5 ćwiczeń');
    expect(pl('break.finished')).toBe('Well done');
    // @ts-expect-error an unknown key is a type error; at run time it shows as itself
    expect(t('no.such.key')).toBe('no.such.key');
  });

  it('checks keys and parameters at compile time', () => {
    // @ts-expect-error a missing parameter
    t('counter', { n: 1 });
    // @ts-expect-error a parameter the message does not have
    t('break.safety', { n: 1 });
    // @ts-expect-error count must be a number
    t('break.summaryMoves', { count: 'two' });
    expect(true).toBe(true);
  });

  it('lists placeholders so locales can be compared with English', () => {
    expect(placeholdersOf('Exercise {n} of {of}')).toEqual(['n', 'of']);
    expect(placeholdersOf({ one: '{count} day', other: '{count} days' })).toEqual(['count']);
  });
});

describe('the English catalog', () => {
  it('is one of the shipped locales, and has every exercise’s words', () => {
    expect(Object.keys(LOCALES)).toContain('en');
    for (const id of EXERCISE_IDS) expect(ENGLISH.exercises[id].name.length, id).toBeGreaterThan(2);
  });

  it('gives each exercise its steps for the position it is done in', () => {
    expect(exerciseWords(ENGLISH, 'overhead-reach', 'seated').steps[0]).toMatch(/^Sit/);
    expect(exerciseWords(ENGLISH, 'overhead-reach', 'standing').steps[0]).toMatch(/^Stand/);
    // A position the move does not list falls back to its main one.
    expect(exerciseWords(ENGLISH, 'march', 'seated').steps[0]).toMatch(/^Stand/);
  });

  it('has no empty message and no stray braces', () => {
    for (const [key, m] of Object.entries(messages)) {
      const texts = typeof m === 'string' ? [m] : Object.entries(m).filter(([k]) => k !== 'type').map(([, v]) => v);
      for (const text of texts) {
        expect(text.trim(), key).not.toBe('');
        expect(text.replace(/\{\w+\}/g, ''), key).not.toMatch(/[{}]/);
      }
    }
    expect(translator(ENGLISH)('app.name')).toBe('Limber');
  });
});
