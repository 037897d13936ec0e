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

test('Pause ▸ For 30 minutes: paused icon and "paused until" tooltip, then Resume brings the schedule back', async ({ launch }) => {
  const h = await launch({ start: START, timeZone: TZ, realNotifications: false });
  expect(h.tray.current).toMatchObject({ icon: 'working', tooltip: 'Limber — Next break in 30 min' });
  expect(menuEnabled(h.tray.current.menu, MENU.resume)).toBe(false);

  h.clock.advanceBy(10 * MIN);
  h.tray.clickMenu(MENU.pause30);
  expect(h.app.status().phase).toBe('paused');
  expect(h.tray.current).toMatchObject({ icon: 'paused', tooltip: 'Limber — paused until 09:40', title: 'paused' });
  expect(menuEnabled(h.tray.current.menu, MENU.resume)).toBe(true);
  expect(menuEnabled(h.tray.current.menu, MENU.pause30)).toBe(false);

  // Paused means quiet: no heads-up and no break while the pause lasts.
  h.clock.advanceBy(20 * MIN);
  expect(h.notifier.sent).toHaveLength(0);
  expect(h.windows.opened).toEqual([]);
  expect(h.tray.current.icon).toBe('paused');

  h.tray.clickMenu(MENU.resume);
  expect(h.app.status().phase).toBe('working');
  expect(h.tray.current.icon).toBe('working');
  expect(h.tray.current.tooltip).toMatch(/^Limber — Next break in \d+ min$/);
  expect(menuEnabled(h.tray.current.menu, MENU.resume)).toBe(false);
});

test('a timed pause ends by itself: the tray goes back to working at the time it showed', async ({ launch }) => {
  const h = await launch({ start: START, timeZone: TZ, realNotifications: false });
  h.tray.clickMenu(MENU.pause30);
  expect(h.tray.current.tooltip).toBe('Limber — paused until 09:30');
  h.clock.advanceBy(29 * MIN);
  expect(h.tray.current.icon).toBe('paused');
  h.clock.advanceBy(1 * MIN + 1000);
  expect(h.app.status().phase).toBe('working');
  expect(h.tray.current.icon).toBe('working');
});

test('Pause ▸ Until I resume: paused with no end, and the tooltip says so', async ({ launch }) => {
  const h = await launch({ start: START, timeZone: TZ, realNotifications: false });
  h.tray.clickMenu(MENU.pauseIndefinitely);
  expect(h.tray.current).toMatchObject({ icon: 'paused', tooltip: 'Limber — paused' });
  h.clock.advanceBy(6 * 60 * MIN);
  expect(h.app.status().phase).toBe('paused');
  h.tray.clickMenu(MENU.resume);
  expect(h.tray.current.icon).toBe('working');
});

for (const [item, kind, exercises] of [
  [MENU.startMicro, 'micro', { min: 1, max: 2 }],
  [MENU.startLong, 'long', { min: 4, max: 5 }],
] as const) {
  test(`tray "${item}" opens the break window with a ${kind} routine`, async ({ launch }) => {
    const h = await launch({ start: START, timeZone: TZ, realNotifications: false });
    h.tray.clickMenu(item);
    expect(h.app.status()).toMatchObject({ phase: 'on-break', currentBreak: { kind } });
    expect(h.tray.current).toMatchObject({ icon: 'break', tooltip: 'Limber — on a break' });
    // Started by hand, so it may take focus; nothing else can be started while it runs.
    expect(h.windows.opened).toEqual([{ kind: 'break', focus: true }]);
    expect(menuEnabled(h.tray.current.menu, MENU.startMicro)).toBe(false);
    expect(menuEnabled(h.tray.current.menu, MENU.startLong)).toBe(false);

    const page = await h.windows.page('break');
    await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();
    const of = await page.getByText(/^Exercise 1 of \d+/).textContent();
    const count = Number(/of (\d+)/.exec(of ?? '')?.[1]);
    expect(count).toBeGreaterThanOrEqual(exercises.min);
    expect(count).toBeLessThanOrEqual(exercises.max);
  });
}

test('the heads-up reaches the notification daemon as Limber, with Limber’s icon, while the tray says "soon"', async ({ launch }) => {
  const before = dunstNotifications().length;
  const h = await launch({ start: START, timeZone: TZ, realNotifications: true });
  h.clock.advanceBy(29 * MIN);
  expect(h.notifier.sent).toHaveLength(1);
  expect(h.tray.current.icon).toBe('soon');
  expect(h.tray.current.tooltip).toBe('Limber — Next break in a minute');

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
  h.notifier.sent[0]!.answer({ kind: 'action', index: 1 });
  expect(h.app.status().phase).toBe('working');
  expect(h.app.status().nextBreak!.at).toBeGreaterThan(h.clock.now() + 4 * MIN);
});

test('a second launch’s command line acts on the running app: pause 30, status, resume, break long', async ({ launch }) => {
  const h = await launch({ start: START, timeZone: TZ, realNotifications: false });
  expect(h.app.handleCommandLine(['pause', '30'])).toMatchObject({ exitCode: 0, output: 'Limber — paused until 09:30' });
  expect(h.app.status()).toMatchObject({ phase: 'paused', pausedUntil: Date.parse(START) + 30 * MIN });
  expect(h.tray.current).toMatchObject({ icon: 'paused', tooltip: 'Limber — paused until 09:30' });
  const status = h.app.handleCommandLine(['status', '--json']);
  expect(status.exitCode).toBe(0);
  expect(JSON.parse(status.output)).toMatchObject({ phase: 'paused' });

  expect(h.app.handleCommandLine(['resume', '--user-data-dir', '/elsewhere']).exitCode).toBe(0);
  expect(h.app.status().phase).toBe('working');
  expect(h.tray.current.icon).toBe('working');

  // A bad command changes nothing and says so, with the command line's exit code for bad arguments.
  expect(h.app.handleCommandLine(['pause', 'soon']).exitCode).toBe(2);
  expect(h.app.status().phase).toBe('working');

  h.app.handleCommandLine(['break', 'long']);
  expect(h.app.status()).toMatchObject({ phase: 'on-break', currentBreak: { kind: 'long' } });
  const page = await h.windows.page('break');
  await expect(page.getByText(/^Exercise 1 of \d+/)).toBeVisible();
});
