// Specs that hold on every backend take the `limber` fixture (a Driver): the harness everywhere, real Electron where
// a binary exists. Without one, the electron project is skipped and says why — the only skip in the suite.
// Harness-only specs (deeper inspection of test ports) take `launch`.
import { test as base } from '@playwright/test';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ElectronDriver, HarnessDriver, type Driver, type DriverOptions } from './driver.ts';
import { startHarness, type Harness, type HarnessOptions } from './harness/harness.ts';

export type Backend = 'harness' | 'electron';

/** Where the Electron binary would be, and whether it is there. */
export function electronBinary(): { path: string | null; reason: string } {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const p = `${override}/electron`;
    return existsSync(p) ? { path: p, reason: '' } : { path: null, reason: `ELECTRON_OVERRIDE_DIST_PATH has no electron binary (${p})` };
  }
  try {
    const require = createRequire(import.meta.url);
    const p = require('electron') as unknown as string;
    if (typeof p === 'string' && existsSync(p)) return { path: p, reason: '' };
  } catch {
    // electron/index.js throws when its binary was never downloaded.
  }
  return {
    path: null,
    reason:
      'no Electron binary on this machine (its download is not reachable); set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron folder to run these specs against real Electron',
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
