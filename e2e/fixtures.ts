// Specs that hold on every backend take the `limber` fixture (a Driver): the harness everywhere, real Electron where
// a binary exists. Without one, the electron project is skipped and says why — the only skip in the suite.
// Harness-only tests take `launch`, and say next to the test why they cannot run on Electron.
// Harnesses of one worker share one Chromium (each window is a context of its own), so a test starts no browser.
import { test as base, type Browser } from '@playwright/test';
import { findElectron } from '../scripts/electron-binary.ts';
import { ElectronDriver, HarnessDriver, type Driver, type DriverOptions } from './driver.ts';
import { launchChromium } from './harness/chromium.ts';
import { startHarness, type Harness, type HarnessOptions } from './harness/harness.ts';

export type Backend = 'harness' | 'electron';

/** Where the Electron binary is, found without `require('electron')` (which would start a download from Electron 42 on). */
export function electronBinary(): { path: string | null; reason: string } {
  const found = findElectron();
  if (found.path !== null) return { path: found.path, reason: '' };
  return {
    path: null,
    reason: found.downloadable
      ? `no Electron ${found.version} binary here (\`npm start\` downloads it where the internet is reachable); set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron folder to run these specs against real Electron`
      : found.reason,
  };
}

let skipPrinted = false;

export const test = base.extend<
  {
    backend: Backend;
    limber: (opts?: DriverOptions) => Promise<Driver>;
    launch: (opts?: HarnessOptions) => Promise<Harness>;
  },
  { sharedChromium: () => Promise<Browser> }
>({
  backend: ['harness', { option: true }],
  sharedChromium: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      // Launched on first use only: a worker running only Electron or skipped tests starts none.
      let browser: Promise<Browser> | null = null;
      await use(async () => {
        const b = await (browser ??= launchChromium());
        if (b.isConnected()) return b;
        return (browser = launchChromium());
      });
      if (browser) await (await (browser as Promise<Browser>)).close().catch(() => {});
    },
    { scope: 'worker' },
  ],
  limber: async ({ backend, sharedChromium }, use, testInfo) => {
    let binary: string | null = null;
    if (backend === 'electron') {
      const bin = electronBinary();
      if (!bin.path) {
        if (!skipPrinted) console.log(`[electron project skipped] ${bin.reason}`);
        skipPrinted = true;
        testInfo.skip(true, bin.reason);
      }
      binary = bin.path;
    }
    const started: Driver[] = [];
    await use(async (opts = {}) => {
      const d = binary ? await ElectronDriver.start(binary, opts) : await HarnessDriver.start(opts, await sharedChromium());
      started.push(d);
      return d;
    });
    for (const d of started) await d.close();
  },
  launch: async ({ backend, sharedChromium }, use, testInfo) => {
    // Tests that hand the harness ports of their own have no Electron counterpart: the harness project runs them.
    testInfo.skip(backend !== 'harness', 'harness-only: it hands the app test ports Electron has no counterpart of (the spec says which)');
    const started: Harness[] = [];
    await use(async (opts = {}) => {
      const own = opts.browser !== undefined || opts.headless === false || opts.appWindows !== undefined;
      const h = await startHarness(own ? opts : { ...opts, browser: await sharedChromium() });
      started.push(h);
      return h;
    });
    for (const h of started) await h.close();
  },
});

export { expect } from '@playwright/test';
