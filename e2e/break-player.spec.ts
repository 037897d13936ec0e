// The coached break window (issue 5): whole routines on a fast clock, keyboard only, accessibility, reduced motion.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { EXERCISES } from '../electron/core/catalog.ts';
import { expect, test } from './fixtures.ts';
import { runPageClock } from './helpers.ts';

async function axe(page: Page) {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('a full micro break plays through its exercises with cues, then records what was done', async ({ limber }) => {
  const app = await limber({ fakePageClock: true, realNotifications: false });
  await app.advance(30 * 60_000);
  expect((await app.status()).phase).toBe('prompt');
  const page = await app.breakPage();
  await expect(page.getByRole('heading', { name: 'Time to move' })).toBeVisible();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByTestId('cue')).toHaveText('Get ready');
  await app.advance(70_000); // main's clock, ahead of the page's: main checks the seconds reported against it
  await runPageClock(page, 6);
  const cues = new Set<string>();
  for (let i = 0; i < 60 && !page.isClosed(); i++) {
    const text = await page.getByTestId('cue').textContent().catch(() => null);
    if (text === null) break;
    cues.add(text);
    await page.clock.runFor(1000);
  }
  expect(cues.size).toBeGreaterThan(1);
  await runPageClock(page, 15, app);
  await expect.poll(() => app.history().then((h) => h.length)).toBe(1);
  const [r] = await app.history();
  expect(r!.outcome).toBe('completed');
  expect(r!.exercises.length).toBeGreaterThanOrEqual(1);
});

test('a full long break: warm-up first, then several moves, all recorded', async ({ limber }) => {
  const app = await limber({ fakePageClock: true, realNotifications: false });
  await app.clickMenu('break:long');
  const page = await app.breakPage();
  await expect(page.getByRole('heading', { name: 'Warm-up' })).toBeVisible();
  await expect(page.getByText(/^Exercise 1 of [45]/)).toBeVisible();
  await runPageClock(page, 5 * 60 + 20, app);
  await expect.poll(() => app.history().then((h) => h.length)).toBe(1);
  const [r] = await app.history();
  expect(r).toMatchObject({ kind: 'long', outcome: 'completed' });
  expect(r!.exercises[0]).toBe('warm-up');
  expect(r!.exercises.length).toBeGreaterThanOrEqual(4);
});

test('a whole break by keyboard alone: Space pauses, arrows move, Esc asks before skipping', async ({ limber }) => {
  const app = await limber({ fakePageClock: true, realNotifications: false });
  await app.clickMenu('break:long');
  const page = await app.breakPage();
  const title = page.getByRole('heading', { level: 1 });
  await expect(title).toHaveText('Warm-up');
  await runPageClock(page, 8);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('cue')).toHaveText('Paused');
  const left = await page.getByTestId('countdown').textContent();
  await page.clock.runFor(10_000);
  await expect(page.getByTestId('countdown')).toHaveText(left!);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('cue')).not.toHaveText('Paused');
  await page.keyboard.press('ArrowRight');
  await expect(title).not.toHaveText('Warm-up');
  const second = await title.textContent();
  await page.keyboard.press('ArrowLeft');
  await expect(title).toHaveText('Warm-up');
  await page.keyboard.press('ArrowRight');
  await expect(title).toHaveText(second!);
  await page.keyboard.press('Escape');
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Skip this break' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect((await app.status()).phase).toBe('on-break');
  await page.keyboard.press('Escape');
  await expect(dialog.getByRole('button', { name: 'Skip this break' })).toBeFocused();
  // Enter on the focused button skips, and main closes the window at once: there is no page left for a key-up.
  await page.keyboard.down('Enter');
  await expect.poll(() => app.history().then((h) => h.map((x) => x.outcome))).toEqual(['skipped']);
});

test('prompt, player and finished screens have no axe violations, light and dark', async ({ limber }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const h = await limber({ fakePageClock: true, realNotifications: false, colorScheme });
    await h.advance(30 * 60_000);
    const page = await h.breakPage();
    await expect(page.getByRole('heading', { name: 'Time to move' })).toBeVisible();
    expect(await axe(page), `prompt, ${colorScheme}`).toEqual([]);
    await page.getByRole('button', { name: 'Start' }).click();
    await runPageClock(page, 10);
    expect(await axe(page), `player, ${colorScheme}`).toEqual([]);
    // The page's clock also flows in real time, and axe takes seconds on a busy machine: step to the finished screen
    // rather than jumping a fixed span, which could overshoot its few seconds on screen.
    const done = page.getByRole('heading', { name: 'Well done' });
    for (let s = 0; s < 90 && !(await done.isVisible()); s++) await page.clock.runFor(1_000);
    await expect(done).toBeVisible();
    expect(await axe(page), `finished, ${colorScheme}`).toEqual([]);
    await h.close();
  }
});

test('with reduced motion the figure holds still key poses and the cues stay', async ({ limber }) => {
  const h = await limber({ fakePageClock: true, realNotifications: false, reducedMotion: 'reduce' });
  await h.clickMenu('break:micro');
  const page = await h.breakPage();
  await runPageClock(page, 8);
  await expect(page.getByTestId('cue')).not.toHaveText('Get ready');
  const running = await page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length);
  expect(running).toBe(0);
  await expect(page.getByRole('img')).toHaveCount(1);
});

test('the figure is drawn in the routine’s position: a standing shoulder roll has no chair, a seated one has', async ({ limber }) => {
  // The shoulder roll's main position is seated, so a figure that ignored the routine would sit in both.
  const others = EXERCISES.map((e) => e.id).filter((id) => id !== 'shoulder-roll');
  for (const position of ['standing', 'seated'] as const) {
    const h = await limber({ fakePageClock: true, realNotifications: false, settings: { excludedExercises: others, positions: [position] } });
    await h.advance(30 * 60_000);
    const page = await h.breakPage();
    const figure = page.locator('svg.figure');
    await expect(figure).toHaveAttribute('data-position', position);
    await expect(figure.locator('.chair')).toHaveCount(position === 'seated' ? 1 : 0);
    await page.getByRole('button', { name: 'Start' }).click();
    await runPageClock(page, 8);
    await expect(page.getByText(position === 'seated' ? /· Seated$/ : /· Standing$/)).toBeVisible();
    await expect(figure).toHaveAttribute('data-position', position);
    await expect(figure.locator('.chair')).toHaveCount(position === 'seated' ? 1 : 0);
    await h.close();
  }
});

test('without reduced motion the figure animates', async ({ limber }) => {
  const h = await limber({ fakePageClock: true, realNotifications: false });
  await h.clickMenu('break:micro');
  const page = await h.breakPage();
  // The player's clock starts when it is shown (once its moves are loaded), not when the page has loaded.
  await expect(page.getByTestId('cue')).toHaveText('Get ready');
  await runPageClock(page, 8);
  const running = await page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length);
  expect(running).toBeGreaterThan(0);
});

test('closing the window mid-break records the break as partial, with the exercises done so far', async ({ limber }) => {
  const h = await limber({ fakePageClock: true, realNotifications: false });
  await h.clickMenu('break:long');
  const page = await h.breakPage();
  await expect(page.getByRole('heading', { name: 'Warm-up' })).toBeVisible();
  await runPageClock(page, 5 + 75, { advance: (ms) => h.advance(ms) });
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Warm-up');
  await page.close();
  await expect.poll(() => h.history().then((r) => r.length)).toBe(1);
  expect((await h.history())[0]).toMatchObject({ kind: 'long', outcome: 'partial', exercises: ['warm-up'] });
});

test('closing the prompt without starting counts as skipping the break', async ({ limber }) => {
  const h = await limber({ realNotifications: false });
  await h.advance(30 * 60_000);
  const page = await h.breakPage();
  await expect(page.getByRole('heading', { name: 'Time to move' })).toBeVisible();
  await page.close();
  await expect.poll(() => h.history().then((r) => r.map((x) => x.outcome))).toEqual(['skipped']);
});

test('the page policy blocks injected inline scripts and remote content', async ({ limber }) => {
  const h = await limber({ realNotifications: false });
  await h.clickMenu('break:micro');
  const page = await h.breakPage();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // A second origin that really answers, and lets any origin read it: its route is the newest, so it wins over the
  // harness's abort-everything-else route (Electron has none), and only the page's policy stands between the page and it.
  const other = 'https://second-origin.invalid';
  const hits: string[] = [];
  await page.context().route(`${other}/**`, (route) => {
    hits.push(route.request().url());
    const js = route.request().url().endsWith('.js');
    return route.fulfill({ status: 200, headers: { 'Access-Control-Allow-Origin': '*' }, contentType: js ? 'text/javascript' : 'application/json', body: js ? 'window.__remote = 1' : '{"remote":true}' });
  });
  const result = await page.evaluate(async (origin) => {
    const w = window as unknown as { __injected?: number; __remote?: number };
    const s = document.createElement('script');
    s.textContent = 'window.__injected = 1';
    document.body.append(s);
    const remote = document.createElement('script');
    remote.src = `${origin}/remote.js`;
    const loaded = new Promise<string>((resolve) => {
      remote.onload = () => resolve('loaded');
      remote.onerror = () => resolve('blocked');
    });
    document.body.append(remote);
    let fetched: string;
    try {
      fetched = JSON.stringify(await (await fetch(`${origin}/data.json`)).json());
    } catch {
      fetched = 'blocked';
    }
    return { injected: w.__injected ?? null, fetched, script: await loaded, remote: w.__remote ?? null };
  }, other);
  expect(result).toEqual({ injected: null, fetched: 'blocked', script: 'blocked', remote: null });
  expect(hits).toEqual([]);
});

for (const sound of [true, false]) {
  test(`soft sound cues follow the sound setting (${sound ? 'on' : 'off'})`, async ({ limber }) => {
    const h = await limber({ fakePageClock: true, realNotifications: false, settings: { sound } });
    await h.clickMenu('break:micro');
    const page = await h.breakPage();
    await expect(page.getByTestId('cue')).toHaveText('Get ready');
    // Count the tones the page makes from here on.
    await page.evaluate(() => {
      const w = window as unknown as { __tones: number };
      w.__tones = 0;
      const create = AudioContext.prototype.createOscillator;
      AudioContext.prototype.createOscillator = function (this: AudioContext) {
        w.__tones++;
        return create.call(this);
      };
    });
    await runPageClock(page, 20);
    const tones = await page.evaluate(() => (window as unknown as { __tones: number }).__tones);
    if (sound) expect(tones).toBeGreaterThan(0);
    else expect(tones).toBe(0);
  });
}
