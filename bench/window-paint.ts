// settingsFirstPaintMs: first contentful paint of the settings window, opened from the tray as the user would,
// in the harness's Chromium (the built renderer, the real preload bridge, main's real request handling).
import type { Browser, Page } from 'playwright-core';
import { startHarness } from '../e2e/harness/harness.ts';

const RUNS = 5;

/** Chromium's 'first-contentful-paint' entry, waiting for it when the page has not painted yet. */
export function firstContentfulPaint(page: Page): Promise<number> {
  // A string, not a function: the bundler's helpers (e.g. __name) do not exist inside the page.
  return page.evaluate<number>(`new Promise((resolve) => {
    const find = (list) => list.find((e) => e.name === 'first-contentful-paint');
    const now = find(performance.getEntriesByType('paint'));
    if (now) return resolve(now.startTime);
    new PerformanceObserver((l) => {
      const e = find(l.getEntries());
      if (e) resolve(e.startTime);
    }).observe({ type: 'paint', buffered: true });
  })`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function benchWindowPaint(browser: Browser): Promise<{ settingsFirstPaintMs: number }> {
  const times: number[] = [];
  // One run more than counted: the first pays for Chromium's cold start, not for our page.
  for (let i = 0; i <= RUNS; i++) {
    const h = await startHarness({ browser, realNotifications: false });
    try {
      h.tray.clickMenu('settings');
      const page = await h.windows.page('settings');
      const fcp = await firstContentfulPaint(page);
      if (i > 0) times.push(fcp);
    } finally {
      await h.close();
    }
  }
  return { settingsFirstPaintMs: Math.round(median(times) * 10) / 10 };
}
