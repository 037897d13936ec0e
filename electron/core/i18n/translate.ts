// A small typed message catalog on Intl: keys and their parameters are checked by the type checker against the
// English catalog, plural forms are chosen by Intl.PluralRules and numbers formatted by Intl.NumberFormat.
// Why not a library: see the note at the top of en.ts.

/**
 * Plural forms, chosen by the `count` parameter; `other` is the only form every language has. `type: 'ordinal'`
 * chooses by ordinal rules (1st, 2nd, 3rd) instead of cardinal ones.
 */
export type PluralForms = { readonly other: string; readonly type?: 'ordinal' } & {
  readonly [F in Exclude<Intl.LDMLPluralRule, 'other'>]?: string;
};
export type Message = string | PluralForms;
export type Messages = Readonly<Record<string, Message>>;
export type ParamValue = string | number;

/** `'{n} of {of}'` → `'n' | 'of'`. */
type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
type PlaceholdersOf<M> = M extends string ? Placeholders<M> : M extends PluralForms ? Placeholders<M[keyof M]> | 'count' : never;

/** The parameters a message takes: none, or an object with exactly its placeholders (`count` is a number). */
export type ParamsOf<M> = [PlaceholdersOf<M>] extends [never]
  ? []
  : [params: { readonly [P in PlaceholdersOf<M>]: P extends 'count' ? number : ParamValue }];

/** `t(key, params)` over the messages of `C` (the English catalog gives the types; any locale may fill them). */
export type Translate<C extends Messages> = <K extends keyof C & string>(key: K, ...params: ParamsOf<C[K]>) => string;

/** The same catalog shape with any wording: what another locale must provide (every key, same kind of message). */
export type Translation<C extends Messages> = { readonly [K in keyof C]: C[K] extends string ? string : PluralForms };

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholders a message uses, for tests comparing locales. */
export function placeholdersOf(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : Object.entries(message).filter(([k]) => k !== 'type').map(([, v]) => v);
  const found = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(PLACEHOLDER)) found.add(m[1]!);
  if (typeof message !== 'string') found.add('count');
  return [...found].sort();
}

/**
 * A translator for one locale. A key missing from `messages` (a locale still being written) falls back to
 * `fallback`, then to the key itself, so the interface never shows nothing.
 */
export function createTranslator<C extends Messages>(locale: string, messages: Translation<C> | C, fallback?: C): Translate<C> {
  const cardinal = new Intl.PluralRules(locale);
  const ordinal = new Intl.PluralRules(locale, { type: 'ordinal' });
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const show = (v: ParamValue) => (typeof v === 'number' ? numbers.format(v) : v);
  return ((key: string, params?: Record<string, ParamValue>) => {
    const m: Message | undefined = (messages as Messages)[key] ?? fallback?.[key];
    if (m === undefined) return key;
    const text = typeof m === 'string' ? m : (m[(m.type === 'ordinal' ? ordinal : cardinal).select(Number(params?.count ?? 0))] ?? m.other);
    return params ? text.replace(PLACEHOLDER, (all, name: string) => (name in params ? show(params[name]!) : all)) : text;
  }) as Translate<C>;
}

/** The keys of `C` whose messages take no parameters (e.g. headings kept in a table). */
export type PlainKey<C extends Messages> = { [K in keyof C & string]: ParamsOf<C[K]> extends [] ? K : never }[keyof C & string];
