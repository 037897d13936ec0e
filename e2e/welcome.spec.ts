// The first-run welcome window: what Limber does, the rhythm and positions saved through the real settings path,
// and the shortcut check — in real Chromium, in light and dark.
import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import type { Driver } from './driver.ts';
import { dunstNotifications } from './helpers.ts';
import { NOTIFICATION_TITLE, testNotificationBody } from '../electron/app/messages.ts';
import { WELCOME_MARKER } from '../electron/node/first-run.ts';

/** The welcome as a first run shows it: the app opens it by itself on a data folder that never showed it. */
async function openWelcome(app: Driver) {
  const page = await app.page('welcome');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Limber' })).toBeVisible();
  // The settings arrive with the first reply; the form shows once they have.
  await expect(page.getByLabel('Movement break every')).toBeVisible();
  return page;
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`welcome (${colorScheme}): says what Limber does, has no accessibility violations, fits its window`, async ({ limber }) => {
    const app = await limber({ colorScheme, realNotifications: false, markWelcomeShown: false });
    const page = await openWelcome(app);
    await expect(page.getByText(/one-minute movement break/)).toBeVisible();
    await expect(page.getByText(/lives in the tray/)).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    // Everything, down to the close button, is reachable without scrolling in the 520×600 window, also with the
    // longest answer of a "Try it" button shown.
    await page.getByRole('button', { name: 'Send a test notification' }).click();
    await expect(page.getByTestId('try-status')).not.toHaveText(/^(Sending…)?$/);
    const button = await page.getByRole('button', { name: 'Start using Limber' }).boundingBox();
    expect(button!.y + button!.height).toBeLessThanOrEqual(600);
  });
}

test('welcome: the rhythm chosen is saved through settings:set and summarised', async ({ limber }) => {
  const app = await limber({ realNotifications: false, markWelcomeShown: false });
  const page = await openWelcome(app);
  await expect(page.getByTestId('rhythm-summary')).toHaveText('A stretch session about every 2 h of work.');

  await page.getByLabel('Movement break every').selectOption('45');
  await expect.poll(() => app.settings().then((s) => s.microBreak.everyMinutes)).toBe(45);
  await page.getByLabel('Stretch session every').selectOption('3');
  await expect.poll(() => app.settings().then((s) => s.longBreak.everyNth)).toBe(3);
  await expect(page.getByTestId('rhythm-summary')).toHaveText('A stretch session about every 2.3 h of work.');
  // The schedule follows at once: the tray counts down from the new interval.
  expect((await app.tray()).tooltip).toBe('Limber — Next break in 45 min');
});

test('welcome: positions are saved, and the last one cannot be turned off', async ({ limber }) => {
  const app = await limber({ realNotifications: false, markWelcomeShown: false });
  const page = await openWelcome(app);
  const seated = page.getByRole('checkbox', { name: 'Seated' });
  const standing = page.getByRole('checkbox', { name: 'Standing' });
  await expect(seated).toBeChecked();
  await expect(standing).toBeChecked();

  await page.getByRole('checkbox', { name: 'At a wall' }).check();
  await expect.poll(() => app.settings().then((s) => s.positions)).toEqual(['seated', 'standing', 'wall']);
  await seated.uncheck();
  await page.getByRole('checkbox', { name: 'At a wall' }).uncheck();
  await expect.poll(() => app.settings().then((s) => s.positions)).toEqual(['standing']);
  await expect(standing).toBeDisabled();
});

test('welcome: checking the shortcut says it is ready, with the keys as the keyboard labels them', async ({ limber }) => {
  const app = await limber({ realNotifications: false, markWelcomeShown: false });
  const page = await openWelcome(app);
  await page.getByRole('button', { name: 'Check the shortcut Ctrl+Alt+B' }).click();
  await expect(page.getByTestId('try-status')).toHaveText('Ready: press Ctrl+Alt+B in any app to start a break now.');
  expect(await app.registeredShortcuts()).toEqual(['CommandOrControl+Alt+B']);
});

test('welcome: "Send a test notification" always answers the user', async ({ limber }) => {
  const app = await limber({ realNotifications: false, markWelcomeShown: false });
  const page = await openWelcome(app);
  await page.getByRole('button', { name: 'Send a test notification' }).click();
  const status = page.getByTestId('try-status');
  await expect(status).toHaveAttribute('data-of', 'notify');
  await expect(status).toHaveText(/^(Sent\.|No test notification: )/);
});

test('welcome: shown on the first run only', async ({ limber }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'limber-welcome-'));
  try {
    const first = await limber({ realNotifications: false, dataDir, markWelcomeShown: false });
    const page = await first.page('welcome');
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Limber' })).toBeVisible();
    expect(existsSync(join(dataDir, WELCOME_MARKER))).toBe(true);
    await first.close();
    // The same data folder again: no welcome.
    const second = await limber({ realNotifications: false, dataDir, markWelcomeShown: false });
    expect((await second.windowsOpened()).map((w) => w.kind)).not.toContain('welcome');
    await second.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('welcome: the test notification reaches the notification daemon', async ({ limber }) => {
  const app = await limber({ realNotifications: true, markWelcomeShown: false });
  const page = await openWelcome(app);
  const before = dunstNotifications().length;
  await page.getByRole('button', { name: 'Send a test notification' }).click();
  // Seen where the user would see it: in the daemon's own log, not in what the app meant to send.
  await expect.poll(() => dunstNotifications().slice(before).map((n) => [n.summary, n.body])).toEqual([[NOTIFICATION_TITLE, testNotificationBody()]]);
  await expect(page.getByTestId('try-status')).toHaveText(/^Sent\./);
});
