import { describe, expect, it } from 'vitest';
import { LOCALES, LOCALE_CODES, isLocale, localeDir, matchLocale, negotiateLocale, resolveLanguage } from './locales.ts';

describe('shipped locales', () => {
  it('has at least 16 locales with the languages the product promises, at least one right to left', () => {
    expect(LOCALES.length).toBeGreaterThanOrEqual(16);
    for (const code of ['en', 'de', 'fr', 'es', 'it', 'pt-BR', 'nl', 'pl', 'tr', 'ja', 'ko', 'zh-CN', 'zh-TW']) {
      expect(LOCALE_CODES).toContain(code);
    }
    expect(LOCALE_CODES.some((c) => c === 'ru' || c === 'uk')).toBe(true);
    expect(LOCALES.filter((l) => l.dir === 'rtl').map((l) => l.code).some((c) => c === 'ar' || c === 'he')).toBe(true);
  });

  it('codes are unique, valid BCP 47 and canonical; names are native, not English', () => {
    expect(new Set(LOCALE_CODES).size).toBe(LOCALE_CODES.length);
    for (const { code, name } of LOCALES) {
      expect(Intl.getCanonicalLocales(code)).toEqual([code]);
      if (code !== 'en') expect(name).not.toBe(new Intl.DisplayNames(['en'], { type: 'language' }).of(code));
    }
  });

  it('knows the writing direction of each', () => {
    expect(localeDir('ar')).toBe('rtl');
    expect(localeDir('de')).toBe('ltr');
    expect(localeDir('en-XA')).toBe('ltr');
  });
});

describe('matching one preferred language', () => {
  it.each([
    ['de-DE', 'de'],
    ['de-AT', 'de'],
    ['en-GB', 'en'],
    ['en-US', 'en'],
    ['fr-CA', 'fr'],
    ['es-419', 'es'],
    ['pt-BR', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['zh-Hans-HK', 'zh-CN'],
    ['zh-Hans-SG', 'zh-CN'],
    ['zh-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-MO', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['zh-Hant-HK', 'zh-TW'],
    ['zh_TW', 'zh-TW'],
    ['ZH-hant-tw', 'zh-TW'],
    ['ar-EG', 'ar'],
    ['ja-JP', 'ja'],
    ['ko-KR', 'ko'],
    ['uk-UA', 'uk'],
    ['ru-UA', 'ru'],
    ['nl-BE', 'nl'],
    ['de_DE.UTF-8', 'de'],
    ['tr-TR-u-co-trad', 'tr'],
  ])('%s → %s', (pref, want) => {
    expect(matchLocale(pref)).toBe(want);
  });

  it.each(['sv-SE', 'fi-FI', 'be-BY', 'C', 'POSIX', '', '*', '12-34', 'english'])('%s is not shipped', (pref) => {
    expect(matchLocale(pref)).toBeNull();
  });
});

describe('negotiating the OS list', () => {
  it('takes the first preferred language Limber speaks', () => {
    expect(negotiateLocale(['sv-SE', 'de-CH', 'en-US'])).toBe('de');
    expect(negotiateLocale(['fr-FR', 'de-DE'])).toBe('fr');
  });

  it('falls back to English when nothing matches or nothing is given', () => {
    expect(negotiateLocale(['sv-SE', 'fi-FI'])).toBe('en');
    expect(negotiateLocale([])).toBe('en');
  });

  it('a shipped code in the setting wins over the OS; system asks the OS', () => {
    expect(resolveLanguage('ja', ['de-DE'])).toBe('ja');
    expect(resolveLanguage('system', ['pt-PT'])).toBe('pt-BR');
    expect(resolveLanguage('xx', ['ko'])).toBe('ko');
  });

  it('recognises exactly the shipped codes', () => {
    expect(LOCALE_CODES.every(isLocale)).toBe(true);
    expect(isLocale('pt')).toBe(false);
    expect(isLocale('system')).toBe(false);
  });
});
