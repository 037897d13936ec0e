// Specs that hold on every backend take the `limber` fixture (a Driver): the harness everywhere, real Electron where
// a binary exists. Without one, the electron project is skipped and says why — the only skip in the suite.
// Harness-only specs (deeper inspection of test ports) take `launch`.
import { test as base } from '@playwright/test';
import { findElectron } from '../scripts/electron-binary.ts';
import { ElectronDriver, HarnessDriver, type Driver, type DriverOptions } from './driver.ts';
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

export const test = base.extend<{
  backend: Backend;
  limber: (opts?: DriverOptions) => Promise<Driver>;
  launch: (opts?: HarnessOptions) => Promise<Harness>;
}>({
  backend: ['harness', { option: true }],
  limber: async ({ backend }, use, testInfo) => {
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
      const d = binary ? await ElectronDriver.start(binary, opts) : await HarnessDriver.start(opts);
      started.push(d);
      return d;
    });
    for (const d of started) await d.close();
  },
  launch: async ({ backend }, use, testInfo) => {
    // Tests that look inside the harness's test ports have no Electron counterpart: the harness project runs them.
    testInfo.skip(backend !== 'harness', 'harness-only: it inspects the harness test ports');
    const started: Harness[] = [];
    await use(async (opts) => {
      const h = await startHarness(opts);
      started.push(h);
      return h;
    });
    for (const h of started) await h.close();
  },
});

export { expect } from '@playwright/test';
