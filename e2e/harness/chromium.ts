// Debian's Chromium, driven by Playwright; never a downloaded browser.
import { chromium, type Browser } from 'playwright-core';

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
