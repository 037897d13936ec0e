// Layouts that hold in every language: each window at its real size, in the pseudo-locale (English accented and
// about 40 % longer) and in every shipped locale, with no text element overflowing or clipped. One page per window,
// reused: the language changes by the same push main sends when the `language` setting changes.
import type { Page } from 'playwright-core';
import { LANGUAGE_CODES, PSEUDO_LOCALE } from '../electron/core/i18n/languages.ts';
import { expect, test } from './fixtures.ts';

const LOCALES = [PSEUDO_LOCALE, ...LANGUAGE_CODES];

/**
 * Switches the page to `code` by the push main sends (ChromiumWindows.broadcast evaluates exactly this), waits until
 * it has re-rendered, and lists the text elements that overflow their box (where that clips), stick out of the window,
 * or make the page scroll sideways — and, in a window that cannot be resized, run past its bottom edge. One round
 * trip per page and language: this spec renders every window in every language.
 */
async function switchAndScan(page: Page, code: string): Promise<string[]> {
  const fixedSize = page.url().endsWith('/break.html');
  return page.evaluate(
    async ({ code, fixedSize }) => {
      const root = document.documentElement;
      // The locale sets `lang` after its state: Svelte's re-render is queued before this observer's callback.
      const switched = new Promise<void>((resolve) => {
        const done = () => {
          if (root.lang !== code) return;
          seen.disconnect();
          resolve();
        };
        const seen = new MutationObserver(done);
        seen.observe(root, { attributes: true, attributeFilter: ['lang'] });
        done();
      });
      (window as unknown as { __limberPush: (m: unknown) => void }).__limberPush({ type: 'locale', locale: code });
      await switched;
      await document.fonts.ready;
      const bad: string[] = [];
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
    },
    { code, fixedSize },
  );
}

/** Every page in each language in turn (the pages side by side), and what overflows. */
async function inEveryLocale(pages: Record<string, Page>): Promise<string[]> {
  const problems: string[] = [];
  for (const code of LOCALES) {
    const found = await Promise.all(Object.entries(pages).map(async ([name, page]) => (await switchAndScan(page, code)).map((p) => `${code} ${name}: ${p}`)));
    problems.push(...found.flat());
  }
  return problems;
}

// Harness-only: each locale is pushed straight through the harness's windows port (no settings round trip per locale).
test('no window overflows or clips its text in the pseudo-locale or any shipped language', async ({ launch }) => {
  test.setTimeout(240_000);
  // The break window's own clock is Playwright's: paused, the finished screen stays until it has been checked.
  const h = await launch({ realNotifications: false, fakePageClock: true, welcome: { due: true, markShown: () => {} } });
  // All four windows open at once: loading them one after another was most of this spec's time.
  h.tray.clickMenu('settings');
  h.tray.clickMenu('stats');
  h.clock.advanceBy(30 * 60_000);
  const open = (w: 'welcome' | 'settings' | 'stats' | 'break') => h.windows.page(w, 30_000);
  const [welcome, settings, stats, brk] = await Promise.all([open('welcome'), open('settings'), open('stats'), open('break')]);
  await Promise.all([settings.locator('select[data-testid="language"]').waitFor(), brk.locator('button.primary').waitFor()]);
  const problems = await inEveryLocale({ welcome, settings, stats, prompt: brk });
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
    // Back in English, where the steps below find their buttons.
    await switchAndScan(brk, 'en');
    await show();
    problems.push(...(await inEveryLocale({ [`break (${screen})`]: brk })));
  }
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
  // Indents and list markers sit at the reading start too: a setting under its switch is indented from the right.
  h.tray.clickMenu('settings');
  const settings = await h.windows.page('settings');
  const indent = settings.locator('.indent').first();
  await indent.waitFor();
  const [indented, card] = await Promise.all([indent.locator('label').first().boundingBox(), settings.locator('.card').first().boundingBox()]);
  expect(card!.x + card!.width - (indented!.x + indented!.width)).toBeGreaterThan(40);
});
