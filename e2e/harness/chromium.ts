// Debian's Chromium, driven by Playwright; never a downloaded browser.
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
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

/**
 * Playwright's own SIGINT/SIGTERM handlers kill the browser and end the process at once; a caller that cleans up
 * itself on those signals (the preview) turns them off.
 */
const OWN_SIGNALS = { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false } as const;

export async function launchChromium(headless = true, opts: { ownSignals?: boolean } = {}): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless, args: CHROMIUM_ARGS, ...(opts.ownSignals ? OWN_SIGNALS : {}) });
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
  profiles.add(profile);
  // Only the preview opens app windows, and it closes them itself on Ctrl+C and SIGTERM.
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), headless: false, viewport: null, ...look, args: appWindowArgs(b), ...OWN_SIGNALS });
  context.on('close', () => void removeProfile(profile));
  return { context, page: context.pages()[0] ?? (await context.newPage()) };
}

/** Every app window profile made by this process. */
const profiles = new Set<string>();

/**
 * Chromium may still be writing to a profile when its context reports closed: a plain rmSync then failed with
 * ENOTEMPTY and, thrown from the close event, ended the preview. Retried (Node retries ENOTEMPTY, EBUSY, EPERM) and
 * never thrown.
 */
function removeProfile(profile: string): Promise<void> {
  return rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch((e: Error) => console.warn(`preview: could not remove ${profile}: ${e.message}`));
}

/**
 * Removes every app window's profile folder, once more: a Chromium that was still ending may have written into one
 * after its close event. Call when all windows are closed.
 */
export async function removeAppWindowProfiles(): Promise<void> {
  await Promise.all([...profiles].map(removeProfile));
}
