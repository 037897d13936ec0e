// `npm run -s screenshots -- DIR`: PNGs of the real UI rendered in Chromium by the harness — the break prompt, the
// headline exercises mid-movement, a long-break routine, the finished screen, settings, statistics and the tray
// menu, in light and dark. `--locale CODE` renders them in that language (the OS's preferred language, with the
// `language` setting at `system`); the script's own output stays English.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXERCISES } from '../electron/core/catalog.ts';
import { launchChromium } from '../e2e/harness/chromium.ts';
import { startHarness } from '../e2e/harness/harness.ts';
import { screenshotComputers } from '../e2e/harness/screenshots-computers.ts';
import { screenshotWindows } from '../e2e/harness/screenshots-windows.ts';
import { openTrayPage } from '../e2e/harness/tray-page.ts';
import type { Page } from 'playwright-core';
import { LANGUAGE_CODES, isLanguage } from '../electron/core/i18n/languages.ts';
import { LOCALES, translator } from '../electron/core/i18n/locales.ts';

const USAGE = 'usage: npm run -s screenshots -- DIR [--locale CODE]';
const args = process.argv.slice(2);
const at = args.indexOf('--locale');
const locale = at >= 0 ? args[at + 1] : 'en';
const dir = args.filter((_, i) => at < 0 || (i !== at && i !== at + 1))[0];
if (!dir) {
  console.error(USAGE);
  process.exit(2);
}
if (!locale || !isLanguage(locale)) {
  console.error(`screenshots: --locale needs a shipped language, one of: ${LANGUAGE_CODES.join(', ')} (got ${locale ?? 'nothing'})\n${USAGE}`);
  process.exit(2);
}
const t = translator(await LOCALES[locale]());
/** Every harness below speaks this language. */
const speaks = { preferredLanguages: [locale] };
mkdirSync(dir, { recursive: true });
const HEADLINE = ['shoulder-roll', 'neck-roll', 'chair-rotation', 'scapular-squeeze'];
/** Moves shown a second time in a standing routine: words and figure both standing. */
const STANDING = ['shoulder-roll'];
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
  const shots = [...HEADLINE.map((id) => ({ id, standing: false })), ...STANDING.map((id) => ({ id, standing: true }))];
  for (const { id, standing } of shots) {
    const h = await startHarness({
      ...speaks,
      browser,
      colorScheme: scheme,
      fakePageClock: true,
      realNotifications: false,
      settings: {
        excludedExercises: EXERCISES.map((e) => e.id).filter((x) => x !== id),
        ...(standing ? { positions: ['standing' as const] } : {}),
      },
    });
    h.clock.advanceBy(30 * 60_000);
    const prompt = await h.windows.page('break');
    // The window renders once its language has loaded.
    await prompt.locator('button.primary').waitFor();
    if (id === HEADLINE[0] && !standing) await shot(prompt, `break-prompt-${scheme}`);
    await prompt.getByRole('button', { name: t('break.button.start'), exact: true }).click();
    await runFor(prompt, id === 'scapular-squeeze' ? 8 : 12);
    await prompt.waitForTimeout(300);
    await shot(prompt, `exercise-${id}${standing ? '-standing' : ''}-${scheme}`);
    await h.close();
  }
  const h = await startHarness({ ...speaks, browser, colorScheme: scheme, fakePageClock: true, realNotifications: false });
  h.tray.clickMenu('break:long');
  const page = await h.windows.page('break');
  await runFor(page, 70);
  await shot(page, `long-break-${scheme}`);
  // The finished screen, once the break is ended there; the page's clock paused, so it stays until photographed.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 500);
  await page.getByRole('button', { name: t('break.button.finish'), exact: true }).click();
  await page.locator('.finished').waitFor();
  await shot(page, `break-finished-${scheme}`);
  await h.close();
}

for (const f of await screenshotWindows(browser, dir, speaks)) written.push(f);
// Several computers: the settings section "Your computers", and the tray of a desk whose break is on the laptop.
for (const f of await screenshotComputers(browser, dir, speaks)) written.push(f);

// The tray menu, as the core describes it, while a break is coming up.
for (const dark of [false, true]) {
  const h = await startHarness({ ...speaks, browser, realNotifications: false });
  h.clock.advanceBy(26 * 60_000);
  const tray = await openTrayPage(browser, h.tray, dark);
  await tray.locator('details').first().evaluate((d) => d.setAttribute('open', ''));
  await shot(tray, `tray-menu-${dark ? 'dark' : 'light'}`);
  await tray.context().close();
  await h.close();
}

// The first-run welcome.
for (const colorScheme of ['light', 'dark'] as const) {
  const h = await startHarness({ ...speaks, browser, realNotifications: false, colorScheme, welcome: { due: true, markShown: () => {} } });
  const page = await h.windows.page('welcome');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForTimeout(200);
  await shot(page, `welcome-${colorScheme}`);
  await h.close();
}
await browser.close();
console.log(written.join('\n'));
