// The pseudo-locale: English made accented and about 40 % longer, so a layout that clips or overflows in a
// long language shows it in English too, and untranslated (hard-coded) text stands out by its plain letters.
// Works on message syntax: `{name}` placeholders, `#` and the keywords of `{n, plural, …}` stay as they are.

import type { LocaleWords } from './locales.ts';

const ACCENTS: Readonly<Record<string, string>> = {
  a: 'å', b: 'ƀ', c: 'ç', d: 'đ', e: 'ē', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'ï', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ʠ', r: 'ŕ', s: 'š', t: 'ţ', u: 'ü', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Å', B: 'Ɓ', C: 'Ç', D: 'Đ', E: 'Ē', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Ï', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Ü', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

/** Extra words appended to each run of text; accented so they read as part of the pseudo text. */
const PADDING = 'ļöŕēɱ ïþšüɱ đöļöŕ šïţ åɱēţ çöñšēçţēţüŕ åđïþïšçïñĝ ēļïţ šēđ đö ēïüšɱöđ ţēɱþöŕ';

export const PSEUDO_GROWTH = 0.4;

function accent(text: string): string {
  let out = '';
  for (const ch of text) out += ACCENTS[ch] ?? ch;
  return out;
}

function pad(visible: number): string {
  const n = Math.round(visible * PSEUDO_GROWTH);
  if (n === 0) return '';
  let p = '';
  while (p.length < n) p += (p ? ' ' : '') + PADDING;
  return p.slice(0, n).trimEnd();
}

/** Index of the `}` that closes the `{` at `open`. */
function closing(message: string, open: number): number {
  let depth = 0;
  for (let i = open; i < message.length; i++) {
    if (message[i] === '{') depth++;
    else if (message[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces in message: ${message}`);
}

/** An argument: `{name}` is kept; in `{n, plural|select|selectordinal, key {text} …}` each text is transformed. */
function argument(body: string, inPlural: boolean): { text: string; visible: number } {
  const m = /^\s*(\w+)\s*,\s*(plural|selectordinal|select)\s*,/.exec(body);
  if (!m) return { text: `{${body}}`, visible: 0 };
  let out = `{${m[0]}`;
  let visible = 0;
  let i = m[0].length;
  let branches = 0;
  while (i < body.length) {
    const open = body.indexOf('{', i);
    if (open < 0) {
      out += body.slice(i);
      break;
    }
    out += body.slice(i, open);
    const close = closing(body, open);
    const inner = transform(body.slice(open + 1, close), m[2] !== 'select' || inPlural, false);
    out += `{${inner.text}}`;
    visible += inner.visible;
    branches++;
    i = close + 1;
  }
  return { text: `${out}}`, visible: branches ? visible / branches : 0 };
}

function transform(message: string, inPlural: boolean, top: boolean): { text: string; visible: number } {
  let out = '';
  let visible = 0;
  let i = 0;
  while (i < message.length) {
    const ch = message[i]!;
    if (ch === '{') {
      const close = closing(message, i);
      const arg = argument(message.slice(i + 1, close), inPlural);
      out += arg.text;
      visible += arg.visible;
      i = close + 1;
    } else if (ch === '#' && inPlural) {
      out += ch;
      visible += 1;
      i++;
    } else {
      out += accent(ch);
      visible += 1;
      i++;
    }
  }
  if (top) {
    const extra = pad(visible);
    return { text: `⟦${out}${extra ? ` ${extra}` : ''}⟧`, visible };
  }
  return { text: out, visible };
}

/** One message in the pseudo-locale. Empty stays empty (some messages are deliberately blank). */
export function pseudoLocalize(message: string): string {
  if (message === '') return '';
  return transform(message, false, true).text;
}

/** A whole message tree (nested objects and lists of strings), transformed leaf by leaf; `type` keys are kept. */
export function pseudoLocalizeTree<T>(tree: T): T {
  if (typeof tree === 'string') return pseudoLocalize(tree) as T;
  if (Array.isArray(tree)) return tree.map((x) => pseudoLocalizeTree(x)) as T;
  if (tree && typeof tree === 'object') {
    return Object.fromEntries(Object.entries(tree).map(([k, x]) => [k, k === 'type' ? x : pseudoLocalizeTree(x)])) as T;
  }
  return tree;
}

/** The pseudo-locale's words: every English message and exercise text, transformed. */
export function pseudoWords(english: LocaleWords): LocaleWords {
  return { messages: pseudoLocalizeTree(english.messages), exercises: pseudoLocalizeTree(english.exercises) };
}
