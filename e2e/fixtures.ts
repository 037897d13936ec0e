// Specs are written once against a backend: the harness (real app logic, real Chromium, real notification daemon)
// or real Electron where a binary exists. Without an Electron binary the electron project is skipped, saying why.
import { test as base } from '@playwright/test';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
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
      'no Electron binary on this machine (its download is not reachable); set ELECTRON_OVERRIDE_DIST_PATH to an Electron dist folder to run these specs against real Electron',
  };
}

let electronSkipPrinted = false;

export const test = base.extend<{ backend: Backend; launch: (opts?: HarnessOptions) => Promise<Harness> }, object>({
  backend: ['harness', { option: true }],
  launch: async ({ backend }, use, testInfo) => {
    if (backend === 'electron') {
      const bin = electronBinary();
      if (!bin.path) {
        if (!electronSkipPrinted) console.log(`[electron project skipped] ${bin.reason}`);
        electronSkipPrinted = true;
        testInfo.skip(true, bin.reason);
      } else {
        testInfo.skip(true, 'the Electron backend drives the packaged app through its own hooks; see e2e/README.md');
      }
    }
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
