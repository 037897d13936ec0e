// The languages Limber ships, and how the OS's preferred languages choose one of them.
// This list is the one source of truth: the settings schema, the catalog command, the settings window's
// language menu and the message loaders all read it.

export interface LanguageInfo {
  /** BCP 47 tag, as used in the `language` setting and file names. */
  code: string;
  /** The language's own name for itself, so a reader finds it without knowing English. */
  name: string;
  dir: 'ltr' | 'rtl';
}

export const LANGUAGES = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'de', name: 'Deutsch', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'es', name: 'Español', dir: 'ltr' },
  { code: 'it', name: 'Italiano', dir: 'ltr' },
  { code: 'pt-BR', name: 'Português (Brasil)', dir: 'ltr' },
  { code: 'nl', name: 'Nederlands', dir: 'ltr' },
  { code: 'pl', name: 'Polski', dir: 'ltr' },
  { code: 'tr', name: 'Türkçe', dir: 'ltr' },
  { code: 'ru', name: 'Русский', dir: 'ltr' },
  { code: 'uk', name: 'Українська', dir: 'ltr' },
  { code: 'ja', name: '日本語', dir: 'ltr' },
  { code: 'ko', name: '한국어', dir: 'ltr' },
  { code: 'zh-CN', name: '简体中文', dir: 'ltr' },
  { code: 'zh-TW', name: '繁體中文', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
] as const satisfies readonly LanguageInfo[];

export type LanguageCode = (typeof LANGUAGES)[number]['code'];
export const LANGUAGE_CODES: readonly LanguageCode[] = LANGUAGES.map((l) => l.code);
export const SOURCE_LANGUAGE: LanguageCode = 'en';

/** A development-only locale: English, accented and about 40 % longer, for finding clipped layouts. */
export const PSEUDO_LOCALE = 'en-XA';
export type AnyLanguage = LanguageCode | typeof PSEUDO_LOCALE;

export function isLanguage(code: unknown): code is LanguageCode {
  return typeof code === 'string' && (LANGUAGE_CODES as readonly string[]).includes(code);
}

export function languageInfo(code: AnyLanguage): LanguageInfo {
  if (code === PSEUDO_LOCALE) return { code, name: 'Ƥşeŭđő', dir: 'ltr' };
  return LANGUAGES.find((l) => l.code === code) ?? LANGUAGES[0];
}

export const languageDir = (code: AnyLanguage): 'ltr' | 'rtl' => languageInfo(code).dir;

interface Tag {
  language: string;
  script?: string;
  region?: string;
}

/** Parses "zh-Hant-HK", "pt_BR", "en-US.UTF-8", "de-DE-u-co-phonebk" loosely; null for "C", "POSIX", garbage. */
function parseTag(raw: string): Tag | null {
  const cleaned = raw.trim().replace(/[.@].*$/, '').replace(/_/g, '-');
  const parts = cleaned.split('-');
  const language = parts[0]?.toLowerCase() ?? '';
  if (!/^[a-z]{2,3}$/.test(language)) return null;
  const tag: Tag = { language };
  for (const part of parts.slice(1)) {
    if (part.length === 1) break; // an extension (-u-, -x-) starts here
    if (/^[A-Za-z]{4}$/.test(part) && !tag.script && !tag.region) tag.script = part[0]!.toUpperCase() + part.slice(1).toLowerCase();
    else if (/^([A-Za-z]{2}|\d{3})$/.test(part) && !tag.region) tag.region = part.toUpperCase();
  }
  return tag;
}

// Old ISO codes some systems still report.
const LANGUAGE_ALIASES: Readonly<Record<string, string>> = { iw: 'he', in: 'id', ji: 'yi' };

// Traditional Chinese is read in Taiwan, Hong Kong and Macau; everywhere else Simplified.
const TRADITIONAL_REGIONS = new Set(['TW', 'HK', 'MO']);

/** The shipped locale for one preferred language, or null when Limber does not speak it. */
export function matchLanguage(raw: string): LanguageCode | null {
  const tag = parseTag(raw);
  if (!tag) return null;
  const language = LANGUAGE_ALIASES[tag.language] ?? tag.language;
  if (language === 'zh') {
    if (tag.script === 'Hant') return 'zh-TW';
    if (tag.script === 'Hans') return 'zh-CN';
    return tag.region && TRADITIONAL_REGIONS.has(tag.region) ? 'zh-TW' : 'zh-CN';
  }
  if (tag.region) {
    const exact = LANGUAGE_CODES.find((c) => c === `${language}-${tag.region}`);
    if (exact) return exact;
  }
  if (isLanguage(language)) return language;
  // The language is shipped only in a regional form (pt → pt-BR): any region of it falls back there.
  return LANGUAGE_CODES.find((c) => c.split('-')[0] === language) ?? null;
}

/**
 * The locale for the OS's preferred languages, best first: the first one Limber speaks wins (so a user who lists
 * Swedish and then German gets German, never a neighbouring language they did not ask for); none → English.
 */
export function negotiateLanguage(preferred: readonly string[]): LanguageCode {
  for (const raw of preferred) {
    const match = matchLanguage(raw);
    if (match) return match;
  }
  return SOURCE_LANGUAGE;
}

/** What the `language` setting means: `system` asks the OS, a shipped code is taken as it is. */
export function resolveLanguage(setting: string, preferred: readonly string[]): LanguageCode {
  return isLanguage(setting) ? setting : negotiateLanguage(preferred);
}
