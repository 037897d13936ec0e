import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/** Notifications the session's daemon received, read from dunst's -print log (set up by scripts/with-desktop.sh). */
export function dunstNotifications(): { appname: string; summary: string; body: string; icon: string }[] {
  const log = process.env.LIMBER_DUNST_LOG;
  if (!log) throw new Error('LIMBER_DUNST_LOG is not set: run the e2e suite through scripts/with-desktop.sh');
  let text: string;
  try {
    text = readFileSync(log, 'utf8');
  } catch {
    return [];
  }
  const field = (block: string, name: string) => new RegExp(`^\\s*${name}: '([^']*)'`, 'm').exec(block)?.[1] ?? '';
  return text
    .split(/^\{$/m)
    .filter((b) => b.includes('appname:'))
    .map((b) => ({ appname: field(b, 'appname'), summary: field(b, 'summary'), body: field(b, 'body'), icon: field(b, 'icon') }));
}

/**
 * Run the page's (fake) clock forward in steps, so each timer and render happens in order; stops if the window closes.
 * With `app`, main's clock moves in step first: main checks the seconds a window reports against its own clock.
 */
export async function runPageClock(page: Page, seconds: number, app?: { advance(ms: number): Promise<void> }): Promise<void> {
  for (let i = 0; i < seconds && !page.isClosed(); i += 5) {
    await app?.advance(5_000);
    await page.clock.runFor(5_000).catch((e: Error) => {
      if (!page.isClosed()) throw e;
    });
  }
}
