// Break window figures in one Chromium run: first paint beside a blank page's, and smoothness while a figure animates.
//
// The blank page is the floor, so it is loaded exactly as the break window is: a ChromiumWindows page of the same
// kind (same browser and flags, same window size and colour scheme, the same origin served through the same route,
// the same bridge init script and binding), whose folder holds a one-line break.html in place of the built one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ChromiumWindows } from '../e2e/harness/chromium-windows.ts';
import { BRIDGE_SCRIPT, startHarness } from '../e2e/harness/harness.ts';

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

/** The blank page: one line of text, as the break window's first paint would be if it cost nothing. */
export const BLANK_PAGE = '<!doctype html><title>blank</title><p>Limber</p>';

/** First paint of a blank page opened as a break window is (see the top of this file). */
async function blankPageFirstPaint(browser: Browser, dir: string): Promise<number> {
  const windows = new ChromiumWindows({ browser, rendererDir: dir, bridgeScript: BRIDGE_SCRIPT, handle: async () => ({ ok: false, error: 'blank page' }) });
  try {
    windows.open('break', { focus: true, onClosed: () => {} });
    return await firstContentfulPaint(await windows.page('break'));
  } finally {
    await windows.closeAll();
  }
}

async function breakWindowFirstPaint(browser: Browser): Promise<number> {
  const h = await startHarness({ browser, realNotifications: false });
  try {
    h.tray.clickMenu('break:micro');
    return await firstContentfulPaint(await h.windows.page('break'));
  } finally {
    await h.close();
  }
}

/**
 * Median of `runs` pairs, after one pair that is thrown away (it pays for the cold start). The two pages take turns
 * going first, so a machine growing busier or quieter during the run weighs on both alike.
 */
export async function benchBreakWindow(browser: Browser, runs = 15) {
  const dir = mkdtempSync(join(tmpdir(), 'limber-bench-blank-'));
  writeFileSync(join(dir, 'break.html'), BLANK_PAGE);
  const blank: number[] = [];
  const breakWin: number[] = [];
  try {
    for (let i = 0; i <= runs; i++) {
      const blankFirst = i % 2 === 0;
      const a = blankFirst ? await blankPageFirstPaint(browser, dir) : await breakWindowFirstPaint(browser);
      const b = blankFirst ? await breakWindowFirstPaint(browser) : await blankPageFirstPaint(browser, dir);
      if (i === 0) continue;
      blank.push(blankFirst ? a : b);
      breakWin.push(blankFirst ? b : a);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
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
