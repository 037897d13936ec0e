// Layouts that hold in every language: each window at its real size, in the pseudo-locale (English accented and
// about 40 % longer) and in every shipped locale, with no text element overflowing or clipped. One page per window,
// reused: the language changes by the same push main sends when the `language` setting changes.
import type { Page } from 'playwright-core';
import { LANGUAGE_CODES, PSEUDO_LOCALE } from '../electron/core/i18n/languages.ts';
import { expect, test } from './fixtures.ts';
import type { Harness } from './harness/harness.ts';

const LOCALES = [PSEUDO_LOCALE, ...LANGUAGE_CODES];

/** Text elements that overflow their box (where that clips), stick out of the window, or make the page scroll sideways. */
async function overflowing(page: Page, fixedSize: boolean): Promise<string[]> {
  return page.evaluate((fixedSize) => {
    const bad: string[] = [];
    const root = document.documentElement;
    const vw = root.clientWidth;
    if (root.scrollWidth > vw + 1) bad.push(`page scrolls sideways (${root.scrollWidth} > ${vw})`);
    // The break window cannot be resized: what lies below its bottom edge is out of reach.
    if (fixedSize && root.scrollHeight > root.clientHeight + 1) bad.push(`page runs past the window's bottom (${root.scrollHeight} > ${root.clientHeight})`);
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
  }, fixedSize);
}

/** Switch every page to each language in turn, all pages at once, and collect what overflows. */
async function inEveryLocale(h: Harness, pages: Record<string, Page>): Promise<string[]> {
  const problems: string[] = [];
  for (const code of LOCALES) {
    h.windows.broadcast({ type: 'locale', locale: code });
    const found = await Promise.all(
      Object.entries(pages).map(async ([name, page]) => {
        // Polled each frame: the language is in once the page says so, and Svelte has re-rendered by the next task.
        await page.waitForFunction((c) => document.documentElement.lang === c, code, { polling: 'raf' });
        await page.evaluate(() => document.fonts.ready);
        return (await overflowing(page, page.url().endsWith('/break.html'))).map((p) => `${code} ${name}: ${p}`);
      }),
    );
    problems.push(...found.flat());
  }
  return problems;
}

test('no window overflows or clips its text in the pseudo-locale or any shipped language', async ({ launch }) => {
  test.setTimeout(240_000);
  // The break window's own clock is Playwright's: paused, the finished screen stays until it has been checked.
  const h = await launch({ realNotifications: false, fakePageClock: true, welcome: { due: true, markShown: () => {} } });
  const welcome = await h.windows.page('welcome');
  h.tray.clickMenu('settings');
  const settings = await h.windows.page('settings');
  await settings.locator('select[data-testid="language"]').waitFor();
  h.tray.clickMenu('stats');
  const stats = await h.windows.page('stats');
  h.clock.advanceBy(30 * 60_000);
  const brk = await h.windows.page('break');
  await brk.locator('button.primary').waitFor();
  const problems = await inEveryLocale(h, { welcome, settings, stats, prompt: brk });
  // Every screen of the break window, each in every language: the player moving, paused, asking before a skip,
  // and the finished screen after the routine ends.
  await brk.locator('button.primary').click();
  await brk.locator('[data-testid="cue"]').waitFor();
  await brk.clock.runFor(8_000);
  await brk.clock.pauseAt((await brk.evaluate(() => Date.now())) + 1_000);
  const screens: [string, () => Promise<unknown>][] = [
    ['player', async () => {}],
    ['paused', () => brk.keyboard.press('Space')],
    ['skip question', () => brk.keyboard.press('Escape').then(() => brk.locator('.confirm').waitFor())],
    ['finished', async () => {
      await brk.keyboard.press('Escape');
      await brk.getByRole('button', { name: 'Finish', exact: true }).click();
      await brk.locator('.finished').waitFor();
    }],
  ];
  for (const [screen, show] of screens) {
    h.windows.broadcast({ type: 'locale', locale: 'en' });
    await brk.waitForFunction(() => document.documentElement.lang === 'en', undefined, { polling: 'raf' });
    await show();
    problems.push(...(await inEveryLocale(h, { break: brk })).map((p) => p.replace(' break: ', ` break (${screen}): `)));
  }
  expect(problems).toEqual([]);
});

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
