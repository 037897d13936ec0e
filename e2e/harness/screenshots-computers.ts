// Screenshots of several computers (scripts/screenshots.ts): the settings section "Your computers" over a sync
// folder holding two other computers, and the tray of a desk whose break runs on the laptop. Both run the real
// adapter (node/sync) over real folders; the two harnesses of the tray shot share one virtual clock.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { VirtualClock } from '../../electron/core/clock.ts';
import type { DeviceState } from '../../electron/core/sync/wire.ts';
import { HistoryFile } from '../../electron/node/history-file.ts';
import { loadDevice, renameDevice } from '../../electron/node/sync/device-file.ts';
import { SyncFolder } from '../../electron/node/sync/sync-folder.ts';
import { syncPorts } from '../../electron/node/sync/sync-ports.ts';
import { startHarness } from './harness.ts';
import { openTrayPage } from './tray-page.ts';

/** Another computer's state file, as its Limber writes it. */
export function writePeerState(folder: string, id: string, name: string, extra: Partial<DeviceState> = {}): void {
  const at = Date.now();
  const state: DeviceState = {
    v: 1,
    id,
    name,
    at,
    seq: 1,
    n: 0,
    lastInputAt: at,
    using: true,
    refreshBy: 150_000,
    power: 'active',
    holds: [],
    actions: [],
    showing: null,
    cycle: null,
    ...extra,
  };
  new SyncFolder({ folder, deviceId: id, warn: () => {} }).writeState(state);
}

async function until(what: string, ok: () => boolean, step: () => void, ms = 10_000): Promise<void> {
  const start = Date.now();
  while (!ok()) {
    step();
    if (Date.now() - start > ms) throw new Error(`screenshots: ${what} did not happen within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Writes computers-settings-<scheme>.png and tray-break-elsewhere-<scheme>.png; returns the files. */
export async function screenshotComputers(browser: Browser, dir: string, speaks: { preferredLanguages?: readonly string[] } = {}): Promise<string[]> {
  const written: string[] = [];
  const temp = mkdtempSync(join(tmpdir(), 'limber-shots-computers-'));
  try {
    for (const colorScheme of ['light', 'dark'] as const) {
      // This computer already follows the folder (as after the restart that applies it), beside two others.
      const dataDir = mkdtempSync(join(temp, 'data-'));
      const folder = join(mkdtempSync(join(temp, 'home-')), 'Sync');
      mkdirSync(folder);
      writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ sync: { folder } }));
      const device = renameDevice(dataDir, loadDevice(dataDir).device, 'work desk');
      if (!device.ok) throw new Error(device.message);
      writePeerState(folder, 'laptop-7f3a', 'laptop', { at: Date.now() + 42_000 });
      writePeerState(folder, 'home-pc-91c2', 'home PC', { power: 'off' });
      const s = syncPorts(folder, device.device, new HistoryFile(dataDir), () => {});
      const h = await startHarness({ ...speaks, browser, colorScheme, realNotifications: false, dataDir, sync: s.sync, historyStore: s.history });
      h.tray.clickMenu('settings');
      const page = await h.windows.page('settings');
      const section = page.locator('section[aria-labelledby="sec-computers"]');
      await section.locator('table tbody tr').nth(2).waitFor();
      await page.evaluate(() => document.fonts.ready);
      await section.scrollIntoViewIfNeeded();
      await page.waitForTimeout(250);
      const file = resolve(dir, `computers-settings-${colorScheme}.png`);
      await section.screenshot({ path: file });
      written.push(file);
      await h.close();
    }

    // The desk is idle, the laptop in use: the break comes on the laptop, and the desk's tray says so.
    for (const dark of [false, true]) {
      const folder = mkdtempSync(join(temp, 'sync-tray-'));
      // Real time: the adapter reads the files' times (the sync delay and clock difference) from the real clock.
      const clock = new VirtualClock(new Date().toISOString());
      const harnessOf = async (name: string) => {
        const dataDir = mkdtempSync(join(temp, `${name}-`));
        const s = syncPorts(folder, { id: `${name}-id`, name }, new HistoryFile(dataDir), () => {});
        return startHarness({ ...speaks, browser, clock, realNotifications: false, sync: s.sync, historyStore: s.history, dataDir });
      };
      const desk = await harnessOf('desk');
      const laptop = await harnessOf('laptop');
      // The desk must know the laptop before the break: a computer's decisions from before first sight are history.
      await until('the desk hearing the laptop', () => (desk.app.devices()?.length ?? 0) === 2, () => {});
      desk.activity.goIdle();
      clock.advanceBy(29 * 60_000 + 5_000);
      laptop.app.run({ name: 'break', kind: null });
      if (laptop.app.status().phase !== 'on-break') throw new Error(`screenshots: the laptop is ${laptop.app.status().phase}, not on a break`);
      // File-system events arrive in real time; the app's timers run on the shared virtual clock.
      await until('the break reaching the desk', () => desk.app.status().phase === 'on-break', () => clock.advanceBy(50));
      const tray = await openTrayPage(browser, desk.tray, dark);
      await tray.locator('details').first().evaluate((d) => d.setAttribute('open', ''));
      const file = resolve(dir, `tray-break-elsewhere-${dark ? 'dark' : 'light'}.png`);
      await tray.screenshot({ path: file });
      written.push(file);
      // The desk first: the tray page must not be drawn again once closed.
      await desk.close();
      await tray.context().close();
      await laptop.close();
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return written;
}
