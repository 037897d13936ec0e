// Layouts that hold in every language: each window at its real size, in the pseudo-locale (English accented and
// about 40 % longer) and in every shipped locale, with no text element overflowing or clipped. One page per window,
// reused: the language changes by the same push main sends when the `language` setting changes.
import type { Page } from 'playwright-core';
import { LANGUAGE_CODES, PSEUDO_LOCALE } from '../electron/core/i18n/languages.ts';
import { expect, test } from './fixtures.ts';
import type { Harness } from './harness/harness.ts';

const LOCALES = [PSEUDO_LOCALE, ...LANGUAGE_CODES];

/** Text elements that overflow their box (where that clips), stick out of the window, or make the page scroll sideways. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const vw = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > vw + 1) bad.push(`page scrolls sideways (${document.documentElement.scrollWidth} > ${vw})`);
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const text = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (!text) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || el.closest('[hidden], dialog:not([open])')) continue;
      const rect = el.getBoundingClientRect();
      // Screen-reader-only text is a 1-pixel clipped box on purpose.
      if (rect.width <= 1 || rect.height <= 1 || el.closest('.visually-hidden')) continue;
      const name = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} "${el.textContent!.trim().slice(0, 40)}"`;
      const clipsX = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
      const clipsY = style.overflowY !== 'visible';
      if (clipsX && el.scrollWidth > el.clientWidth + 1) bad.push(`${name}: clipped sideways (${el.scrollWidth} > ${el.clientWidth})`);
      if (clipsY && el.scrollHeight > el.clientHeight + 1 && style.overflowY !== 'auto' && style.overflowY !== 'scroll') bad.push(`${name}: clipped (${el.scrollHeight} > ${el.clientHeight})`);
      if (rect.right > vw + 1 || rect.left < -1) bad.push(`${name}: outside the window (${Math.round(rect.left)}–${Math.round(rect.right)} of ${vw})`);
    }
    return bad;
  });
}

async function inEveryLocale(h: Harness, pages: Record<string, Page>): Promise<string[]> {
  const problems: string[] = [];
  for (const code of LOCALES) {
    h.windows.broadcast({ type: 'locale', locale: code });
    for (const [name, page] of Object.entries(pages)) {
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(code);
      await page.evaluate(() => document.fonts.ready);
      for (const p of await overflowing(page)) problems.push(`${code} ${name}: ${p}`);
    }
  }
  return problems;
}

// Harness-only: each locale is pushed straight through the harness's windows port (no settings round trip per locale).
test('no window overflows or clips its text in the pseudo-locale or any shipped language', async ({ launch }) => {
  test.setTimeout(240_000);
  const h = await launch({ realNotifications: false, welcome: { due: true, markShown: () => {} } });
  const welcome = await h.windows.page('welcome');
  h.tray.clickMenu('settings');
  const settings = await h.windows.page('settings');
  await settings.locator('select[data-testid="language"]').waitFor();
  h.tray.clickMenu('stats');
  const stats = await h.windows.page('stats');
  h.clock.advanceBy(30 * 60_000);
  const prompt = await h.windows.page('break');
  await prompt.locator('button.primary').waitFor();
  const problems = await inEveryLocale(h, { welcome, settings, stats, prompt });
  // The player: the same break window, started.
  await prompt.locator('button.primary').click();
  await prompt.locator('[data-testid="cue"]').waitFor();
  problems.push(...(await inEveryLocale(h, { player: prompt })));
  expect(problems).toEqual([]);
});

// Harness-only: the OS's preferred languages are a harness option; Electron asks the OS, which a test cannot set.
test('right-to-left: the Arabic windows mirror, the figure keeps the body\u2019s own sides', async ({ launch }) => {
  const h = await launch({ realNotifications: false, preferredLanguages: ['ar-EG'] });
  h.clock.advanceBy(30 * 60_000);
  const page = await h.windows.page('break');
  await expect.poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
  // The primary action sits at the reading start: the right edge.
  const buttons = await page.locator('.actions button, footer button').evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().left));
  if (buttons.length > 1) expect(buttons[0]!).toBeGreaterThan(buttons[buttons.length - 1]!);
  // SVG figures are drawn in their own coordinates: mirroring the page must not mirror the body.
  const flipped = await page.evaluate(() => [...document.querySelectorAll('svg')].some((s) => getComputedStyle(s).transform.startsWith('matrix(-1')));
  expect(flipped).toBe(false);
});
