// The first-run welcome window: what Limber does, the rhythm and positions saved through the real settings path,
// and the shortcut check — in real Chromium, in light and dark.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import type { Harness } from './harness/harness.ts';
import { dunstNotifications } from './helpers.ts';
import { NOTIFICATION_TITLE, testNotificationBody } from '../electron/app/messages.ts';

async function openWelcome(h: Harness) {
  h.windows.open('welcome', { focus: true, onClosed: () => {} });
  const page = await h.windows.page('welcome');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Limber' })).toBeVisible();
  // The settings arrive with the first reply; the form shows once they have.
  await expect(page.getByLabel('Movement break every')).toBeVisible();
  return page;
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`welcome (${colorScheme}): says what Limber does, has no accessibility violations, fits its window`, async ({ launch }) => {
    const h = await launch({ colorScheme, realNotifications: false });
    const page = await openWelcome(h);
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

test('welcome: the rhythm chosen is saved through settings:set and summarised', async ({ launch }) => {
  const h = await launch({ realNotifications: false });
  const page = await openWelcome(h);
  await expect(page.getByTestId('rhythm-summary')).toHaveText('A stretch session about every 2 h of work.');

  await page.getByLabel('Movement break every').selectOption('45');
  await expect.poll(() => h.app.currentSettings().microBreak.everyMinutes).toBe(45);
  await page.getByLabel('Stretch session every').selectOption('3');
  await expect.poll(() => h.app.currentSettings().longBreak.everyNth).toBe(3);
  await expect(page.getByTestId('rhythm-summary')).toHaveText('A stretch session about every 2.3 h of work.');
  // The schedule follows at once: the tray counts down from the new interval.
  expect(h.tray.current.tooltip).toBe('Limber — Next break in 45 min');
});

test('welcome: positions are saved, and the last one cannot be turned off', async ({ launch }) => {
  const h = await launch({ realNotifications: false });
  const page = await openWelcome(h);
  const seated = page.getByRole('checkbox', { name: 'Seated' });
  const standing = page.getByRole('checkbox', { name: 'Standing' });
  await expect(seated).toBeChecked();
  await expect(standing).toBeChecked();

  await page.getByRole('checkbox', { name: 'At a wall' }).check();
  await expect.poll(() => h.app.currentSettings().positions).toEqual(['seated', 'standing', 'wall']);
  await seated.uncheck();
  await page.getByRole('checkbox', { name: 'At a wall' }).uncheck();
  await expect.poll(() => h.app.currentSettings().positions).toEqual(['standing']);
  await expect(standing).toBeDisabled();
});

test('welcome: checking the shortcut says it is ready, with the keys as the keyboard labels them', async ({ launch }) => {
  const h = await launch({ realNotifications: false });
  const page = await openWelcome(h);
  await page.getByRole('button', { name: 'Check the shortcut Ctrl+Alt+B' }).click();
  await expect(page.getByTestId('try-status')).toHaveText('Ready: press Ctrl+Alt+B in any app to start a break now.');
  expect([...h.shortcuts.registered.keys()]).toEqual(['CommandOrControl+Alt+B']);
});

test('welcome: "Send a test notification" always answers the user', async ({ launch }) => {
  const h = await launch({ realNotifications: false });
  const page = await openWelcome(h);
  await page.getByRole('button', { name: 'Send a test notification' }).click();
  const status = page.getByTestId('try-status');
  await expect(status).toHaveAttribute('data-of', 'notify');
  await expect(status).toHaveText(/^(Sent\.|No test notification: )/);
});

test('welcome: shown on the first run only', async ({ launch }) => {
  const state = { shown: false };
  const welcome = () => ({ due: !state.shown, markShown: () => (state.shown = true) });
  const first = await launch({ realNotifications: false, welcome: welcome() });
  const page = await first.windows.page('welcome');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Limber' })).toBeVisible();
  expect(state.shown).toBe(true);
  const second = await launch({ realNotifications: false, welcome: welcome() });
  expect(second.windows.opened.map((w) => w.kind)).not.toContain('welcome');
});

test('welcome: the test notification reaches the notification daemon', async ({ launch }) => {
  const h = await launch({ realNotifications: true });
  const page = await openWelcome(h);
  const before = dunstNotifications().length;
  await page.getByRole('button', { name: 'Send a test notification' }).click();
  // Seen where the user would see it: in the daemon's own log, not in what the app meant to send.
  await expect.poll(() => dunstNotifications().slice(before).map((n) => [n.summary, n.body])).toEqual([[NOTIFICATION_TITLE, testNotificationBody()]]);
  await expect(page.getByTestId('try-status')).toHaveText(/^Sent\./);
});
