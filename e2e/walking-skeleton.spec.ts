// The product path end to end: tray, shortcut and schedule each lead to a break the user can play through, and the
// renderer cannot make main do anything the contract does not allow.
import { expect, test } from './fixtures.ts';
import { dunstNotifications, runPageClock } from './helpers.ts';

test('tray "Start break now" opens the break window, the routine plays, and the finished break is recorded', async ({ launch }) => {
  const h = await launch({ fakePageClock: true, realNotifications: false });
  expect(h.tray.current.icon).toBe('working');
  h.tray.clickMenu('break:micro');
  expect(h.app.status().phase).toBe('on-break');
  expect(h.tray.current.icon).toBe('break');

  const page = await h.windows.page('break');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const routine = h.app.status().currentBreak;
  expect(routine?.kind).toBe('micro');

  await runPageClock(page, 75);
  await expect.poll(() => h.history.readAll().length).toBe(1);
  const [record] = h.history.readAll();
  expect(record).toMatchObject({ kind: 'micro', outcome: 'completed' });
  expect(record!.exercises.length).toBeGreaterThan(0);
  expect(record!.seconds).toBeGreaterThanOrEqual(0);
  expect(h.app.status().phase).toBe('working');
  expect(h.windows.isOpen('break')).toBe(false);
});

test('the quick-start shortcut starts the same break path', async ({ launch }) => {
  const h = await launch({ fakePageClock: true, realNotifications: false });
  expect([...h.shortcuts.registered.keys()]).toEqual(['CommandOrControl+Alt+B']);
  h.shortcuts.press('CommandOrControl+Alt+B');
  const page = await h.windows.page('break');
  expect(h.windows.opened.at(-1)).toEqual({ kind: 'break', focus: true });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await runPageClock(page, 75);
  await expect.poll(() => h.history.readAll().map((r) => r.outcome)).toEqual(['completed']);
});

test('a scheduled heads-up reaches the real notification daemon', async ({ launch }) => {
  const before = dunstNotifications().length;
  const h = await launch({ realNotifications: true });
  // Nothing yet after 28 minutes of work...
  h.clock.advanceBy(28 * 60_000);
  expect(h.notifier.sent).toHaveLength(0);
  // ...the heads-up comes a minute before the 30-minute break.
  h.clock.advanceBy(60_000);
  expect(h.notifier.sent).toHaveLength(1);
  await expect.poll(() => dunstNotifications().length, { timeout: 10_000 }).toBe(before + 1);
  const n = dunstNotifications().at(-1)!;
  expect(n.appname).toBe('Limber');
  expect(n.summary).toBe('Limber');
  expect(n.body).toMatch(/movement break starts in (60 seconds|1 minute)/i);
  expect(n.icon).toMatch(/limber\.png$/);
});

test('a malformed IPC message from the page is refused and changes nothing', async ({ launch }) => {
  const h = await launch({ realNotifications: false });
  h.tray.clickMenu('break:micro');
  const page = await h.windows.page('break');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const statusBefore = h.app.status();
  const settingsBefore = structuredClone(h.app.currentSettings());

  // Straight at the binding, as a compromised page would: wrong types, unknown fields, unknown types.
  const replies = await page.evaluate(async () => {
    const invoke = (window as unknown as { __limberInvoke(x: unknown): Promise<{ ok: boolean; error?: string }> }).__limberInvoke;
    return Promise.all([
      invoke({ type: 'break:finish', exercises: 'all of them', seconds: 60 }),
      invoke({ type: 'break:finish', exercises: [], seconds: -5 }),
      invoke({ type: 'break:skip', extra: true }),
      invoke({ type: 'settings:set' }),
      invoke({ type: 'rm -rf' }),
      invoke(null),
    ]);
  });
  for (const r of replies) expect(r.ok).toBe(false);
  expect(replies[0]!.error).toMatch(/exercises/);
  expect(h.logs.filter((l) => l.level === 'warn' && l.message.startsWith('refused')).length).toBe(replies.length);
  expect(h.history.readAll()).toEqual([]);
  expect(h.app.status()).toEqual(statusBefore);
  expect(h.app.currentSettings()).toEqual(settingsBefore);
});
