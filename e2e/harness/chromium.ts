// Debian's Chromium, driven by Playwright; never a downloaded browser.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export function chromiumPath(): string {
  return process.env.LIMBER_CHROMIUM ?? '/usr/bin/chromium';
}

export async function launchChromium(headless = true): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless, args: CHROMIUM_ARGS });
}

/**
 * Chromium's app mode: a window of its own with no tab strip and no address bar, at this size and place. App mode is
 * per browser process, so each such window is a Chromium of its own.
 */
export function appWindowArgs(b: { x: number; y: number; width: number; height: number }): string[] {
  // --test-type hides the "unsupported command-line flag" bar that --no-sandbox brings.
  return [...CHROMIUM_ARGS, '--test-type', '--app=data:text/html,', `--window-size=${b.width},${b.height}`, `--window-position=${b.x},${b.y}`];
}

export async function launchAppWindow(
  b: { x: number; y: number; width: number; height: number },
  look: { colorScheme: 'light' | 'dark'; reducedMotion?: 'reduce' | 'no-preference' },
): Promise<{ context: BrowserContext; page: Page }> {
  const profile = mkdtempSync(join(tmpdir(), 'limber-preview-window-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), headless: false, viewport: null, ...look, args: appWindowArgs(b) });
  context.on('close', () => rmSync(profile, { recursive: true, force: true }));
  return { context, page: context.pages()[0] ?? (await context.newPage()) };
}
