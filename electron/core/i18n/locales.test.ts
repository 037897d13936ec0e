// Every shipped locale against the English source: every key, the same placeholders, the plural forms its language
// needs, every exercise's words for every position, and the body's sides where English names one.
import { describe, expect, it } from 'vitest';
import { EXERCISE_IDS } from '../catalog.ts';
import { messages as en, exercises as enExercises } from './en.ts';
import { LANGUAGES, LANGUAGE_CODES, type LanguageCode } from './languages.ts';
import { LOCALES, loadLocale, translator, type Locale } from './locales.ts';
import { placeholdersOf, type Message } from './translate.ts';

const loaded = new Map<LanguageCode, Locale>();
const locale = async (code: LanguageCode): Promise<Locale> => {
  if (!loaded.has(code)) loaded.set(code, await LOCALES[code]());
  return loaded.get(code)!;
};
const OTHERS = LANGUAGE_CODES.filter((c) => c !== 'en');

const textsOf = (m: Message): string[] => (typeof m === 'string' ? [m] : Object.entries(m).filter(([k]) => k !== 'type').map(([, v]) => v));

/** Keys whose English wording may stand as it is in another language (names, symbols, file formats). */
const MAY_EQUAL_ENGLISH = new Set(['app.name', 'tray.tooltip', 'counter', 'duration.minutes', 'duration.minutesSeconds', 'duration.seconds', 'figure.withMotion', 'key.alt', 'key.ctrl', 'key.shift', 'key.super', 'key.space', 'stats.none', 'stats.percent', 'stats.chart.hoverPart', 'break.countdownLabel', 'stats.export.heading', 'break.button.pause', 'welcome.how.breaks.before', 'welcome.how.breaks.after', 'welcome.how.breaks.between']);

/** Words spelled the same in a language as in English ("minutes" in French). */
const SAME_WORD: Partial<Record<LanguageCode, readonly string[]>> = {
  fr: ['settings.unit.longBreak.durationMinutes', 'settings.unit.snoozeMinutes', 'settings.unit.awayAfterMinutes', 'welcome.minutesOption'],
  // "Computer" is the German, Dutch and Italian word too.
  de: ['command.status', 'settings.computers.col.computer', 'stats.devices.label'],
  nl: ['command.status', 'settings.computers.col.computer', 'stats.devices.label'],
  it: ['settings.computers.col.computer', 'stats.devices.label'],
  'pt-BR': ['command.status'],
};

describe.each(OTHERS)('locale %s', (code) => {
  it('has every key of the English catalog and no other', async () => {
    const l = await locale(code);
    expect(Object.keys(l.messages).sort()).toEqual(Object.keys(en).sort());
  });

  it('uses the same placeholders as English in every message', async () => {
    const l = await locale(code);
    for (const [key, source] of Object.entries(en) as [keyof typeof en, Message][]) {
      const m = l.messages[key] as Message;
      expect(typeof m, key).toBe(typeof source);
      const want = placeholdersOf(source).filter((p) => p !== 'count');
      for (const text of textsOf(m)) {
        const used = [...text.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!);
        for (const p of want) expect(used, `${key}: ${text}`).toContain(p);
        for (const p of used) expect([...want, 'count'], `${key} uses an unknown placeholder: ${text}`).toContain(p);
        expect(text.replace(/\{\w+\}/g, ''), `${key}: stray brace`).not.toMatch(/[{}]/);
        // Only the pieces around the welcome's bold words may be empty (a language may start with the bold part).
        if (!key.startsWith('welcome.how.breaks.')) expect(text.trim(), key).not.toBe('');
      }
    }
  });

  it('gives every plural message the forms its language uses for whole numbers', async () => {
    const l = await locale(code);
    for (const [key, m] of Object.entries(l.messages) as [string, Message][]) {
      if (typeof m === 'string') continue;
      const rules = new Intl.PluralRules(code, { type: m.type === 'ordinal' ? 'ordinal' : 'cardinal' });
      const needed = new Set(Array.from({ length: 201 }, (_, n) => rules.select(n)));
      for (const form of needed) expect(Object.keys(m), `${key} lacks the "${form}" form`).toContain(form);
    }
  });

  it('translates: no message left in English', async () => {
    const l = await locale(code);
    const leftovers = (Object.keys(en) as (keyof typeof en)[]).filter(
      (key) => !MAY_EQUAL_ENGLISH.has(key) && !SAME_WORD[code]?.includes(key) && JSON.stringify(l.messages[key]) === JSON.stringify(en[key]) && /[a-z]{4}/.test(JSON.stringify(en[key])),
    );
    expect(leftovers).toEqual([]);
  });

  it('has every exercise, with steps for the same positions and as many steps and cautions as English', async () => {
    const l = await locale(code);
    expect(Object.keys(l.exercises).sort()).toEqual([...EXERCISE_IDS].sort());
    for (const id of EXERCISE_IDS) {
      const mine = l.exercises[id];
      const source = enExercises[id];
      expect(Object.keys(mine.steps).sort(), id).toEqual(Object.keys(source.steps).sort());
      for (const [position, steps] of Object.entries(source.steps)) {
        expect(mine.steps[position as keyof typeof mine.steps]?.length, `${id} ${position}`).toBe(steps!.length);
      }
      expect(mine.cautions.length, id).toBe(source.cautions.length);
      expect(mine.name.length, id).toBeGreaterThan(1);
    }
  });
});

// The body's sides, as each language writes them. A step that names a side in English names the same side in
// translation, and never the other one where English has only one (a right angle is not a side).
const SIDES: Record<Exclude<LanguageCode, 'en'>, { left: RegExp; right: RegExp }> = {
  de: { left: /\blink(s|e[nmrs]?)\b/i, right: /\brecht(s|e[nmrs]?)\b/i },
  fr: { left: /gauche/i, right: /\bdroite\b|(côté|genou|pied|bras) droit\b/i },
  es: { left: /izquierd/i, right: /derech/i },
  it: { left: /sinistr/i, right: /destr/i },
  'pt-BR': { left: /esquerd/i, right: /direit/i },
  nl: { left: /link/i, right: /rechter|rechts/i },
  pl: { left: /lew/i, right: /praw/i },
  tr: { left: /(?<![a-zçğıöşü])sol(a|daki)?(?![a-zçğıöşü])/i, right: /(?<![a-zçğıöşü])sağ(a|daki)?(?![a-zçğıöşü])/i },
  ru: { left: /(?<![а-яё])(лев|влево)/i, right: /(?<![а-яё])(прав|вправо)/i },
  uk: { left: /(?<![а-яіїєґ’'])лів/i, right: /(?<![а-яіїєґ’'])прав/i },
  ja: { left: /左/, right: /右/ },
  ko: { left: /왼/, right: /오른/ },
  'zh-CN': { left: /左/, right: /右/ },
  'zh-TW': { left: /左/, right: /右/ },
  ar: { left: /يسار|أيسر|يسرى/, right: /يمين|أيمن|يمنى/ },
};
const EN_LEFT = /\bleft\b/i;
const EN_RIGHT = /\bright\b(?! angle)/i;
const RIGHT_ANGLE: Record<Exclude<LanguageCode, 'en'>, RegExp> = {
  de: /rechte[nr]? Winkel/, fr: /angle droit/, es: /ángulo recto/, it: /angolo retto/, 'pt-BR': /ângulo reto/, nl: /rechte hoek/,
  pl: /kąty? prost/, tr: /dik açı/, ru: /прям\S* угл/, uk: /прям\S* кут/, ja: /直角/, ko: /직각/, 'zh-CN': /直角/, 'zh-TW': /直角/, ar: /زاوية قائمة/,
};

describe.each(OTHERS as Exclude<LanguageCode, 'en'>[])('sides in %s', (code) => {
  it('every step names the same side as English, and a right angle stays an angle', async () => {
    const l = await locale(code);
    const words = SIDES[code];
    for (const id of EXERCISE_IDS) {
      for (const [position, steps] of Object.entries(enExercises[id].steps)) {
        steps!.forEach((step, i) => {
          const mine = l.exercises[id].steps[position as keyof (typeof enExercises)[typeof id]['steps']]![i]!;
          const where = `${id} ${position} step ${i + 1}: ${mine}`;
          // 左右 ("left and right", as in "alternate") names no one side.
          const withoutAngle = mine.replace(RIGHT_ANGLE[code], '').replace(/左右|좌우/g, '');
          expect(words.left.test(withoutAngle), where).toBe(EN_LEFT.test(step));
          expect(words.right.test(withoutAngle), where).toBe(EN_RIGHT.test(step));
          if (/right angle/.test(step)) expect(mine, where).toMatch(RIGHT_ANGLE[code]);
        });
      }
    }
  });

  it('the side and direction cues name the right side', async () => {
    const t = translator(await locale(code));
    const words = SIDES[code];
    for (const key of ['side.left', 'cue.sideFirst.left', 'cue.holdSide.left', 'cue.holdSideCounted.left', 'motion.left'] as const) {
      const text = t(key as 'side.left');
      expect(words.left.test(text) && !words.right.test(text), `${key}: ${text}`).toBe(true);
    }
    for (const key of ['side.right', 'cue.sideFirst.right', 'cue.holdSide.right', 'cue.holdSideCounted.right', 'motion.right'] as const) {
      const text = t(key as 'side.right');
      expect(words.right.test(text) && !words.left.test(text), `${key}: ${text}`).toBe(true);
    }
  });
});

describe('loading', () => {
  it('every language in the list has a loader that gives its own code, name and direction', async () => {
    for (const info of LANGUAGES) {
      const l = await locale(info.code);
      expect([l.code, l.name, l.dir]).toEqual([info.code, info.name, info.dir]);
    }
  });

  it('the pseudo-locale has every English key, accented and longer', async () => {
    const p = await loadLocale('en-XA');
    expect(Object.keys(p.messages).sort()).toEqual(Object.keys(en).sort());
    const t = translator(p);
    expect(t('break.button.skip')).toMatch(/^⟦Šķïþ/);
    expect(t('counter', { n: 3, of: 10 })).toContain('3');
    expect(p.exercises['neck-roll'].steps.seated![1]).toMatch(/^⟦/);
  });

  it('plural forms follow each language: Polish and Arabic count differently from English', async () => {
    const pl = translator(await locale('pl'));
    expect([1, 3, 5, 22].map((n) => pl('stats.streakDays', { count: n }))).toEqual(['1 dzień', '3 dni', '5 dni', '22 dni']);
    const ar = translator(await locale('ar'));
    expect(ar('stats.favourites.times', { count: 2 })).toBe('مرتان');
  });

  it('the heads-up and the welcome rhythm agree with their number in languages whose nouns change with it', async () => {
    const ru = translator(await locale('ru'));
    expect([1, 2, 5, 21].map((n) => ru('notify.headsUp.micro.minutes', { count: n }))).toEqual([
      'Разминка начнётся через 1 минуту.',
      'Разминка начнётся через 2 минуты.',
      'Разминка начнётся через 5 минут.',
      'Разминка начнётся через 21 минуту.',
    ]);
    const uk = translator(await locale('uk'));
    expect(uk('notify.headsUp.long.seconds', { count: 3 })).toBe('Розтяжка почнеться за 3 секунди.');
    const pl = translator(await locale('pl'));
    expect([22, 25].map((n) => pl('welcome.minutesOption', { count: n }))).toEqual(['22 minuty', '25 minut']);
    const ar = translator(await locale('ar'));
    expect([2, 5, 60].map((n) => ar('notify.headsUp.micro.minutes', { count: n }))).toEqual([
      'تبدأ استراحة الحركة بعد دقيقتين.',
      'تبدأ استراحة الحركة بعد 5 دقائق.',
      'تبدأ استراحة الحركة بعد 60 دقيقة.',
    ]);
  });
});
