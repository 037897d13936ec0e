import { defineConfig } from '@playwright/test';
import type { Backend } from './e2e/fixtures.ts';

export default defineConfig<{ backend: Backend }>({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // One retry, so a rare timing miss is reported as "flaky" with both attempts' traces. In CI a flaky test fails the
  // run: a failure that passed on its retry is still a failure there, never a green run.
  retries: 1,
  failOnFlakyTests: Boolean(process.env.CI),
  reporter: [['list']],
  projects: [
    // The real main-process logic against real Chromium pages (runs everywhere).
    { name: 'harness', use: { backend: 'harness' } },
    // The same specs against a real Electron binary, where one exists: the whole suite. Tests on the `limber` driver run
    // there; the few on `launch` (ports of their own handed to the app, each saying why) are skipped there. Without a
    // binary the project is skipped and prints one line saying why.
    { name: 'electron', use: { backend: 'electron' } },
    // The production build of main under Node against a typed Electron stand-in, in a production-only install.
    { name: 'boot', testMatch: '**/*.boot.ts', timeout: 300_000 },
  ],
});
