// `npm run -s screenshots -- DIR`: PNGs of the real UI rendered in Chromium by the harness — the break prompt, the
// headline exercises mid-movement, a long-break routine, the finished screen, settings, statistics and the tray
// menu, in light and dark.
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXERCISES } from '../electron/core/catalog.ts';
import { launchChromium } from '../e2e/harness/chromium.ts';
import { startHarness } from '../e2e/harness/harness.ts';
import type { Page } from 'playwright-core';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npm run -s screenshots -- DIR');
  process.exit(2);
}
mkdirSync(dir, { recursive: true });
const HEADLINE = ['shoulder-roll', 'neck-roll', 'chair-rotation', 'scapular-squeeze'];
const browser = await launchChromium(true);
const written: string[] = [];

async function shot(page: Page, name: string) {
  const file = resolve(dir!, `${name}.png`);
  await page.screenshot({ path: file });
  written.push(file);
}

async function runFor(page: Page, seconds: number) {
  for (let s = 0; s < seconds; s += 1) await page.clock.runFor(1000);
}

for (const scheme of ['light', 'dark'] as const) {
  // A micro break with only one exercise allowed shows that exercise.
  for (const id of HEADLINE) {
    const h = await startHarness({
      browser,
      colorScheme: scheme,
      fakePageClock: true,
      realNotifications: false,
      settings: { excludedExercises: EXERCISES.map((e) => e.id).filter((x) => x !== id) },
    });
    h.clock.advanceBy(30 * 60_000);
    const prompt = await h.windows.page('break');
    if (id === HEADLINE[0]) await shot(prompt, `break-prompt-${scheme}`);
    await prompt.getByRole('button', { name: 'Start' }).click();
    await runFor(prompt, id === 'scapular-squeeze' ? 8 : 12);
    await prompt.waitForTimeout(300);
    await shot(prompt, `exercise-${id}-${scheme}`);
    await h.close();
  }
  const h = await startHarness({ browser, colorScheme: scheme, fakePageClock: true, realNotifications: false });
  h.tray.clickMenu('break:long');
  const page = await h.windows.page('break');
  await runFor(page, 70);
  await shot(page, `long-break-${scheme}`);
  await h.close();
}

if (existsSync(resolve(import.meta.dirname, '../e2e/harness/screenshots-windows.ts'))) {
  const { screenshotWindows } = await import('../e2e/harness/screenshots-windows.ts');
  for (const f of await screenshotWindows(browser, dir)) written.push(f);
}
await browser.close();
console.log(written.join('\n'));
