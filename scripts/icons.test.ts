// The committed icons are complete and fit for each OS: every tray state at every size (and @2x) for Linux and
// Windows, one-colour template images for the macOS menu bar, a multi-size .ico, and five states told apart.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrayIcon } from '../electron/core/tray-model.ts';
import { decodePng, icoSizes, pngSize, type Png } from './png.ts';

const dir = resolve(import.meta.dirname, '../resources/icons');
// Every TrayIcon the core can ask for (the Record makes the compiler name a missing one).
const STATES_BY_ICON: Record<TrayIcon, true> = { working: true, soon: true, break: true, paused: true, held: true };
const STATES = Object.keys(STATES_BY_ICON) as TrayIcon[];
const SIZES = [16, 22, 24, 32, 48];

const read = (f: string): Png => decodePng(readFileSync(join(dir, f)));

function opaqueShare(png: Png): number {
  let n = 0;
  for (let i = 3; i < png.rgba.length; i += 4) if (png.rgba[i]! > 0) n++;
  return n / (png.width * png.height);
}

describe('tray icons', () => {
  it('the render script and the SVG sources cover the same states the core uses', () => {
    const script = readFileSync(resolve(import.meta.dirname, 'render-icons.ts'), 'utf8');
    expect(script).toContain(`TRAY_STATES = [${STATES.map((s) => `'${s}'`).join(', ')}]`);
    expect(script).toContain(`TRAY_SIZES = [${SIZES.join(', ')}]`);
    for (const s of STATES) expect(existsSync(join(dir, 'src', `tray-${s}.svg`)), s).toBe(true);
  });

  it.each(STATES)('%s exists at 16, 22, 24, 32, 48 px and @2x, with those pixel sizes', (state) => {
    for (const size of SIZES) {
      expect(pngSize(readFileSync(join(dir, `tray-${state}-${size}.png`))), `${state} ${size}`).toEqual({ width: size, height: size });
      expect(pngSize(readFileSync(join(dir, `tray-${state}-${size}@2x.png`))), `${state} ${size}@2x`).toEqual({
        width: size * 2,
        height: size * 2,
      });
    }
  });

  it.each(STATES)('%s: coloured, with a transparent background and something drawn', (state) => {
    const png = read(`tray-${state}-22.png`);
    const corner = png.rgba[3]!;
    expect(corner).toBe(0);
    const share = opaqueShare(png);
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.9);
  });

  it.each(STATES)('%s macOS template (16 pt and @2x): black only, shape in alpha', (state) => {
    for (const [file, size] of [
      [`tray-${state}Template.png`, 16],
      [`tray-${state}Template@2x.png`, 32],
    ] as const) {
      const png = read(file);
      expect([png.width, png.height], file).toEqual([size, size]);
      const alphas = new Set<number>();
      for (let i = 0; i < png.rgba.length; i += 4) {
        const [r, g, b, a] = [png.rgba[i]!, png.rgba[i + 1]!, png.rgba[i + 2]!, png.rgba[i + 3]!];
        alphas.add(a);
        // Fully transparent pixels carry no colour; every visible one must be black.
        if (a > 0) expect([r, g, b], `${file} pixel ${i / 4}`).toEqual([0, 0, 0]);
      }
      expect(alphas.has(0), `${file} has transparent pixels`).toBe(true);
      expect(alphas.has(255), `${file} has opaque pixels`).toBe(true);
    }
  });

  it('the five states look different from each other at 16 px, in colour and as templates', () => {
    for (const name of [(s: string) => `tray-${s}-16.png`, (s: string) => `tray-${s}Template.png`]) {
      const images = STATES.map((s) => Buffer.from(read(name(s)).rgba).toString('base64'));
      expect(new Set(images).size).toBe(STATES.length);
    }
  });

  it('no stray tray files: every tray-*.png is a known state and size', () => {
    const expected = new Set(
      STATES.flatMap((s) => [...SIZES.flatMap((z) => [`tray-${s}-${z}.png`, `tray-${s}-${z}@2x.png`]), `tray-${s}Template.png`, `tray-${s}Template@2x.png`]),
    );
    const actual = readdirSync(dir).filter((f) => f.startsWith('tray-'));
    expect(actual.sort()).toEqual([...expected].sort());
  });
});

describe('app icons', () => {
  it('icon.ico holds several sizes, from 16 to 256 px', () => {
    const sizes = icoSizes(readFileSync(join(dir, 'icon.ico')));
    expect(sizes.length).toBeGreaterThanOrEqual(4);
    for (const s of [16, 32, 48, 256]) expect(sizes).toContain(s);
  });

  it('icon.png is 512 px (Linux and macOS installers), limber.png is the notification icon', () => {
    expect(pngSize(readFileSync(join(dir, 'icon.png')))).toEqual({ width: 512, height: 512 });
    expect(pngSize(readFileSync(join(dir, 'limber.png'))).width).toBeGreaterThanOrEqual(64);
    for (const s of [16, 24, 32, 48, 64, 128, 256, 512]) expect(pngSize(readFileSync(join(dir, `app-${s}.png`))).width).toBe(s);
  });
});

describe('png reader', () => {
  it('rejects what is not a PNG', () => {
    expect(() => pngSize(Buffer.from('GIF89a............................'))).toThrow(/not a PNG/);
    expect(() => icoSizes(readFileSync(join(dir, 'icon.png')))).toThrow(/not an .ico/);
  });
});
