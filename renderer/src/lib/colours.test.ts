/// <reference types="vite/client" />
// Colours are tokens of base.css, defined once for every window, light and dark; a component names a token, never a
// colour of its own, so one change there restyles every window alike.
import { describe, expect, it } from 'vitest';

const COMPONENTS = import.meta.glob('../**/*.svelte', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const BASE = (import.meta.glob('./base.css', { query: '?raw', import: 'default', eager: true }) as Record<string, string>)['./base.css']!;
const HEX = /#[0-9a-f]{3,8}\b/gi;
const definitions = (css: string) => [...css.matchAll(/(--[a-z0-9-]+)\s*:/g)].map((m) => m[1]!);

describe('colour tokens', () => {
  it('no component writes a colour of its own', () => {
    expect(Object.keys(COMPONENTS).length).toBeGreaterThan(10);
    const found = Object.entries(COMPONENTS).flatMap(([file, text]) => (text.match(HEX) ?? []).map((c) => `${file}: ${c}`));
    expect(found).toEqual([]);
  });

  it('base.css defines each token once for the light scheme and at most once for the dark', () => {
    // Vitest hands a stylesheet over empty unless its css.include names it; an empty one would check nothing.
    expect(definitions(BASE).length).toBeGreaterThan(10);
    const [light = '', dark = ''] = BASE.split('@media (prefers-color-scheme: dark)');
    for (const part of [light, dark]) {
      const names = definitions(part);
      expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    }
    expect(definitions(dark).filter((n) => !definitions(light).includes(n))).toEqual([]);
  });

  it('no component defines a token of base.css again', () => {
    const tokens = new Set(definitions(BASE));
    const again = Object.entries(COMPONENTS).flatMap(([file, text]) => definitions(text).filter((n) => tokens.has(n)).map((n) => `${file}: ${n}`));
    expect(again).toEqual([]);
  });
});
