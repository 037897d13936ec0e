// The shipped locales and how to reach one's words. English is the source and the fallback; other locales are
// loaded on demand (one dynamic import each), so a window carries only the language it shows.
import type { ExerciseId } from '../catalog.ts';
import type { Position } from '../settings.ts';
import { exercises as enExercises, messages as enMessages, type ExerciseText } from './en.ts';
import { PSEUDO_LOCALE, languageInfo, type AnyLanguage, type LanguageCode } from './languages.ts';
import { createTranslator, type PlainKey, type Translate, type Translation } from './translate.ts';

export type EnglishMessages = typeof enMessages;
export type { MessageKey } from './en.ts';
/** A message key that takes no parameters. */
export type PlainMessageKey = PlainKey<EnglishMessages>;

/** What a locale's module provides: every message key and every exercise's words (typecheck refuses a gap). */
export interface LocaleWords {
  messages: Translation<EnglishMessages>;
  exercises: Readonly<Record<ExerciseId, ExerciseText>>;
}

/** A loaded locale: its words, and its code, name and direction from the one list in languages.ts. */
export interface Locale extends LocaleWords {
  code: AnyLanguage;
  name: string;
  dir: 'ltr' | 'rtl';
}

const withInfo = (code: AnyLanguage, words: LocaleWords): Locale => ({ ...languageInfo(code), code, ...words });

export const ENGLISH: Locale = withInfo('en', { messages: enMessages, exercises: enExercises });

/** Every shipped locale's loader; a language in languages.ts without one here is a type error. */
export const LOCALES: Readonly<Record<LanguageCode, () => Promise<Locale>>> = {
  en: () => Promise.resolve(ENGLISH),
  de: () => import('./de.ts').then((m) => withInfo('de', m.words)),
  fr: () => import('./fr.ts').then((m) => withInfo('fr', m.words)),
  es: () => import('./es.ts').then((m) => withInfo('es', m.words)),
  it: () => import('./it.ts').then((m) => withInfo('it', m.words)),
  'pt-BR': () => import('./pt-BR.ts').then((m) => withInfo('pt-BR', m.words)),
  nl: () => import('./nl.ts').then((m) => withInfo('nl', m.words)),
  pl: () => import('./pl.ts').then((m) => withInfo('pl', m.words)),
  tr: () => import('./tr.ts').then((m) => withInfo('tr', m.words)),
  ru: () => import('./ru.ts').then((m) => withInfo('ru', m.words)),
  uk: () => import('./uk.ts').then((m) => withInfo('uk', m.words)),
  ja: () => import('./ja.ts').then((m) => withInfo('ja', m.words)),
  ko: () => import('./ko.ts').then((m) => withInfo('ko', m.words)),
  'zh-CN': () => import('./zh-CN.ts').then((m) => withInfo('zh-CN', m.words)),
  'zh-TW': () => import('./zh-TW.ts').then((m) => withInfo('zh-TW', m.words)),
  ar: () => import('./ar.ts').then((m) => withInfo('ar', m.words)),
};

/** A shipped locale, or the pseudo-locale (English accented and lengthened, for layout tests). */
export async function loadLocale(code: AnyLanguage): Promise<Locale> {
  if (code === PSEUDO_LOCALE) return import('./pseudo.ts').then((m) => withInfo(PSEUDO_LOCALE, m.pseudoWords(ENGLISH)));
  return LOCALES[code]();
}

export type T = Translate<EnglishMessages>;

/** The `t()` of a locale; keys a locale lacks fall back to English. */
export function translator(locale: Locale): T {
  return createTranslator<EnglishMessages>(locale.code, locale.messages, enMessages);
}

/** English words, for the main process until it follows the `language` setting. */
export const tEnglish: T = translator(ENGLISH);

/** An exercise's words in a locale, with the steps for the position it is done in (falling back to English). */
export function exerciseWords(locale: Locale, id: ExerciseId, position: Position): { name: string; steps: readonly string[]; cautions: readonly string[] } {
  const words = locale.exercises[id] ?? ENGLISH.exercises[id];
  const steps = words.steps[position] ?? Object.values(words.steps)[0] ?? [];
  return { name: words.name, steps, cautions: words.cautions };
}
