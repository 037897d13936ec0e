// The shipped locales and how to reach one's words. English is the source and the fallback; other locales are
// loaded on demand (one dynamic import each), so a window carries only the language it shows.
import type { ExerciseId } from '../catalog.ts';
import type { Position } from '../settings.ts';
import { exercises as enExercises, messages as enMessages, type ExerciseText } from './en.ts';
import { createTranslator, type Translate, type Translation } from './translate.ts';

export type EnglishMessages = typeof enMessages;
export type { MessageKey } from './en.ts';

/** Everything a locale provides: every message key and every exercise's words (typecheck refuses a gap). */
export interface Locale {
  code: string;
  /** The language's name in itself. */
  name: string;
  dir: 'ltr' | 'rtl';
  messages: Translation<EnglishMessages>;
  exercises: Readonly<Record<ExerciseId, ExerciseText>>;
}

export const ENGLISH: Locale = { code: 'en', name: 'English', dir: 'ltr', messages: enMessages, exercises: enExercises };

/** Shipped locale codes → their loader. A new language adds one line: `de: () => import('./de.ts').then((m) => m.de)`. */
export const LOCALES: Readonly<Record<string, () => Promise<Locale>>> = {
  en: () => Promise.resolve(ENGLISH),
};

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
