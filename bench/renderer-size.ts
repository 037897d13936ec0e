// The break window's JavaScript, gzipped: everything break.html loads (other windows load their own code), plus what
// it loads on demand, at its heaviest: the largest locale module (a window in another language) and the largest move
// drawing with the shared parts it imports (each move of the routine is a chunk of its own; one is always shown).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { LANGUAGE_CODES } from '../electron/core/i18n/languages.ts';
import { basename, dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export function scriptsOf(htmlFile: string): string[] {
  const html = readFileSync(htmlFile, 'utf8');
  const dir = dirname(htmlFile);
  const srcs = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)].map((m) => resolve(dir, m[1]!));
  return [...new Set(srcs)];
}

const gzipBytes = (f: string) => gzipSync(readFileSync(f), { level: 9 }).length;

/** A chunk's file name without its hash: `Twist-B9mNJFTY.js` → `Twist`. */
const chunkName = (file: string): string | undefined => /^([\w-]+)-[\w-]{8}\.js$/.exec(basename(file))?.[1];

/** A chunk and the chunks it imports, transitively (Vite writes them `from"./x-hash.js"` or `import"./x-hash.js"`). */
export function withImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || !existsSync(file)) return seen;
  seen.add(file);
  for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*"(\.\/[\w-]+\.js)"/g)) withImports(resolve(dirname(file), m[1]!), seen);
  return seen;
}

/**
 * The chunks the page's code may load on demand: every `./name-hash.js` it names. Each window is a build of its own,
 * so a locale can have one chunk per build (the break window's holds fewer words): only the page's own count.
 */
export function chunksNamedBy(files: Iterable<string>): Set<string> {
  const named = new Set<string>();
  for (const f of files) {
    for (const m of readFileSync(f, 'utf8').matchAll(/["'`]\.\/([\w-]+-[\w-]{8}\.js)["'`]/g)) named.add(resolve(dirname(f), m[1]!));
  }
  return named;
}

/** Each shipped locale's chunk among these (Vite names a dynamic import's chunk after its module: `de-<hash>.js`). */
export function localeChunks(chunks: Iterable<string>): Map<string, string> {
  const codes = new Set<string>(LANGUAGE_CODES);
  return new Map([...chunks].flatMap((f) => (codes.has(chunkName(f) ?? '') ? [[chunkName(f)!, f] as const] : [])));
}

/** The move drawings (renderer/src/figures/moves) among these chunks, each named after its drawing: `Twist-<hash>.js`. */
const MOVES_DIR = resolve(import.meta.dirname, '../renderer/src/figures/moves');

export function moveChunks(chunks: Iterable<string>): Map<string, string> {
  const names = new Set(readdirSync(MOVES_DIR).map((f) => basename(f, '.svelte')));
  return new Map([...chunks].flatMap((f) => (names.has(chunkName(f) ?? '') ? [[chunkName(f)!, f] as const] : [])));
}

export function benchRendererSize(rendererDir: string): { rendererJsGzipBytes: number; largestLocaleGzipBytes: number; largestMoveGzipBytes: number } {
  const page = new Set(scriptsOf(join(rendererDir, 'break.html')).flatMap((f) => [...withImports(f)]));
  if (!page.size) throw new Error('break.html loads no script: build first');
  const bytes = [...page].reduce((sum, f) => sum + gzipBytes(f), 0);
  const named = chunksNamedBy(page);
  const largestLocaleGzipBytes = Math.max(0, ...[...localeChunks(named).values()].map(gzipBytes));
  // A move's chunk with what it imports beyond the page's own code.
  const moves = [...moveChunks(named).values()].map((f) => [...withImports(f)].filter((c) => !page.has(c)).reduce((sum, c) => sum + gzipBytes(c), 0));
  const largestMoveGzipBytes = Math.max(0, ...moves);
  return { rendererJsGzipBytes: bytes + largestLocaleGzipBytes + largestMoveGzipBytes, largestLocaleGzipBytes, largestMoveGzipBytes };
}
