// How the break window loads (issue 22): a first frame that paints before any script runs, and only the moves of
// the routine it shows.
import { readdirSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import { WINDOW_SIZES } from '../electron/ipc.ts';
import { HARNESS_ORIGIN } from './harness/chromium-windows.ts';
import { RENDERER_DIR } from './harness/harness.ts';
import { expect, test } from './fixtures.ts';

/** The figure's body colour in each theme (renderer/src/lib/base.css, --figure-body). */
const BODY = { light: 'rgb(59, 74, 90)', dark: 'rgb(212, 221, 229)' } as const;

for (const colorScheme of ['light', 'dark'] as const) {
  test(`with scripts off, break.html alone paints a still figure in the ${colorScheme} theme, and no words`, async ({ launch }) => {
    // Harness-only: it opens the built page with JavaScript disabled, which no Limber window ever is.
    const h = await launch({ realNotifications: false });
    const ctx = await h.browser.newContext({ javaScriptEnabled: false, viewport: WINDOW_SIZES.break, colorScheme });
    try {
      await ctx.route(`${HARNESS_ORIGIN}**`, (r) =>
        r.fulfill({ path: join(RENDERER_DIR, normalize(new URL(r.request().url()).pathname).replace(/^[/\\]+/, '')) }),
      );
      const page = await ctx.newPage();
      // The page policy allows no inline style: markup drawn at build time must not need any (Chromium says so here).
      const complaints: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') complaints.push(m.text());
      });
      await page.goto(`${HARNESS_ORIGIN}break.html`);
      const figure = page.getByTestId('opening').locator('svg');
      await expect(figure).toBeVisible();
      const box = await figure.boundingBox();
      expect(box!.height).toBeGreaterThan(100);
      // Styled by the window's own stylesheet, in the theme's colours.
      await expect(figure.locator('.torso')).toHaveCSS('fill', BODY[colorScheme]);
      // No words: right in every language and direction, and hidden from assistive technology until the app is up.
      expect((await page.locator('body').innerText()).trim()).toBe('');
      await expect(page.getByTestId('opening')).toHaveAttribute('aria-hidden', 'true');
      expect(complaints).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
}

test('the break window loads the moves of its routine and no others, and replaces the opening frame', async ({ limber }) => {
  const app = await limber({ realNotifications: false });
  await app.clickMenu('break:micro');
  const page = await app.breakPage();
  // The tray's break starts at once: the player says how many moves the routine has.
  const of = page.getByText(/^Exercise 1 of \d+/);
  await expect(of).toBeVisible();
  await expect(page.getByTestId('opening')).toHaveCount(0);
  const count = Number(/of (\d+)/.exec((await of.textContent()) ?? '')![1]);
  const drawings = readdirSync(resolve(import.meta.dirname, '../renderer/src/figures/moves')).map((f) => f.replace(/\.svelte$/, ''));
  const loaded = (await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name)))
    .map((url) => /\/assets\/([A-Za-z]+)-[\w-]{8}\.js$/.exec(url)?.[1])
    .filter((name): name is string => name !== undefined && drawings.includes(name));
  expect(loaded.length).toBeGreaterThan(0);
  expect(loaded.length).toBeLessThanOrEqual(count);
  expect(count).toBeLessThan(drawings.length - 1);
});
