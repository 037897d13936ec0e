// The break window's JavaScript, gzipped: everything break.html loads (other windows load their own code).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export function scriptsOf(htmlFile: string): string[] {
  const html = readFileSync(htmlFile, 'utf8');
  const dir = dirname(htmlFile);
  const srcs = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)].map((m) => resolve(dir, m[1]!));
  return [...new Set(srcs)];
}

export function benchRendererSize(rendererDir: string): { rendererJsGzipBytes: number } {
  const files = scriptsOf(join(rendererDir, 'break.html'));
  if (!files.length) throw new Error('break.html loads no script: build first');
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  return { rendererJsGzipBytes: bytes };
}
