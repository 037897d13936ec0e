// The language of the tray, notifications and every window: the `language` setting, or for `system` the first of
// the OS's preferred languages that Limber ships (languages.ts). Only the active locale is ever loaded.
import { resolveLanguage, type LanguageCode } from '../core/i18n/languages.ts';
import { ENGLISH, LOCALES, translator, type Locale, type T } from '../core/i18n/locales.ts';

export class LanguageController {
  private locale: Locale = ENGLISH;
  private words: T = translator(ENGLISH);
  /** The last change asked for; a slower load that finishes after a newer one is dropped. */
  private wanted: LanguageCode = 'en';

  constructor(private readonly preferred: () => readonly string[]) {}

  get code(): LanguageCode {
    return this.locale.code as LanguageCode;
  }

  /** `t()` of the language in force. */
  get t(): T {
    return this.words;
  }

  /** Follows the setting; resolves true once a different language is in force. */
  async follow(setting: string): Promise<boolean> {
    const code = resolveLanguage(setting, this.preferred());
    this.wanted = code;
    if (code === this.code) return false;
    const next = await LOCALES[code]();
    if (this.wanted !== code) return false;
    this.locale = next;
    this.words = translator(next);
    return true;
  }
}
