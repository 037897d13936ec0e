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

/** Each shipped locale's own chunk (Vite names a dynamic import's chunk after its module: `de-<hash>.js`). */
export function localeChunks(rendererDir: string): Map<string, string> {
  const assets = join(rendererDir, 'assets');
  const chunks = new Map<string, string>();
  for (const file of readdirSync(assets)) {
    const code = LANGUAGE_CODES.find((c) => file.startsWith(`${c}-`) && file.endsWith('.js') && /^[\w-]+-[\w-]{8}\.js$/.test(file));
    if (code) chunks.set(code, join(assets, file));
  }
  return chunks;
}

/** The move drawings (renderer/src/figures/moves), each built into a chunk named after it: `Twist-<hash>.js`. */
const MOVES_DIR = resolve(import.meta.dirname, '../renderer/src/figures/moves');

export function moveChunks(rendererDir: string): Map<string, string> {
  const names = new Set(readdirSync(MOVES_DIR).map((f) => basename(f, '.svelte')));
  const chunks = new Map<string, string>();
  for (const file of readdirSync(join(rendererDir, 'assets'))) {
    const m = /^([A-Za-z]+)-[\w-]{8}\.js$/.exec(file);
    if (m && names.has(m[1]!)) chunks.set(m[1]!, join(rendererDir, 'assets', file));
  }
  return chunks;
}

/** A chunk and the chunks it imports, transitively (Vite writes them `from"./x-hash.js"` or `import"./x-hash.js"`). */
export function withImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || !existsSync(file)) return seen;
  seen.add(file);
  for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*"(\.\/[\w-]+\.js)"/g)) withImports(resolve(dirname(file), m[1]!), seen);
  return seen;
}

export function benchRendererSize(rendererDir: string): { rendererJsGzipBytes: number; largestLocaleGzipBytes: number; largestMoveGzipBytes: number } {
  const page = new Set(scriptsOf(join(rendererDir, 'break.html')).flatMap((f) => [...withImports(f)]));
  if (!page.size) throw new Error('break.html loads no script: build first');
  const bytes = [...page].reduce((sum, f) => sum + gzipBytes(f), 0);
  const locales = [...localeChunks(rendererDir).values()].map(gzipBytes);
  const largestLocaleGzipBytes = Math.max(0, ...locales);
  // A move's chunk with what it imports beyond the page's own code.
  const moves = [...moveChunks(rendererDir).values()].map((f) => [...withImports(f)].filter((c) => !page.has(c)).reduce((sum, c) => sum + gzipBytes(c), 0));
  const largestMoveGzipBytes = Math.max(0, ...moves);
  return { rendererJsGzipBytes: bytes + largestLocaleGzipBytes + largestMoveGzipBytes, largestLocaleGzipBytes, largestMoveGzipBytes };
}
