// Break window figures in one Chromium run: first paint beside a blank page's, and smoothness while a figure animates.
import type { Browser, Page } from 'playwright-core';
import { startHarness } from '../e2e/harness/harness.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

// Evaluated as source text: tsx's name helpers do not exist inside the page.
const FCP_SCRIPT = `new Promise((resolve) => {
  const e = performance.getEntriesByName('first-contentful-paint')[0];
  if (e) return resolve(e.startTime);
  new PerformanceObserver((list) => {
    const p = list.getEntriesByName('first-contentful-paint')[0];
    if (p) resolve(p.startTime);
  }).observe({ type: 'paint', buffered: true });
})`;

const SMOOTHNESS_SCRIPT = `new Promise((resolve) => {
  let longest = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) longest = Math.max(longest, e.duration); })
    .observe({ type: 'longtask', buffered: false });
  const times = [];
  const step = (t) => {
    times.push(t);
    if (t - times[0] < 3000) return requestAnimationFrame(step);
    const gaps = times.slice(1).map((x, i) => x - times[i]);
    const frame = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] || 16.7;
    // A frame is dropped for each whole extra frame interval a gap spans.
    const dropped = gaps.reduce((n, g) => n + Math.max(0, Math.round(g / frame) - 1), 0);
    resolve({ frames: gaps.length, dropped, longest });
  };
  requestAnimationFrame(step);
})`;

const firstContentfulPaint = (page: Page) => page.evaluate(FCP_SCRIPT) as Promise<number>;

export async function benchBreakWindow(browser: Browser, runs = 5) {
  const blank: number[] = [];
  const breakWin: number[] = [];
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext({ viewport: { width: 420, height: 560 } });
    await ctx.route('https://blank.invalid/**', (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title><p>Limber</p>' }));
    const p = await ctx.newPage();
    await p.goto('https://blank.invalid/');
    blank.push(await firstContentfulPaint(p));
    await ctx.close();

    const h = await startHarness({ browser, realNotifications: false });
    h.tray.clickMenu('break:micro');
    const page = await h.windows.page('break');
    breakWin.push(await firstContentfulPaint(page));
    await h.close();
  }

  // Smoothness: let a figure animate for a few seconds, counting late frames and long tasks.
  const h = await startHarness({ browser, realNotifications: false });
  h.tray.clickMenu('break:micro');
  const page = await h.windows.page('break');
  await page.waitForTimeout(5500); // past "get ready": the figure is moving
  const smooth = (await page.evaluate(SMOOTHNESS_SCRIPT)) as { frames: number; dropped: number; longest: number };
  await h.close();
  return {
    breakWindowFirstPaintMs: Math.round(median(breakWin)),
    blankPageFirstPaintMs: Math.round(median(blank)),
    droppedFramePercent: Math.round((1000 * smooth.dropped) / (smooth.frames + smooth.dropped)) / 10,
    longestTaskMs: Math.round(smooth.longest),
  };
}
