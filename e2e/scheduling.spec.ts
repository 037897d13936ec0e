// Timing as the user meets it (issue 4): heads-up, then the prompt; snooze from the tray and from the window;
// time away counts as a break and nothing stale fires on return.
import { defaultSettings } from '../electron/core/settings.ts';
import { expect, test } from './fixtures.ts';
import { dunstNotifications } from './helpers.ts';

const MIN = 60_000;

test('the heads-up reaches the notification daemon about a minute before the prompt opens the break window', async ({ limber }) => {
  const before = dunstNotifications().length;
  const app = await limber({ realNotifications: true });
  await app.advance(29 * MIN);
  await expect.poll(() => dunstNotifications().length).toBe(before + 1);
  expect(dunstNotifications().at(-1)!.body).toMatch(/starts in/);
  expect(await app.isBreakOpen()).toBe(false);
  expect((await app.status()).phase).toBe('heads-up');
  await app.advance(MIN - 1000);
  expect(await app.isBreakOpen()).toBe(false);
  await app.advance(1000);
  const page = await app.breakPage();
  await expect(page.getByRole('heading', { name: 'Time to move' })).toBeVisible();
  // The prompt does not take focus from whatever the user is typing in.
  expect((await app.windowsOpened()).at(-1)).toEqual({ kind: 'break', focus: false });
});

test('snooze from the tray moves the break by the snooze time', async ({ limber }) => {
  const app = await limber({ realNotifications: false });
  await app.advance(30 * MIN);
  expect((await app.status()).phase).toBe('prompt');
  await app.breakPage();
  await app.clickMenu('snooze');
  expect((await app.status()).phase).toBe('working');
  await expect.poll(() => app.isBreakOpen()).toBe(false);
  const next = (await app.status()).nextBreak!;
  const snooze = defaultSettings().snoozeMinutes * MIN;
  expect(next.at - (await app.now())).toBe(snooze);
  await app.advance(snooze);
  expect((await app.status()).phase).toBe('prompt');
});

test('snooze from the break window moves the break by the snooze time', async ({ limber }) => {
  const app = await limber({ realNotifications: false, settings: { snoozeMinutes: 10 } });
  await app.advance(30 * MIN);
  const page = await app.breakPage();
  await page.getByRole('button', { name: 'Snooze' }).click();
  await expect.poll(() => app.isBreakOpen()).toBe(false);
  expect((await app.status()).nextBreak!.at - (await app.now())).toBe(10 * MIN);
  await app.advance(10 * MIN - 1000);
  expect((await app.status()).phase).not.toBe('prompt');
  await app.advance(1000);
  expect((await app.status()).phase).toBe('prompt');
});

test('a lunch away counts as a natural break: no stale prompt on return, the cycle starts over', async ({ limber }) => {
  const app = await limber({ realNotifications: false });
  await app.advance(20 * MIN);
  await app.goIdle();
  await app.advance(60 * MIN);
  expect(await app.notificationsSent()).toBe(0);
  expect(await app.isBreakOpen()).toBe(false);
  await app.comeBack();
  await app.advance(30_000);
  await expect.poll(() => app.history().then((h) => h.map((r) => r.outcome))).toEqual(['natural']);
  expect((await app.status()).phase).toBe('working');
  const next = (await app.status()).nextBreak!;
  expect(next.at - (await app.now())).toBeGreaterThan(28 * MIN);
});
