// `npm run bench [-- --json]`: Limber's performance figures (keys in docs/bench.md). Figures and ratios, never pass/fail.
import { resolve } from 'node:path';
import { launchChromium } from '../e2e/harness/chromium.ts';
import { benchBreakWindow } from './break-window.ts';
import { benchRendererSize } from './renderer-size.ts';
import { benchScheduler } from './scheduler.ts';
import { benchSettingsGarbage } from './settings-file.ts';
import { benchSoak } from './soak.ts';
import { benchWindowPaint } from './window-paint.ts';
import { benchStats } from './stats.ts';
import { benchHistoryFile } from './history-file.ts';

const root = resolve(import.meta.dirname, '..');
const json = process.argv.includes('--json');

type Figures = Record<string, number>;
const figures: Figures = {};
const browser = await launchChromium(true);

const steps: [string, () => Promise<Figures> | Figures][] = [
  ['renderer size', () => benchRendererSize(resolve(root, 'out/renderer'))],
  ['break window', () => benchBreakWindow(browser)],
  ['statistics', () => benchStats()],
  ['history file', () => benchHistoryFile()],
  ['scheduler', () => benchScheduler()],
  ['settings file', () => benchSettingsGarbage()],
  ['settings window', () => benchWindowPaint(browser)],
  ['soak', () => benchSoak(browser)],
];
for (const [name, run] of steps) {
  try {
    Object.assign(figures, await run());
  } catch (e) {
    console.error(`bench: ${name} failed: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
await browser.close();

if (json) {
  console.log(JSON.stringify(figures));
} else {
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(width)}  ${v}`);
  if (figures.breakWindowFirstPaintMs && figures.blankPageFirstPaintMs) {
    console.log(`${'break window / blank page'.padEnd(width)}  ${(figures.breakWindowFirstPaintMs / figures.blankPageFirstPaintMs).toFixed(2)}×`);
  }
}
