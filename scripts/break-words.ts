// The break window's build carries only the messages the break window shows. Every locale module (English in the
// page's own code, each other language in a chunk of its own) holds the words of every window; in the break
// window's build, their `messages` keep only the keys under BREAK_WINDOW_MESSAGES, so a window in Russian no longer
// downloads the settings window's words. Nothing in the sources changes: the other windows' builds keep them all.
//
// The list is checked, not trusted: once the break window's code is bundled, every message key it names (a quoted
// key, or the start of a key built from a template such as `motion.${m}`) must be one that was kept, or the build
// fails, naming the key.
import { parseAst, type Plugin } from 'vite';
import { messages as english } from '../electron/core/i18n/en.ts';
import { LANGUAGE_CODES } from '../electron/core/i18n/languages.ts';

/** The messages the break window shows: these prefixes (ending in '.') and whole keys. */
export const BREAK_WINDOW_MESSAGES: readonly string[] = ['break.', 'cue.', 'direction.', 'duration.', 'figure.', 'motion.', 'position.', 'positions.', 'counter'];

export const keptInBreakWindow = (key: string): boolean => BREAK_WINDOW_MESSAGES.some((k) => (k.endsWith('.') ? key.startsWith(k) : key === k));

const LOCALE_MODULE = new RegExp(`/electron/core/i18n/(${LANGUAGE_CODES.map((c) => c.replace('-', '\\-')).join('|')})\\.ts$`);

interface Node {
  type: string;
  start: number;
  end: number;
  [k: string]: unknown;
}

const keyName = (p: Node): string | null => {
  const k = p.key as Node | undefined;
  if (!k) return null;
  if (k.type === 'Identifier') return k.name as string;
  return k.type === 'Literal' && typeof k.value === 'string' ? k.value : null;
};

/** Every `messages` object literal in a module: `const messages = {…}` (English) or `messages: {…}` (the others). */
function messageObjects(node: unknown, found: Node[] = []): Node[] {
  if (!node || typeof node !== 'object') return found;
  if (Array.isArray(node)) {
    for (const n of node) messageObjects(n, found);
    return found;
  }
  const n = node as Node;
  const value = n.type === 'VariableDeclarator' ? (n.init as Node | null) : n.type === 'Property' ? (n.value as Node) : null;
  const name = n.type === 'VariableDeclarator' ? ((n.id as Node).name as string) : n.type === 'Property' ? keyName(n) : null;
  if (name === 'messages' && value?.type === 'ObjectExpression') {
    found.push(value);
    return found;
  }
  for (const [k, v] of Object.entries(n)) if (k !== 'type' && k !== 'start' && k !== 'end') messageObjects(v, found);
  return found;
}

/** The module's source with each `messages` object cut down to the kept keys. */
export function pruneMessages(code: string, keep: (key: string) => boolean): string {
  const objects = messageObjects(parseAst(code)).sort((a, b) => b.start - a.start);
  let out = code;
  for (const o of objects) {
    const props = (o.properties as Node[]).filter((p) => {
      const k = keyName(p);
      return k === null || keep(k);
    });
    out = `${out.slice(0, o.start)}{${props.map((p) => code.slice(p.start, p.end)).join(',')}}${out.slice(o.end)}`;
  }
  return out;
}

/** Message keys a bundled chunk names that were not kept: quoted keys, and the fixed starts of template keys. */
export function missingKeys(code: string, keep: (key: string) => boolean): string[] {
  const keys = Object.keys(english);
  const missing = new Set<string>();
  for (const m of code.matchAll(/["'`]([\w-]+(?:\.[\w-]+)*)["'`]/g)) if (m[1]! in english && !keep(m[1]!)) missing.add(m[1]!);
  for (const m of code.matchAll(/`([\w-]+(?:\.[\w-]+)*\.)\$\{/g)) for (const k of keys) if (k.startsWith(m[1]!) && !keep(k)) missing.add(k);
  return [...missing].sort();
}

/** The plugin, for the break window's build (Vite environment `environment`) only. */
export function breakWords(environment: string): Plugin {
  return {
    name: 'limber-break-words',
    applyToEnvironment: (env) => env.name === environment,
    transform(code, id) {
      if (!LOCALE_MODULE.test(id.split('?')[0]!)) return null;
      return { code: pruneMessages(code, keptInBreakWindow), map: null };
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || (chunk.facadeModuleId && LOCALE_MODULE.test(chunk.facadeModuleId))) continue;
        const missing = missingKeys(chunk.code, keptInBreakWindow);
        if (missing.length) this.error(`the break window shows messages its build leaves out (scripts/break-words.ts): ${missing.join(', ')}`);
      }
    },
  };
}
