// The break window's JavaScript, gzipped: everything break.html loads (other windows load their own code), plus the
// one locale module a window in another language loads on demand (the largest, so the figure is the worst case).
import { readFileSync, readdirSync } from 'node:fs';
import { LANGUAGE_CODES } from '../electron/core/i18n/languages.ts';
import { dirname, join, resolve } from 'node:path';
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

export function benchRendererSize(rendererDir: string): { rendererJsGzipBytes: number; largestLocaleGzipBytes: number } {
  const files = scriptsOf(join(rendererDir, 'break.html'));
  if (!files.length) throw new Error('break.html loads no script: build first');
  const bytes = files.reduce((sum, f) => sum + gzipBytes(f), 0);
  const locales = [...localeChunks(rendererDir).values()].map(gzipBytes);
  const largestLocaleGzipBytes = Math.max(0, ...locales);
  return { rendererJsGzipBytes: bytes + largestLocaleGzipBytes, largestLocaleGzipBytes };
}
