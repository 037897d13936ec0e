// Renders resources/icons/src/*.svg into every size each OS wants. Re-runnable; its output is committed.
//   tray-<state>-<size>.png (+ @2x)   coloured, for Linux and Windows trays
//   tray-<state>Template.png (+ @2x)  black with alpha, for the macOS menu bar (16 pt)
//   app-<size>.png, icon.png (512), icon.ico, limber.png (notification icon)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium } from '../e2e/harness/chromium.ts';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'resources/icons/src');
const out = join(root, 'resources/icons');
export const TRAY_STATES = ['working', 'soon', 'break', 'paused', 'held'] as const;
export const TRAY_SIZES = [16, 22, 24, 32, 48] as const;
// Sources draw in #000, and in #001 what the coloured icons give an accent (the clock of "soon", the bars of "paused", the hourglass of "held");
// masks use the keywords black/white so no colour replaces them. Templates are all #000: macOS tints them itself.
// Mid-tones, so each reads on light and dark panels alike.
const ACCENT_MARK = '#001';
const TEAL = '#2f8f83';
const TRAY_COLOURS: Record<(typeof TRAY_STATES)[number], { figure: string; accent: string }> = {
  working: { figure: TEAL, accent: TEAL },
  soon: { figure: TEAL, accent: '#e08a1e' },
  break: { figure: TEAL, accent: TEAL },
  paused: { figure: '#8a949c', accent: '#8a949c' },
  held: { figure: TEAL, accent: '#5b6fd6' },
};
const APP_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

async function main() {
  mkdirSync(out, { recursive: true });
  const browser = await launchChromium(true);
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const render = async (svg: string, size: number, file: string) => {
    const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
    await page.locator('svg').screenshot({ path: join(out, file), omitBackground: true });
  };
  for (const state of TRAY_STATES) {
    const source = readFileSync(join(src, `tray-${state}.svg`), 'utf8');
    const mono = source.replaceAll(ACCENT_MARK, '#000');
    const { figure, accent } = TRAY_COLOURS[state];
    const colour = source.replaceAll(ACCENT_MARK, accent).replaceAll('#000', figure);
    for (const size of TRAY_SIZES) {
      await render(colour, size, `tray-${state}-${size}.png`);
      await render(colour, size * 2, `tray-${state}-${size}@2x.png`);
    }
    await render(mono, 16, `tray-${state}Template.png`);
    await render(mono, 32, `tray-${state}Template@2x.png`);
  }
  const app = readFileSync(join(src, 'app.svg'), 'utf8');
  for (const size of APP_SIZES) await render(app, size, `app-${size}.png`);
  await render(app, 512, 'icon.png');
  await render(app, 128, 'limber.png');
  await browser.close();
  // One .ico holding the small sizes Windows picks from.
  execFileSync('convert', ['app-16.png', 'app-24.png', 'app-32.png', 'app-48.png', 'app-64.png', 'app-256.png', 'icon.ico'], { cwd: out });
  console.log(`wrote ${readdirSync(out).filter((f) => f.endsWith('.png') || f.endsWith('.ico')).length} icon files to resources/icons`);
}

await main();
