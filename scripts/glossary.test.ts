// Each language keeps one word for each term of its glossary (docs/i18n/glossary/<code>.json) throughout its
// catalog: where English says snooze, shoulder or stretch, the translation says that language's word for it.
// Node-only (it reads the glossaries from docs), so it lives beside the scripts rather than in electron/core.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exercises as enExercises, messages as enMessages } from '../electron/core/i18n/en.ts';
import { LANGUAGE_CODES, type LanguageCode } from '../electron/core/i18n/languages.ts';
import { LOCALES, type LocaleWords } from '../electron/core/i18n/locales.ts';
import { glossaryProblems, type EnglishTerm, type Glossary, type LocaleTerm } from './glossary.ts';

const DIR = fileURLToPath(new URL('../docs/i18n/glossary/', import.meta.url));
const read = <T>(name: string): T => JSON.parse(readFileSync(DIR + name, 'utf8')) as T;
const english = read<Glossary<EnglishTerm>>('en.json');
const en: LocaleWords = { messages: enMessages, exercises: enExercises };
const OTHERS = LANGUAGE_CODES.filter((c): c is Exclude<LanguageCode, 'en'> => c !== 'en');
const words = async (code: LanguageCode): Promise<LocaleWords> => {
  const l = await LOCALES[code]();
  return { messages: l.messages, exercises: l.exercises };
};
/** A copy of a locale's words with one message or one exercise text changed. */
const edited = (w: LocaleWords, change: (copy: { messages: Record<string, unknown>; exercises: Record<string, { steps: Record<string, string[]> }> }) => void): LocaleWords => {
  const copy = structuredClone(w) as unknown as Parameters<typeof change>[0];
  change(copy);
  return copy as unknown as LocaleWords;
};

describe('glossaries', () => {
  it('English uses its own terms where its glossary says', () => {
    const self: Glossary<LocaleTerm> = { terms: Object.fromEntries(Object.entries(english.terms).map(([k, t]) => [k, { word: t.word, pattern: t.pattern }])) };
    expect(glossaryProblems(en, en, english, self)).toEqual([]);
  });

  it.each(OTHERS)('%s has a glossary and keeps its words throughout the catalog', async (code) => {
    expect(existsSync(`${DIR}${code}.json`), `docs/i18n/glossary/${code}.json`).toBe(true);
    expect(glossaryProblems(en, await words(code), english, read(`${code}.json`))).toEqual([]);
  });

  it.each(OTHERS)('%s: the written notes name the same snooze, skip and pause words', (code) => {
    const glossary = read<Glossary<LocaleTerm>>(`${code}.json`);
    const notes = readFileSync(`${DIR}${code}.md`, 'utf8');
    for (const term of ['snooze', 'skip', 'pause']) {
      const row = notes.split('\n').find((line) => line.startsWith(`| ${term} |`));
      expect(row, `${code}.md has a row for ${term}`).toBeDefined();
      const word = glossary.terms[term]!.word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(row!, `${code}.md: ${term}`).toMatch(new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'iu'));
    }
  });
});

describe('the glossary check', () => {
  it('fails when a label is replaced by another word (Turkish Snooze back to “Sonra”)', async () => {
    const tr = edited(await words('tr'), (w) => (w.messages['break.button.snooze'] = 'Sonra'));
    const problems = glossaryProblems(en, tr, english, read('tr.json'));
    expect(problems.some((p) => p.startsWith('msg:break.button.snooze: the label for "snooze" is "Ertele"'))).toBe(true);
    expect(problems.some((p) => p.includes('avoid ^Sonra$'))).toBe(true);
  });

  it('fails when a body part is called something else in one step', async () => {
    const es = edited(await words('es'), (w) => {
      const steps = w.exercises['shoulder-roll']!.steps['seated']!;
      steps[1] = steps[1]!.replace('muslos', 'piernas');
    });
    expect(glossaryProblems(en, es, english, read('es.json'))).toEqual([
      `ex:shoulder-roll:seated:2: "thigh" is "muslo" (muslo) — ${(await words('es')).exercises['shoulder-roll'].steps.seated![1]!.replace('muslos', 'piernas')}`,
    ]);
  });

  it('fails on a phrase the language must avoid, and on an exception that no longer names a use of the term', async () => {
    const fr = edited(await words('fr'), (w) => (w.exercises['trunk-rotation'] as unknown as { cautions: string[] }).cautions.splice(0, 1, 'Ne tournez que tant que c’est confortable.'));
    expect(glossaryProblems(en, fr, english, read('fr.json'))).toEqual([expect.stringMatching(/^ex:trunk-rotation:caution:1: avoid tant que/)]);
    const stale: Glossary<LocaleTerm> = read('ja.json');
    stale.terms['chest']!.except = { 'ex:neck-roll:name': 'not a place where English names the chest' };
    expect(glossaryProblems(en, await words('ja'), english, stale)).toContain('"chest": the exception ex:neck-roll:name names no place where English uses the term');
  });

  it('names the term and the pattern when a glossary is broken', async () => {
    const broken: Glossary<LocaleTerm> = read('de.json');
    broken.terms['knee']!.pattern = 'knie(';
    expect(() => glossaryProblems(en, en, english, broken)).toThrow(/knee: the pattern "knie\(" is not a regular expression/);
    delete broken.terms['knee'];
    expect(glossaryProblems(en, await words('de'), english, broken)).toContain('the glossary has no word for "knee"');
  });
});
