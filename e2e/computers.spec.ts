// Several computers in the windows: the settings section "Your computers" over a real data folder and a real sync
// folder seeded with other computers' files in the adapter's own format, and the statistics window's per-computer
// breakdown and filter over a history of two computers.
// Harness-only (`launch`): the folder picker is the system's native dialog, which Chromium has no counterpart of, so
// the harness answers it with a test port (ChromiumWindows.picks); everything behind it is the real code.
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HistoryRecord } from '../electron/core/history.ts';
import type { DeviceState } from '../electron/core/sync/wire.ts';
import { SyncFolder } from '../electron/node/sync/sync-folder.ts';
import { SEEDED_NOW, seededDataFolder } from './harness/screenshots-windows.ts';
import { expect, test } from './fixtures.ts';

const dirs: string[] = [];
const tmp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};
test.afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Another computer's state file, written by the sync adapter as that computer's Limber would. */
function writePeer(folder: string, id: string, name: string, extra: Partial<DeviceState> = {}): void {
  const at = Date.now();
  const state: DeviceState = {
    v: 1, id, name, at, seq: 1, n: 0, lastInputAt: at, using: true, refreshBy: 150_000, power: 'active',
    holds: [], actions: [], showing: null, cycle: null, ...extra,
  };
  new SyncFolder({ folder, deviceId: id, warn: () => {} }).writeState(state);
}

const onDisk = (dataDir: string, file: string) => JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as Record<string, unknown>;

test('Your computers: a folder is checked, picked and saved; the computers in it are listed and kept up to date', async ({ launch }) => {
  const dataDir = tmp('limber-computers-e2e-');
  const folder = tmp('limber-sync-folder-');
  // A laptop in use whose clock is 40 s ahead, and a home computer that was shut down.
  writePeer(folder, 'laptop-1', 'laptop', { at: Date.now() + 40_000 });
  writePeer(folder, 'home-2', 'home PC', { power: 'off' });

  const h = await launch({ realNotifications: false, dataDir });
  h.tray.clickMenu('settings');
  const page = await h.windows.page('settings');
  const section = page.getByRole('region', { name: 'Your computers' });
  await expect(section).toBeVisible();
  await expect(section.getByText('This computer alone: no sync folder is set.')).toBeVisible();
  const field = section.getByRole('textbox', { name: 'Sync folder' });

  // Typed: a relative path and a folder that is not there are refused inline, and nothing is saved.
  await field.fill('Sync/Limber');
  await section.getByRole('button', { name: 'Use this folder' }).click();
  await expect(section.getByRole('alert')).toHaveText('Give the full path of the folder (starting with / or a drive letter).');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await field.fill(join(folder, 'missing'));
  await field.press('Enter');
  await expect(section.getByRole('alert')).toHaveText('This folder does not exist.');
  writeFileSync(join(dataDir, 'a-file'), 'x');
  await field.fill(join(dataDir, 'a-file'));
  await field.press('Enter');
  await expect(section.getByRole('alert')).toHaveText('This is a file, not a folder.');
  expect((onDisk(dataDir, 'settings.json').sync as { folder: unknown } | undefined)?.folder ?? null).toBeNull();

  // Picked with the folder picker: saved, and the computers in it are listed.
  h.windows.picks.push(folder);
  await section.getByRole('button', { name: 'Choose folder…' }).click();
  await expect.poll(() => (onDisk(dataDir, 'settings.json').sync as { folder: unknown }).folder).toBe(folder);
  await expect(section.getByRole('alert')).toHaveCount(0);
  await expect(field).toHaveValue(folder);
  await expect(section.getByText('A change of folder applies when Limber next starts.')).toBeVisible();
  const table = section.getByRole('table', { name: 'Computers in this folder' });
  const laptop = table.getByRole('row', { name: /laptop/ });
  await expect(laptop).toContainText('In use');
  await expect(laptop).toContainText(/4\d s ahead/);
  await expect(table.getByRole('row', { name: /home PC/ })).toContainText('Off');
  await expect(table.getByRole('row')).toHaveCount(3);

  // Live: a third computer that starts writing to the folder appears without reopening the window.
  writePeer(folder, 'tablet-3', 'tablet', { at: Date.now() - 30_000, using: false });
  await expect(table.getByRole('row', { name: /tablet/ })).toContainText('Away', { timeout: 15_000 });
  await expect(table.getByRole('row', { name: /tablet/ })).toContainText(/\d\d s behind/);

  // This computer's name: saved to device.json, its id kept; an empty one is refused inline.
  const id = onDisk(dataDir, 'device.json').id;
  const name = section.getByRole('textbox', { name: "This computer's name" });
  await name.fill('work desk');
  await section.getByRole('button', { name: 'Rename' }).click();
  await expect.poll(() => onDisk(dataDir, 'device.json')).toEqual({ id, name: 'work desk' });
  await name.fill('   ');
  await name.press('Enter');
  await expect(section.getByRole('alert')).toHaveText('Give a name of 1 to 64 characters.');
  expect(onDisk(dataDir, 'device.json')).toEqual({ id, name: 'work desk' });

  const axe = await new AxeBuilder({ page }).include('section[aria-labelledby="sec-computers"]').analyze();
  expect(axe.violations).toEqual([]);

  // Cleared: back to this computer alone.
  await section.getByRole('button', { name: 'Use this computer alone' }).click();
  await expect.poll(() => (onDisk(dataDir, 'settings.json').sync as { folder: unknown }).folder).toBeNull();
  await expect(section.getByText('This computer alone: no sync folder is set.')).toBeVisible();
  await expect(table).toHaveCount(0);
});

function twoComputersHistory(): HistoryRecord[] {
  const out: HistoryRecord[] = [];
  const day = Date.parse(SEEDED_NOW) - 86_400_000;
  // The desk took 3 of 4 breaks; the laptop 1 of 2.
  const plan: [string, HistoryRecord['outcome']][] = [
    ['desk-1', 'completed'], ['desk-1', 'completed'], ['desk-1', 'natural'], ['desk-1', 'skipped'],
    ['laptop-2', 'completed'], ['laptop-2', 'skipped'],
  ];
  plan.forEach(([device, outcome], i) => {
    const at = new Date(day + i * 3_600_000).toISOString();
    out.push({ at, kind: 'micro', outcome, exercises: outcome === 'completed' ? ['neck-roll'] : [], seconds: outcome === 'completed' ? 60 : 0, device });
  });
  return out;
}

test('statistics: a breakdown by computer and a filter to one of them', async ({ launch }) => {
  const records = twoComputersHistory();
  const dataDir = seededDataFolder(records, 'limber-stats-devices-');
  dirs.push(dataDir);
  const h = await launch({ realNotifications: false, dataDir, start: SEEDED_NOW });
  h.tray.clickMenu('stats');
  const page = await h.windows.page('stats');
  const byDevice = page.getByTestId('by-device');
  await expect(byDevice.getByRole('heading', { name: 'By computer' })).toBeVisible();
  // Unnamed ids (no sync folder here to name them) show their first characters.
  await expect(byDevice.getByRole('row', { name: /desk-1/ })).toContainText('4');
  await expect(byDevice.getByRole('row', { name: /desk-1/ })).toContainText('3 (75%)');
  await expect(byDevice.getByRole('row', { name: /laptop-2/ })).toContainText('1 (50%)');
  await expect(page.getByText('6 breaks due')).toBeVisible();

  const filter = page.getByRole('combobox', { name: 'Computer' });
  await filter.selectOption({ label: 'laptop-2' });
  await expect(page.getByText('2 breaks due')).toBeVisible();
  await filter.selectOption({ label: 'All computers' });
  await expect(page.getByText('6 breaks due')).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);
});

test('statistics: one computer in the history shows no filter', async ({ launch }) => {
  const dataDir = seededDataFolder(twoComputersHistory().filter((r) => r.device === 'desk-1'), 'limber-stats-one-');
  dirs.push(dataDir);
  const h = await launch({ realNotifications: false, dataDir, start: SEEDED_NOW });
  h.tray.clickMenu('stats');
  const page = await h.windows.page('stats');
  await expect(page.getByText('4 breaks due')).toBeVisible();
  await expect(page.getByTestId('by-device')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Computer' })).toHaveCount(0);
});
