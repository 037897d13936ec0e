// The product path end to end, on every backend: tray, shortcut and schedule each lead to a break the user can play
// through, and the renderer cannot make main do anything the contract does not allow.
import { expect, test } from './fixtures.ts';
import { dunstNotifications, runPageClock } from './helpers.ts';

test('tray "Start break now" opens the break window, the routine plays, and the finished break is recorded', async ({ limber }) => {
  const app = await limber({ fakePageClock: true, realNotifications: false });
  expect((await app.tray()).icon).toBe('working');
  await app.clickMenu('break:micro');
  expect((await app.status()).phase).toBe('on-break');
  expect((await app.tray()).icon).toBe('break');

  const page = await app.breakPage();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect((await app.status()).currentBreak?.kind).toBe('micro');

  await runPageClock(page, 90, app);
  await expect.poll(() => app.history().then((h) => h.length)).toBe(1);
  const [record] = await app.history();
  expect(record).toMatchObject({ kind: 'micro', outcome: 'completed' });
  expect(record!.exercises.length).toBeGreaterThan(0);
  expect((await app.status()).phase).toBe('working');
  expect(await app.isBreakOpen()).toBe(false);
});

test('the quick-start shortcut starts the same break path', async ({ limber }) => {
  const app = await limber({ fakePageClock: true, realNotifications: false });
  const { shortcut } = await app.settings();
  expect(shortcut).toBe('CommandOrControl+Alt+B');
  await app.pressShortcut(shortcut);
  expect((await app.status()).phase).toBe('on-break');
  const page = await app.breakPage();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await runPageClock(page, 90, app);
  await expect.poll(() => app.history().then((h) => h.map((r) => r.outcome))).toEqual(['completed']);
});

test('a scheduled heads-up reaches the real notification daemon', async ({ limber }) => {
  const before = dunstNotifications().length;
  const app = await limber({ realNotifications: true });
  // Nothing yet after 28 minutes of work...
  await app.advance(28 * 60_000);
  expect(await app.notificationsSent()).toBe(0);
  // ...the heads-up comes a minute before the 30-minute break.
  await app.advance(60_000);
  expect(await app.notificationsSent()).toBe(1);
  await expect.poll(() => dunstNotifications().length, { timeout: 10_000 }).toBe(before + 1);
  const n = dunstNotifications().at(-1)!;
  expect(n.appname).toBe('Limber');
  expect(n.summary).toBe('Limber');
  expect(n.body).toMatch(/movement break starts in (60 seconds|1 minute)/i);
  expect(n.icon).toMatch(/limber\.png$/);
});

test('a malformed IPC message from the page is refused and changes nothing', async ({ limber }) => {
  const app = await limber({ realNotifications: false });
  await app.clickMenu('break:micro');
  const page = await app.breakPage();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const statusBefore = await app.status();
  const settingsBefore = await app.settings();
  const logsBefore = (await app.logs()).length;

  // Through the very API preload exposes, as a compromised page would: wrong types, extra fields, unknown types.
  const replies = await page.evaluate(async () => {
    const request = (window as unknown as { limber: { request(x: unknown): Promise<{ ok: boolean; error?: string }> } }).limber.request;
    return Promise.all([
      request({ type: 'break:finish', exercises: 'all of them', seconds: 60 }),
      request({ type: 'break:finish', exercises: [], seconds: -5 }),
      request({ type: 'break:skip', extra: true }),
      request({ type: 'settings:set' }),
      request({ type: 'settings:set', patch: { microBreak: { everyMinutes: 1 } } }),
      request({ type: 'rm -rf' }),
      request(null),
    ]);
  });
  for (const r of replies) expect(r.ok).toBe(false);
  expect(replies[0]!.error).toMatch(/exercises/);
  expect(replies[4]!.error).toMatch(/microBreak\.everyMinutes must be a whole number from 5 to 240/);
  const refused = (await app.logs()).slice(logsBefore).filter((l) => l.level === 'warn' && l.message.startsWith('refused'));
  expect(refused.length).toBe(replies.length - 1); // the out-of-range setting is answered, not a malformed message
  expect(await app.history()).toEqual([]);
  expect(await app.status()).toEqual(statusBefore);
  expect(await app.settings()).toEqual(settingsBefore);
});
