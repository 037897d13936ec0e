import { describe, expect, it } from 'vitest';
import { LANGUAGES, LANGUAGE_CODES, isLanguage, languageDir, matchLanguage, negotiateLanguage, resolveLanguage } from './languages.ts';

describe('shipped locales', () => {
  it('has at least 16 locales with the languages the product promises, at least one right to left', () => {
    expect(LANGUAGES.length).toBeGreaterThanOrEqual(16);
    for (const code of ['en', 'de', 'fr', 'es', 'it', 'pt-BR', 'nl', 'pl', 'tr', 'ja', 'ko', 'zh-CN', 'zh-TW']) {
      expect(LANGUAGE_CODES).toContain(code);
    }
    expect(LANGUAGE_CODES.some((c) => c === 'ru' || c === 'uk')).toBe(true);
    expect(LANGUAGES.filter((l) => l.dir === 'rtl').map((l) => l.code).some((c) => c === 'ar' || c === 'he')).toBe(true);
  });

  it('codes are unique, valid BCP 47 and canonical; names are native, not English', () => {
    expect(new Set(LANGUAGE_CODES).size).toBe(LANGUAGE_CODES.length);
    for (const { code, name } of LANGUAGES) {
      expect(Intl.getCanonicalLocales(code)).toEqual([code]);
      if (code !== 'en') expect(name).not.toBe(new Intl.DisplayNames(['en'], { type: 'language' }).of(code));
    }
  });

  it('knows the writing direction of each', () => {
    expect(languageDir('ar')).toBe('rtl');
    expect(languageDir('de')).toBe('ltr');
    expect(languageDir('en-XA')).toBe('ltr');
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
    expect(matchLanguage(pref)).toBe(want);
  });

  it.each(['sv-SE', 'fi-FI', 'be-BY', 'C', 'POSIX', '', '*', '12-34', 'english'])('%s is not shipped', (pref) => {
    expect(matchLanguage(pref)).toBeNull();
  });
});

describe('negotiating the OS list', () => {
  it('takes the first preferred language Limber speaks', () => {
    expect(negotiateLanguage(['sv-SE', 'de-CH', 'en-US'])).toBe('de');
    expect(negotiateLanguage(['fr-FR', 'de-DE'])).toBe('fr');
  });

  it('falls back to English when nothing matches or nothing is given', () => {
    expect(negotiateLanguage(['sv-SE', 'fi-FI'])).toBe('en');
    expect(negotiateLanguage([])).toBe('en');
  });

  it('a shipped code in the setting wins over the OS; system asks the OS', () => {
    expect(resolveLanguage('ja', ['de-DE'])).toBe('ja');
    expect(resolveLanguage('system', ['pt-PT'])).toBe('pt-BR');
    expect(resolveLanguage('xx', ['ko'])).toBe('ko');
  });

  it('recognises exactly the shipped codes', () => {
    expect(LANGUAGE_CODES.every(isLanguage)).toBe(true);
    expect(isLanguage('pt')).toBe(false);
    expect(isLanguage('system')).toBe(false);
  });
});
