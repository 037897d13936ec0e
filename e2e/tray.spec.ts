// The tray as the user drives it — pause, resume, start a break of either kind — plus the other ways in: a heads-up
// notification that reaches the real notification daemon, and a second launch's command line.
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { dunstNotifications } from './helpers.ts';
import { MENU } from '../electron/core/tray-model.ts';

const TZ = 'Europe/Berlin';
const START = '2026-11-23T09:00:00+01:00';
const MIN = 60_000;

/** Whether a menu item (top level or in a submenu) is enabled in the tray's current menu. */
function menuEnabled(items: { id: string; enabled?: boolean; submenu?: { id: string; enabled?: boolean }[] }[], id: string): boolean {
  for (const i of items) {
    if (i.id === id) return i.enabled ?? true;
    const sub = i.submenu?.find((s) => s.id === id);
    if (sub) return (i.enabled ?? true) && (sub.enabled ?? true);
  }
  throw new Error(`no menu item ${id}`);
}

test('Pause ▸ For 30 minutes: paused icon and "paused until" tooltip, then Resume brings the schedule back', async ({ limber }) => {
  const app = await limber({ start: START, timeZone: TZ, realNotifications: false });
  expect(await app.tray()).toMatchObject({ icon: 'working', tooltip: 'Limber — Next break in 30 min' });
  expect(menuEnabled((await app.tray()).menu, MENU.resume)).toBe(false);

  await app.advance(10 * MIN);
  await app.clickMenu(MENU.pause30);
  expect((await app.status()).phase).toBe('paused');
  expect(await app.tray()).toMatchObject({ icon: 'paused', tooltip: 'Limber — paused until 09:40', title: 'paused' });
  expect(menuEnabled((await app.tray()).menu, MENU.resume)).toBe(true);
  expect(menuEnabled((await app.tray()).menu, MENU.pause30)).toBe(false);

  // Paused means quiet: no heads-up and no break while the pause lasts.
  await app.advance(20 * MIN);
  expect(await app.notificationsSent()).toBe(0);
  expect(await app.windowsOpened()).toEqual([]);
  expect((await app.tray()).icon).toBe('paused');

  await app.clickMenu(MENU.resume);
  expect((await app.status()).phase).toBe('working');
  expect((await app.tray()).icon).toBe('working');
  expect((await app.tray()).tooltip).toMatch(/^Limber — Next break in \d+ min$/);
  expect(menuEnabled((await app.tray()).menu, MENU.resume)).toBe(false);
});

test('a timed pause ends by itself: the tray goes back to working at the time it showed', async ({ limber }) => {
  const app = await limber({ start: START, timeZone: TZ, realNotifications: false });
  await app.clickMenu(MENU.pause30);
  expect((await app.tray()).tooltip).toBe('Limber — paused until 09:30');
  await app.advance(29 * MIN);
  expect((await app.tray()).icon).toBe('paused');
  await app.advance(1 * MIN + 1000);
  expect((await app.status()).phase).toBe('working');
  expect((await app.tray()).icon).toBe('working');
});

test('Pause ▸ Until I resume: paused with no end, and the tooltip says so', async ({ limber }) => {
  const app = await limber({ start: START, timeZone: TZ, realNotifications: false });
  await app.clickMenu(MENU.pauseIndefinitely);
  expect(await app.tray()).toMatchObject({ icon: 'paused', tooltip: 'Limber — paused' });
  await app.advance(6 * 60 * MIN);
  expect((await app.status()).phase).toBe('paused');
  await app.clickMenu(MENU.resume);
  expect((await app.tray()).icon).toBe('working');
});

for (const [item, kind, exercises] of [
  [MENU.startMicro, 'micro', { min: 1, max: 2 }],
  [MENU.startLong, 'long', { min: 4, max: 5 }],
] as const) {
  test(`tray "${item}" opens the break window with a ${kind} routine`, async ({ limber }) => {
    const app = await limber({ start: START, timeZone: TZ, realNotifications: false });
    await app.clickMenu(item);
    expect(await app.status()).toMatchObject({ phase: 'on-break', currentBreak: { kind } });
    expect(await app.tray()).toMatchObject({ icon: 'break', tooltip: 'Limber — on a break' });
    // Started by hand, so it may take focus; nothing else can be started while it runs.
    expect(await app.windowsOpened()).toEqual([{ kind: 'break', focus: true }]);
    expect(menuEnabled((await app.tray()).menu, MENU.startMicro)).toBe(false);
    expect(menuEnabled((await app.tray()).menu, MENU.startLong)).toBe(false);

    const page = await app.breakPage();
    await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();
    const of = await page.getByText(/^Exercise 1 of \d+/).textContent();
    const count = Number(/of (\d+)/.exec(of ?? '')?.[1]);
    expect(count).toBeGreaterThanOrEqual(exercises.min);
    expect(count).toBeLessThanOrEqual(exercises.max);
  });
}

test('the heads-up reaches the notification daemon as Limber, with Limber’s icon, while the tray says "soon"', async ({ limber }) => {
  const before = dunstNotifications().length;
  const app = await limber({ start: START, timeZone: TZ, realNotifications: true });
  await app.advance(29 * MIN);
  expect(await app.notificationsSent()).toBe(1);
  expect((await app.tray()).icon).toBe('soon');
  expect((await app.tray()).tooltip).toBe('Limber — Next break in a minute');

  await expect.poll(() => dunstNotifications().length, { timeout: 10_000 }).toBe(before + 1);
  const n = dunstNotifications().at(-1)!;
  expect(n.appname).toBe('Limber');
  expect(n.summary).toBe('Limber');
  expect(n.body).toMatch(/movement break starts in/i);
  // The icon the daemon got is a real PNG on disk, the one shipped in resources/icons.
  expect(n.icon).toMatch(/resources\/icons\/limber\.png$/);
  expect(existsSync(n.icon)).toBe(true);
  expect(readFileSync(n.icon).subarray(1, 4).toString('latin1')).toBe('PNG');

  // Answering it (where the platform has buttons) acts like the tray: Snooze puts the break off.
  await app.answerNotification(0, { kind: 'action', index: 1 });
  expect((await app.status()).phase).toBe('working');
  expect((await app.status()).nextBreak!.at).toBeGreaterThan((await app.now()) + 4 * MIN);
});

test('a second launch’s command line acts on the running app: pause 30, status, resume, break long', async ({ limber }) => {
  const app = await limber({ start: START, timeZone: TZ, realNotifications: false });
  expect(await app.cli('pause', '30')).toMatchObject({ code: 0, stdout: 'Limber — paused until 09:30\n' });
  expect(await app.status()).toMatchObject({ phase: 'paused', pausedUntil: Date.parse(START) + 30 * MIN });
  expect(await app.tray()).toMatchObject({ icon: 'paused', tooltip: 'Limber — paused until 09:30' });
  const status = await app.cli('status', '--json');
  expect(status.code).toBe(0);
  expect(JSON.parse(status.stdout)).toMatchObject({ phase: 'paused' });

  expect((await app.cli('resume')).code).toBe(0);
  expect((await app.status()).phase).toBe('working');
  expect((await app.tray()).icon).toBe('working');

  // A bad command changes nothing and says so, with the command line's exit code for bad arguments.
  expect((await app.cli('pause', 'soon')).code).toBe(2);
  expect((await app.status()).phase).toBe('working');

  await app.cli('break', 'long');
  expect(await app.status()).toMatchObject({ phase: 'on-break', currentBreak: { kind: 'long' } });
  const page = await app.breakPage();
  await expect(page.getByText(/^Exercise 1 of \d+/)).toBeVisible();
});
