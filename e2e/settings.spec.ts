// The settings window end to end: what the user changes is validated as they type, saved to settings.json in the
// data folder, and used by the scheduler; nothing invalid is ever saved.
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { RANGES, defaultSettings } from '../electron/core/settings.ts';
import type { Driver, DriverOptions } from './driver.ts';
import { expect, test } from './fixtures.ts';

let dataDir = '';
test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'limber-settings-e2e-'));
});
test.afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** settings.json as the user would read it, without the store's bookkeeping and the record of what the user changed. */
function onDisk(): ReturnType<typeof defaultSettings> {
  const { __internal__: _internal, userChanged: _changed, ...settings } = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as Record<string, unknown>;
  return settings as ReturnType<typeof defaultSettings>;
}

async function openSettings(limber: (o?: DriverOptions) => Promise<Driver>, opts: DriverOptions = {}): Promise<{ app: Driver; page: Page }> {
  const app = await limber({ realNotifications: false, dataDir, ...opts });
  await app.clickMenu('settings');
  const page = await app.page('settings');
  await expect(page.getByRole('heading', { name: 'Breaks' })).toBeVisible();
  return { app, page };
}

const status = (page: Page) => page.getByRole('status').filter({ hasText: /Saved|Not saved|Saving|reset/ });

test('a changed interval is saved to settings.json and the scheduler uses it', async ({ limber }) => {
  const { app, page } = await openSettings(limber);
  const every = page.getByRole('spinbutton', { name: 'Every', exact: true });
  await expect(every).toHaveValue('30');
  await expect(every).toHaveAttribute('min', String(RANGES['microBreak.everyMinutes'].min));
  await expect(every).toHaveAttribute('max', String(RANGES['microBreak.everyMinutes'].max));

  await every.fill('10');
  await every.press('Tab');
  await expect(status(page)).toHaveText(/Saved/);
  await expect.poll(() => onDisk().microBreak.everyMinutes).toBe(10);
  expect((await app.settings()).microBreak.everyMinutes).toBe(10);

  // The clock has not moved while the user typed: the heads-up comes a minute before the 10-minute mark.
  await app.advance(8 * 60_000);
  expect(await app.notifications()).toHaveLength(0);
  await app.advance(60_000);
  expect(await app.notifications()).toHaveLength(1);
  expect((await app.notifications())[0]!.body).toMatch(/movement break starts in/i);
  await app.advance(60_000);
  expect((await app.status()).phase).toBe('prompt');
  await app.breakPage();
});

test('toggles, days, positions and exercises are saved as the user clicks', async ({ limber }) => {
  const { app, page } = await openSettings(limber);
  await page.getByRole('switch', { name: 'Only remind me during work hours' }).check();
  await page.getByRole('checkbox', { name: 'Saturday' }).check();
  await page.getByRole('checkbox', { name: 'At a wall' }).check();
  await page.getByRole('checkbox', { name: 'Neck roll' }).uncheck();
  await page.getByRole('switch', { name: 'Sound cues' }).uncheck();
  await expect.poll(() => onDisk().sound).toBe(false);
  const s = onDisk();
  expect(s.workHours).toMatchObject({ enabled: true, days: [1, 2, 3, 4, 5, 6] });
  expect(s.positions).toEqual(['seated', 'standing', 'wall']);
  expect(s.excludedExercises).toEqual(['neck-roll']);
  expect(await app.settings()).toEqual(s);
});

test('an invalid entry shows its allowed range and is never saved', async ({ limber }) => {
  const { app, page } = await openSettings(limber);
  // One position left: taking it away too would leave none.
  await page.getByRole('checkbox', { name: 'Seated', exact: true }).uncheck();
  await expect.poll(() => onDisk().positions).toEqual(['standing']);
  const before = onDisk();
  const every = page.getByRole('spinbutton', { name: 'Every', exact: true });
  const { min, max } = RANGES['microBreak.everyMinutes'];

  for (const bad of ['3', String(max + 1), '12.5', '-20']) {
    await every.fill(bad);
    await every.press('Tab');
    await expect(every).toHaveAttribute('aria-invalid', 'true');
    // The message names the range and is what the field's description points at.
    await expect(every).toHaveAccessibleDescription(`Enter a whole number from ${min} to ${max} minutes.`);
    await expect(status(page)).toHaveText(/Not saved/);
  }
  const snooze = page.getByRole('spinbutton', { name: 'Snooze for' });
  await snooze.fill('0');
  await expect(page.getByText(`Enter a whole number from ${RANGES.snoozeMinutes.min} to ${RANGES.snoozeMinutes.max} minutes.`)).toBeVisible();

  // Work hours that end before they start, and no position at all.
  await page.getByLabel('Until').fill('08:00');
  await expect(page.getByText('The end must be later than the start.')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Standing', exact: true }).uncheck();
  await expect(page.getByText('Allow at least one position.')).toBeVisible();

  await page.waitForTimeout(800);
  expect(onDisk()).toEqual(before);
  expect(await app.settings()).toEqual(before);

  // Fixing the entry saves it and clears the message.
  await every.fill('45');
  await every.press('Tab');
  await expect(every).not.toHaveAttribute('aria-invalid', 'true');
  await expect.poll(() => onDisk().microBreak.everyMinutes).toBe(45);
  expect(onDisk().snoozeMinutes).toBe(before.snoozeMinutes);
  expect(onDisk().positions).toEqual(before.positions);
});

test('the shortcut recorder takes new keys, and keys another app holds are refused while the old ones stay active', async ({ limber }) => {
  const { app, page } = await openSettings(limber);
  await app.holdKeysElsewhere('CommandOrControl+Alt+K');

  await page.getByRole('button', { name: 'Change…' }).click();
  await expect(page.getByRole('button', { name: /Press the new keys/ })).toBeFocused();
  await page.keyboard.press('Control+Alt+K');
  await expect(page.getByText('Ctrl+Alt+K is already used by another application. Ctrl+Alt+B stays active.')).toBeVisible();
  expect(await app.registeredShortcuts()).toEqual(['CommandOrControl+Alt+B']);
  expect(onDisk().shortcut).toBe('CommandOrControl+Alt+B');

  // A key without a modifier is not a global shortcut; Esc leaves things as they were.
  await page.getByRole('button', { name: 'Change…' }).click();
  await page.keyboard.press('J');
  await expect(page.getByText(/Use at least one of Ctrl, Alt or Super/)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByText('Shortcut unchanged.')).toBeVisible();

  await page.getByRole('button', { name: 'Change…' }).click();
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByText('Shortcut set to Ctrl+Shift+L.')).toBeVisible();
  expect(await app.registeredShortcuts()).toEqual(['CommandOrControl+Shift+L']);
  await expect.poll(() => onDisk().shortcut).toBe('CommandOrControl+Shift+L');
  await app.pressShortcut('CommandOrControl+Shift+L');
  expect((await app.status()).phase).toBe('on-break');
});

test('reset to defaults asks first', async ({ limber }) => {
  const { app, page } = await openSettings(limber);
  const snooze = page.getByRole('spinbutton', { name: 'Snooze for' });
  await snooze.fill('12');
  await snooze.press('Tab');
  await expect.poll(() => onDisk().snoozeMinutes).toBe(12);

  await page.getByRole('button', { name: 'Reset to defaults…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset all settings?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(onDisk().snoozeMinutes).toBe(12);

  await page.getByRole('button', { name: 'Reset to defaults…' }).click();
  await dialog.getByRole('button', { name: 'Reset settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings were reset' })).toBeVisible();
  await expect(snooze).toHaveValue(String(RANGES.snoozeMinutes.fallback));
  await expect.poll(() => onDisk().snoozeMinutes).toBe(RANGES.snoozeMinutes.fallback);
  expect(await app.settings()).toEqual(defaultSettings());
});

test('a damaged settings file is reported once in the settings window', async ({ limber }) => {
  writeFileSync(join(dataDir, 'settings.json'), '{"microBreak": {"everyMinutes": 25,');
  const { app, page } = await openSettings(limber);
  const kept = readdirSync(dataDir).find((f) => f.startsWith('settings.json.corrupt-'));
  expect(kept).toBeTruthy();
  await expect(page.getByRole('alert')).toContainText(kept!);

  await page.close();
  await app.clickMenu('settings');
  const again = await app.page('settings');
  await expect(again.getByRole('heading', { name: 'Breaks' })).toBeVisible();
  await expect(again.getByRole('alert')).toHaveCount(0);
});

test('the settings window can be used with the keyboard alone', async ({ limber }) => {
  const { page } = await openSettings(limber);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('switch', { name: 'Movement breaks' })).toBeFocused();
  await page.keyboard.press('Tab');
  const every = page.getByRole('spinbutton', { name: 'Every', exact: true });
  await expect(every).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect.poll(() => onDisk().microBreak.everyMinutes).toBe(31);
  // The focused control is visibly marked.
  const outline = await every.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violation in the settings window (${colorScheme})`, async ({ limber }) => {
    const { page } = await openSettings(limber, { colorScheme });
    const every = page.getByRole('spinbutton', { name: 'Every', exact: true });
    await every.fill('2');
    await expect(every).toHaveAttribute('aria-invalid', 'true');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('a hand edit of settings.json while Limber runs takes effect, and the open window follows it', async ({ limber }) => {
  const { app, page } = await openSettings(limber);
  const every = page.getByRole('spinbutton', { name: 'Every', exact: true });
  await expect(every).toHaveValue('30');
  const file = join(dataDir, 'settings.json');
  const edit = (change: (s: Record<string, Record<string, unknown>>) => void) => {
    const s = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
    change(s);
    writeFileSync(file, JSON.stringify(s, null, 2));
  };
  edit((s) => (s.microBreak!.everyMinutes = 20));
  await expect.poll(() => app.settings().then((s) => s.microBreak.everyMinutes)).toBe(20);
  await expect(every).toHaveValue('20');

  // An out-of-range edit is rejected with a message; the value in force stays.
  edit((s) => (s.microBreak!.everyMinutes = 1));
  await expect.poll(() => app.notices().then((ns) => ns.some((n) => /microBreak\.everyMinutes/.test(n)))).toBe(true);
  expect((await app.settings()).microBreak.everyMinutes).toBe(20);
});
