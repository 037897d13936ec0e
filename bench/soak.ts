// The soak: hundreds of breaks through the harness on a virtual clock, each one prompted by the scheduler, its window
// a real Chromium page, ended the way users end them (finish, skip, snooze, closing the window). After each break no
// window, page, browser context or pending timer may be left over; the main process's heap is measured after a warm-up
// and at the end, both after a full garbage collection.
//   soakBreaks        breaks taken
//   mainHeapGrowthKb  heap growth of the process running LimberApp, warm-up to end (goal: under 5 MB)
//   windowsLeftOpen   windows, pages or contexts still open once the breaks are over (goal: 0)
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Browser, Page } from 'playwright-core';
import { startHarness } from '../e2e/harness/harness.ts';

const MIN = 60_000;
/** How the Nth break ends: mostly finished, with the other ways a user ends one mixed in. */
const ENDINGS = ['finish', 'finish', 'skip', 'finish', 'close', 'snooze'] as const;

function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function heapAfterGc(gc: () => void): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

export type SoakFigures = {
  soakBreaks: number;
  mainHeapGrowthKb: number;
  windowsLeftOpen: number;
};

export async function benchSoak(browser: Browser, breaks = 300, warmUp = 30): Promise<SoakFigures> {
  const gc = collector();
  // Still figures (reduced motion): the soak is about what main keeps, not about drawing.
  const h = await startHarness({ browser, realNotifications: false, reducedMotion: 'reduce', settings: { headsUpSeconds: 0 } });
  // A request that ends the break closes its window before the reply can come back, so replies are not awaited.
  const request = (page: Page, req: unknown) =>
    page.evaluate((r) => (window as unknown as { limber: { request(x: unknown): Promise<unknown> } }).limber.request(r), req).catch(() => null);
  let baseline = 0;
  let timers = 0;
  const leftovers: string[] = [];
  const left = () => {
    const pages = browser.contexts().reduce((n, c) => n + c.pages().length, 0);
    return { windows: (['break', 'settings', 'stats', 'welcome'] as const).filter((k) => h.windows.isOpen(k)).length, pages, contexts: browser.contexts().length };
  };
  try {
    for (let i = 0; i < breaks; i++) {
      if (i === warmUp) baseline = heapAfterGc(gc);
      // A full interval of work brings the prompt, and with it the break window.
      h.clock.advanceBy(h.app.currentSettings().microBreak.everyMinutes * MIN);
      const page = await h.windows.page('break');
      const ending = ENDINGS[i % ENDINGS.length]!;
      if (ending === 'skip') await request(page, { type: 'break:skip' });
      else if (ending === 'snooze') {
        await request(page, { type: 'break:snooze' });
        h.clock.advanceBy(h.app.currentSettings().snoozeMinutes * MIN); // the snoozed break comes back…
        await request(await h.windows.page('break'), { type: 'break:skip' }); // …and is skipped
      } else {
        await request(page, { type: 'break:start' });
        h.clock.advanceBy(20_000);
        if (ending === 'finish') await request(page, { type: 'break:finish', exercises: [], seconds: 20 });
        else await page.close(); // the user closes the window mid-break
      }
      await waitUntil(() => {
        const l = left();
        return l.pages + l.windows + l.contexts === 0;
      }, 5000);
      const now = left();
      if (now.windows || now.pages || now.contexts) leftovers.push(`break ${i + 1}: ${JSON.stringify(now)}`);
      if (h.app.status().phase !== 'working') leftovers.push(`break ${i + 1}: phase ${h.app.status().phase}`);
      // Timers pending on the clock: the scheduler's and the tray's, the same number after every break.
      if (i === 0) timers = h.clock.pending().length;
      else if (h.clock.pending().length > timers) leftovers.push(`break ${i + 1}: ${h.clock.pending().length} timers pending, ${timers} after the first`);
      // What the test ports record is the harness's memory, not the app's.
      h.tray.views.splice(0, h.tray.views.length - 1);
      h.notifier.sent.length = 0;
      h.windows.opened.length = 0;
      h.logs.length = 0;
    }
    const end = heapAfterGc(gc);
    const final = left();
    if (leftovers.length) console.error(`soak: left over after ${leftovers.length} breaks, e.g.:\n  ${leftovers.slice(0, 5).join('\n  ')}`);
    return { soakBreaks: breaks, mainHeapGrowthKb: Math.round((end - baseline) / 1024), windowsLeftOpen: final.windows + final.pages + final.contexts };
  } finally {
    await h.close();
  }
}

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (!done() && Date.now() - start < timeoutMs) await new Promise((r) => setTimeout(r, 10));
}
