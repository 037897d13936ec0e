// The statistics window over a seeded year of history in a real data folder: what it shows is what core computes,
// the export hands back every record, and it is accessible in light and dark.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync, rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parseCsv, parseJsonExport } from '../electron/core/history-export.ts';
import type { HistoryRecord } from '../electron/core/history.ts';
import { addDays, computeStats, localDateKeyer, weekStartOf, type Stats } from '../electron/core/stats.ts';
import type { Reply } from '../electron/ipc.ts';
import type { Driver, DriverOptions } from './driver.ts';
import { SEEDED_NOW, seededDataFolder, yearOfOfficeHistory } from './harness/screenshots-windows.ts';
import { expect, test } from './fixtures.ts';

let dataDir = '';
let seeded: HistoryRecord[] = [];
test.beforeEach(() => {
  seeded = yearOfOfficeHistory(SEEDED_NOW);
  dataDir = seededDataFolder(seeded, 'limber-stats-e2e-');
});
test.afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

async function openStats(limber: (o?: DriverOptions) => Promise<Driver>, opts: DriverOptions = {}): Promise<{ app: Driver; page: Page }> {
  const app = await limber({ realNotifications: false, start: SEEDED_NOW, dataDir, ...opts });
  await app.clickMenu('stats');
  const page = await app.page('stats');
  await expect(page.locator('.chart canvas').first()).toBeVisible();
  return { app, page };
}

/** What main answers the window, asked the way the window asks (window.limber.request). */
async function statsFromMain(page: Page): Promise<Stats> {
  const r = await page.evaluate(() => (window as unknown as { limber: { request(x: unknown): Promise<Reply> } }).limber.request({ type: 'stats:get', days: 84 }));
  if (!r.ok || !('stats' in r)) throw new Error('stats:get failed');
  return r.stats;
}

test('the statistics window renders a seeded year of history as core computes it', async ({ limber }) => {
  expect(seeded.length).toBeGreaterThan(2500);
  const { page } = await openStats(limber);
  const stats = await statsFromMain(page);

  // Main sends computed statistics over whole weeks, not raw records.
  expect(stats.weeks).toHaveLength(12);
  expect(stats.from).toBe(stats.weeks[0]!.weekStart);
  const days = stats.days.length;
  expect(stats.from).toBe(addDays(stats.to, -(days - 1)));
  const expected = computeStats(seeded, { now: Date.parse(SEEDED_NOW), days, timeZone: stats.timeZone });
  expect(stats).toEqual(expected);
  expect(stats.today.due).toBeGreaterThan(0);
  expect(stats.streak.best).toBeGreaterThanOrEqual(stats.streak.current);

  const tile = (label: string) => page.locator('.tile').filter({ hasText: label }).locator('.big');
  await expect(tile('Breaks today')).toHaveText(String(expected.today.completed));
  await expect(tile('Minutes moved')).toHaveText(String(expected.today.minutesMoved));
  await expect(tile('Streak')).toHaveText(new RegExp(`^${expected.streak.current} days?$`));

  // The chart's numbers, as the table screen readers get.
  const rows = page.getByRole('table', { name: 'Breaks per week, by outcome' }).locator('tbody tr');
  await expect(rows).toHaveCount(12);
  const lastWeek = expected.weeks[10]!;
  await expect(rows.nth(10).locator('td:nth-of-type(-n+5)')).toHaveText([lastWeek.completed, lastWeek.partial, lastWeek.natural, lastWeek.skipped, lastWeek.missed].map(String));
  const box = await page.locator('.chart canvas').first().boundingBox();
  expect(box!.width).toBeGreaterThan(300);
  expect(box!.height).toBeGreaterThan(100);

  // Outcomes, favourites and areas.
  const outcomes = page.getByRole('region', { name: 'Breaks by outcome' });
  await expect(outcomes).toContainText(`${expected.total.due.toLocaleString('en-US')} breaks due`);
  await expect(outcomes.getByRole('listitem').first()).toContainText(expected.total.completed.toLocaleString('en-US'));
  const favourites = page.getByRole('region', { name: 'Favourite exercises' }).getByRole('listitem');
  await expect(favourites).toHaveCount(Math.min(5, expected.topExercises.length));
  await expect(favourites.first()).toContainText(expected.topExercises[0]!.name);
  await expect(page.getByRole('region', { name: 'Areas worked' }).getByRole('listitem').first()).toContainText(/Upper back|Shoulders|Neck/);

  // Pointing at a week reads out its numbers.
  const over = page.locator('.chart .u-over');
  const overBox = (await over.boundingBox())!;
  await over.hover({ position: { x: overBox.width - 12, y: overBox.height / 2 } });
  await expect(page.locator('.readout')).toContainText('Week of');
});

test('breaks held through meetings: how many and how long they waited, in all and per week', async ({ limber }) => {
  const now = Date.parse(SEEDED_NOW);
  const at = (daysAgo: number, time: string) => `${addDays(SEEDED_NOW.slice(0, 10), -daysAgo)}T${time}:00+01:00`;
  const held: HistoryRecord[] = [
    { at: at(0, '09:05'), kind: 'micro', outcome: 'completed', seconds: 60, exercises: ['neck-roll'], heldSeconds: 1500 },
    { at: at(0, '11:30'), kind: 'micro', outcome: 'skipped', seconds: 0, exercises: [], heldSeconds: 4380 },
    { at: at(0, '13:00'), kind: 'micro', outcome: 'completed', seconds: 60, exercises: ['shoulder-roll'] },
    { at: at(5, '10:00'), kind: 'micro', outcome: 'completed', seconds: 55, exercises: ['neck-roll'], heldSeconds: 900 },
    { at: at(5, '14:00'), kind: 'long', outcome: 'partial', seconds: 120, exercises: ['chair-rotation'], heldSeconds: 2400 },
    { at: at(5, '15:00'), kind: 'micro', outcome: 'natural', seconds: 900, exercises: [] },
    { at: at(13, '16:10'), kind: 'micro', outcome: 'missed', seconds: 0, exercises: [], heldSeconds: 7500 },
    // Long before the twelve weeks shown: counts nowhere on screen.
    { at: at(200, '10:00'), kind: 'micro', outcome: 'completed', seconds: 60, exercises: ['neck-roll'], heldSeconds: 9000 },
  ];
  rmSync(dataDir, { recursive: true, force: true });
  dataDir = seededDataFolder(held, 'limber-stats-held-e2e-');
  const { page } = await openStats(limber);
  const { from, timeZone, weeks } = await statsFromMain(page);
  expect(Date.parse(`${from}T12:00:00Z`)).toBeLessThan(now - 13 * 86_400_000);

  // The expected figures, straight from the records.
  const dateOf = localDateKeyer(timeZone);
  const shown = held.filter((r) => dateOf(Date.parse(r.at)) >= from);
  const waits = shown.flatMap((r) => (r.heldSeconds === undefined ? [] : [r.heldSeconds])).sort((a, b) => a - b);
  expect(waits.length).toBe(5);
  const minutes = (s: number) => {
    const m = Math.round(s / 60);
    return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`;
  };
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  const card = page.getByRole('region', { name: 'Held for meetings and focus' });
  const figure = (label: string) => card.locator('div').filter({ has: page.getByText(label, { exact: true }) }).locator('dd').first();
  await expect(figure('Breaks held')).toHaveText(String(waits.length));
  await expect(card).toContainText(`${Math.round((waits.length / shown.length) * 100)}% of breaks due`);
  await expect(figure('Waited in all')).toHaveText(minutes(sum(waits)));
  await expect(figure('Typical wait')).toHaveText(minutes(waits[(waits.length - 1) / 2]!));
  await expect(figure('Longest wait')).toHaveText(minutes(waits.at(-1)!));

  // Per week, as the table screen readers get, and as the chart reads out the week pointed at.
  const rows = page.getByRole('table', { name: 'Breaks per week, by outcome' }).locator('tbody tr');
  await expect(rows).toHaveCount(weeks.length);
  for (const [i, w] of weeks.entries()) {
    const inWeek = shown.flatMap((r) => (r.heldSeconds !== undefined && weekStartOf(dateOf(Date.parse(r.at))) === w.weekStart ? [r.heldSeconds] : []));
    const cells = rows.nth(i).locator('td');
    await expect(cells.nth(5)).toHaveText(String(inWeek.length));
    await expect(cells.nth(6)).toHaveText(inWeek.length ? minutes(sum(inWeek)) : '—');
  }
  const thisWeek = shown.flatMap((r) => (r.heldSeconds !== undefined && weekStartOf(dateOf(Date.parse(r.at))) === weeks.at(-1)!.weekStart ? [r.heldSeconds] : []));
  expect(thisWeek.length).toBeGreaterThan(0);
  const over = page.locator('.chart .u-over');
  const overBox = (await over.boundingBox())!;
  await over.hover({ position: { x: overBox.width - 12, y: overBox.height / 2 } });
  await expect(page.locator('.readout')).toContainText(`Held: ${thisWeek.length} (${minutes(sum(thisWeek))})`);
});

test('export as CSV and JSON gives back every record of the history', async ({ limber }) => {
  const { app, page } = await openStats(limber);
  const history = await app.history();
  expect(history).toEqual(seeded);

  for (const format of ['csv', 'json'] as const) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: `Export ${format.toUpperCase()}` }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`limber-history-2026-11-23.${format}`);
    const text = readFileSync((await file.path())!, 'utf8');
    const back = format === 'csv' ? parseCsv(text) : parseJsonExport(text);
    expect(back.bad).toEqual([]);
    expect(back.records).toEqual(history);
    await expect(page.getByText(`Exported ${history.length.toLocaleString('en-US')} breaks as ${format.toUpperCase()}.`)).toBeVisible();
  }
});

test('an empty history says so instead of showing a blank chart', async ({ limber }) => {
  rmSync(`${dataDir}/history.jsonl`);
  const { page } = await openStats(limber);
  await expect(page.getByText('No breaks recorded yet.')).toBeVisible();
  await expect(page.locator('.tile .big').first()).toHaveText('0');
  await expect(page.getByText('No exercises done in these weeks.')).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violation in the statistics window (${colorScheme})`, async ({ limber }) => {
    const { page } = await openStats(limber, { colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
