// Timing as the user meets it (issue 4): heads-up, then the prompt; snooze from the tray and from the window;
// time away counts as a break and nothing stale fires on return.
import { defaultSettings } from '../electron/core/settings.ts';
import { expect, test } from './fixtures.ts';
import { dunstNotifications } from './helpers.ts';

const MIN = 60_000;

test('the heads-up reaches the notification daemon about a minute before the prompt opens the break window', async ({ launch }) => {
  const before = dunstNotifications().length;
  const h = await launch({ realNotifications: true });
  h.clock.advanceBy(29 * MIN);
  await expect.poll(() => dunstNotifications().length).toBe(before + 1);
  expect(dunstNotifications().at(-1)!.body).toMatch(/starts in/);
  expect(h.windows.isOpen('break')).toBe(false);
  expect(h.app.status().phase).toBe('heads-up');
  h.clock.advanceBy(MIN - 1000);
  expect(h.windows.isOpen('break')).toBe(false);
  h.clock.advanceBy(1000);
  const page = await h.windows.page('break');
  await expect(page.getByRole('heading', { name: 'Time to move' })).toBeVisible();
  // The prompt does not take focus from whatever the user is typing in.
  expect(h.windows.opened.at(-1)).toEqual({ kind: 'break', focus: false });
});

test('snooze from the tray moves the break by the snooze time', async ({ launch }) => {
  const h = await launch({ realNotifications: false });
  h.clock.advanceBy(30 * MIN);
  expect(h.app.status().phase).toBe('prompt');
  await h.windows.page('break');
  h.tray.clickMenu('snooze');
  expect(h.app.status().phase).toBe('working');
  expect(h.windows.isOpen('break')).toBe(false);
  const next = h.app.status().nextBreak!;
  const snooze = defaultSettings().snoozeMinutes * MIN;
  expect(next.at - h.clock.now()).toBe(snooze);
  h.clock.advanceBy(snooze);
  expect(h.app.status().phase).toBe('prompt');
});

test('snooze from the break window moves the break by the snooze time', async ({ launch }) => {
  const h = await launch({ realNotifications: false, settings: { snoozeMinutes: 10 } });
  h.clock.advanceBy(30 * MIN);
  const page = await h.windows.page('break');
  await page.getByRole('button', { name: 'Snooze' }).click();
  await expect.poll(() => h.windows.isOpen('break')).toBe(false);
  expect(h.app.status().nextBreak!.at - h.clock.now()).toBe(10 * MIN);
  h.clock.advanceBy(10 * MIN - 1000);
  expect(h.app.status().phase).not.toBe('prompt');
  h.clock.advanceBy(1000);
  expect(h.app.status().phase).toBe('prompt');
});

test('a lunch away counts as a natural break: no stale prompt on return, the cycle starts over', async ({ launch }) => {
  const h = await launch({ realNotifications: false });
  h.clock.advanceBy(20 * MIN);
  h.activity.goIdle();
  h.clock.advanceBy(60 * MIN);
  expect(h.notifier.sent).toHaveLength(0);
  expect(h.windows.isOpen('break')).toBe(false);
  h.activity.comeBack();
  h.clock.advanceBy(30_000);
  await expect.poll(() => h.history.readAll().map((r) => r.outcome)).toEqual(['natural']);
  expect(h.app.status().phase).toBe('working');
  const next = h.app.status().nextBreak!;
  expect(next.at - h.clock.now()).toBeGreaterThan(28 * MIN);
});
