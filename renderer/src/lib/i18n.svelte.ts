// The renderer's words: `t()` over the active locale, and each exercise's words. The locale is reactive state, so a
// language change re-renders every window without a reload; only the active locale's module is ever loaded.
import type { ExerciseId } from '../../../electron/core/catalog.ts';
import { PSEUDO_LOCALE, isLanguage } from '../../../electron/core/i18n/languages.ts';
import { ENGLISH, exerciseWords, loadLocale, translator, type Locale, type T } from '../../../electron/core/i18n/locales.ts';
import type { Position } from '../../../electron/core/settings.ts';
import { api } from './api.ts';

let active = $state.raw<{ locale: Locale; t: T }>({ locale: ENGLISH, t: translator(ENGLISH) });

/** The active locale's `t()`: typed keys and parameters (see electron/core/i18n). */
export const t: T = ((key: string, params?: object) => (active.t as (key: string, params?: object) => string)(key, params)) as T;

export const locale = (): Locale => active.locale;

/**
 * Switches every window that reads `t()`, and the page's language and direction (right-to-left mirrors the
 * layout); an unknown code keeps the current language.
 */
export async function setLocale(code: string): Promise<boolean> {
  if (!isLanguage(code) && code !== PSEUDO_LOCALE) return false;
  const next = await loadLocale(code);
  active = { locale: next, t: translator(next) };
  document.documentElement.lang = next.code;
  document.documentElement.dir = next.dir;
  return true;
}

/** An exercise's name; an id from outside the catalog (old history) shows as itself. */
export function exerciseName(id: string): string {
  return active.locale.exercises[id as ExerciseId]?.name ?? ENGLISH.exercises[id as ExerciseId]?.name ?? id;
}

/** Steps and cautions for the position the move is done in. */
export function exerciseText(id: ExerciseId, position: Position): { name: string; steps: readonly string[]; cautions: readonly string[] } {
  return exerciseWords(active.locale, id, position);
}

/**
 * Before a window first renders: the language main has in force (the setting, or the OS's choice), so the page
 * never flashes English; afterwards every `locale` push switches it in place.
 */
export async function startLocale(): Promise<void> {
  const limber = api();
  limber.onPush((m) => {
    if (m.type === 'locale') void setLocale(m.locale);
  });
  const r = await limber.request({ type: 'locale:get' }).catch(() => null);
  if (r?.ok) await setLocale(r.locale);
}
