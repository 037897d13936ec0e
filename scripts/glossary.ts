// One word for one thing in each language: the glossaries in docs/i18n/glossary/*.json hold, per language, the word
// for each term (snooze, skip, pause, stretch, hold, the body parts, and the doctor the safety line sends the user to) and a pattern that matches it in running text.
// Wherever the English catalog uses a term, the translation must use that language's word for it; the labels that
// are the term itself (the Snooze buttons) must be exactly the word; and phrases a language must not use are listed.
import type { LocaleWords } from '../electron/core/i18n/locales.ts';
import type { Message } from '../electron/core/i18n/translate.ts';

/** Where a text lives: `msg:<key>`, `ex:<id>:name`, `ex:<id>:<position>:<step>` or `ex:<id>:caution:<n>` (1-based). */
export type Where = string;

export interface EnglishTerm {
  word: string;
  /** Matches the term in English text (case-insensitive). */
  pattern: string;
  /** `messages`: the interface only (an exercise's "pause" is a different word); `all`: exercises too. */
  scope: 'messages' | 'all';
  /** Keys whose whole text is the term. */
  labels?: string[];
}

export interface LocaleTerm {
  word: string;
  /** Matches the word in running text, in all its inflections (case-insensitive). */
  pattern: string;
  /** A label that differs from `word` on purpose, by key. */
  labels?: Record<string, string>;
  /** Places where the English term stands but the language says it otherwise, each with its reason. */
  except?: Record<Where, string>;
}

export interface Glossary<T> {
  terms: Record<string, T>;
  avoid?: { pattern: string; reason: string }[];
}

interface Pair {
  where: Where;
  en: string;
  mine: string;
}

const textsOf = (m: Message): [string, string][] =>
  typeof m === 'string' ? [['', m]] : Object.entries(m).filter(([k]) => k !== 'type') as [string, string][];

/** Every English text beside its translation: each plural form against English's own form of that name, or its "other". */
export function pairs(en: LocaleWords, mine: LocaleWords): { messages: Pair[]; exercises: Pair[] } {
  const messages: Pair[] = [];
  for (const [key, source] of Object.entries(en.messages) as [string, Message][]) {
    const english = new Map(textsOf(source));
    for (const [form, text] of textsOf((mine.messages as Record<string, Message>)[key]!)) {
      messages.push({ where: `msg:${key}`, en: english.get(form) ?? english.get('other') ?? english.get('')!, mine: text });
    }
  }
  const exercises: Pair[] = [];
  for (const [id, source] of Object.entries(en.exercises)) {
    const theirs = mine.exercises[id as keyof typeof mine.exercises];
    exercises.push({ where: `ex:${id}:name`, en: source.name, mine: theirs.name });
    for (const [position, steps] of Object.entries(source.steps)) {
      steps!.forEach((step, i) => {
        const text = theirs.steps[position as keyof typeof theirs.steps]?.[i] ?? '';
        exercises.push({ where: `ex:${id}:${position}:${i + 1}`, en: step, mine: text });
      });
    }
    source.cautions.forEach((c, i) => exercises.push({ where: `ex:${id}:caution:${i + 1}`, en: c, mine: theirs.cautions[i] ?? '' }));
  }
  return { messages, exercises };
}

const regex = (pattern: string, what: string): RegExp => {
  try {
    return new RegExp(pattern, 'iu');
  } catch (e) {
    throw new Error(`${what}: the pattern ${JSON.stringify(pattern)} is not a regular expression (${(e as Error).message})`, { cause: e });
  }
};

/** What breaks the glossary in one language: each problem names the place, the term and the text. */
export function glossaryProblems(
  en: LocaleWords,
  mine: LocaleWords,
  english: Glossary<EnglishTerm>,
  glossary: Glossary<LocaleTerm>,
): string[] {
  const problems: string[] = [];
  const { messages, exercises } = pairs(en, mine);
  for (const [name, source] of Object.entries(english.terms)) {
    const term = glossary.terms[name];
    if (!term) {
      problems.push(`the glossary has no word for "${name}"`);
      continue;
    }
    const theirs = regex(term.pattern, name);
    const ours = regex(source.pattern, `English ${name}`);
    if (!theirs.test(term.word)) problems.push(`"${name}": the pattern ${term.pattern} does not match its own word "${term.word}"`);
    for (const p of source.scope === 'all' ? [...messages, ...exercises] : messages) {
      if (!ours.test(p.en) || term.except?.[p.where] !== undefined) continue;
      if (!theirs.test(p.mine)) problems.push(`${p.where}: "${name}" is "${term.word}" (${term.pattern}) — ${p.mine}`);
    }
    for (const key of source.labels ?? []) {
      const want = term.labels?.[key] ?? term.word;
      const got = (mine.messages as Record<string, Message>)[key];
      if (got !== want) problems.push(`msg:${key}: the label for "${name}" is "${want}", not ${JSON.stringify(got)}`);
    }
    for (const where of Object.keys(term.except ?? {})) {
      if (![...messages, ...exercises].some((p) => p.where === where && ours.test(p.en))) problems.push(`"${name}": the exception ${where} names no place where English uses the term`);
    }
  }
  for (const name of Object.keys(glossary.terms)) if (!english.terms[name]) problems.push(`"${name}" is not a term of the English glossary`);
  for (const { pattern, reason } of glossary.avoid ?? []) {
    const bad = regex(pattern, 'avoid');
    for (const p of [...messages, ...exercises]) if (bad.test(p.mine)) problems.push(`${p.where}: avoid ${pattern} (${reason}) — ${p.mine}`);
  }
  return problems;
}
