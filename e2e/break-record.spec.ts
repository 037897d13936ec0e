// Records that tell the truth (docs/scheduling.md, "What a break's record says"): the seconds recorded are the
// seconds moved, pauses excluded; a routine played to its end is `completed`, one ended early `partial`.
import { expect, test } from './fixtures.ts';
import { runPageClock } from './helpers.ts';

test('a micro break played to its end records its full seconds as completed', async ({ limber }) => {
  const app = await limber({ fakePageClock: true, realNotifications: false });
  await app.clickMenu('break:micro');
  const page = await app.breakPage();
  await expect(page.getByTestId('cue')).toHaveText('Get ready');
  await runPageClock(page, 90, app);
  await expect.poll(() => app.history().then((h) => h.length)).toBe(1);
  const [r] = await app.history();
  const { microBreak } = await app.settings();
  expect(r).toMatchObject({ kind: 'micro', outcome: 'completed' });
  // The routine fills the break's length; the player counts whole milliseconds, rounded once.
  expect(r!.seconds).toBeGreaterThanOrEqual(microBreak.durationSeconds - 1);
  expect(r!.seconds).toBeLessThanOrEqual(microBreak.durationSeconds);
});

test('a pause is not moving, and Finish before the end records partial with the seconds moved', async ({ limber }) => {
  const app = await limber({ fakePageClock: true, realNotifications: false });
  await app.clickMenu('break:micro');
  const page = await app.breakPage();
  await expect(page.getByTestId('cue')).toHaveText('Get ready');
  await runPageClock(page, 5, app); // get ready
  await runPageClock(page, 10, app); // 10 s moving
  await page.keyboard.press('Space');
  await expect(page.getByTestId('cue')).toHaveText('Paused');
  await runPageClock(page, 40, app); // 40 s paused
  await page.keyboard.press('Space');
  await runPageClock(page, 5, app); // 5 s more
  await page.getByRole('button', { name: 'Finish' }).click();
  await runPageClock(page, 10, app);
  await expect.poll(() => app.history().then((h) => h.length)).toBe(1);
  const [r] = await app.history();
  expect(r).toMatchObject({ kind: 'micro', outcome: 'partial' });
  // 15 s moved (10 + 5), give or take the real time that also flows on the page's clock between steps; never the
  // 60 s and more the break was open.
  expect(r!.seconds).toBeGreaterThanOrEqual(13);
  expect(r!.seconds).toBeLessThanOrEqual(30);
});

test('closing the window while paused records what was moved before the pause', async ({ limber }) => {
  const app = await limber({ fakePageClock: true, realNotifications: false });
  await app.clickMenu('break:micro');
  const page = await app.breakPage();
  await expect(page.getByTestId('cue')).toHaveText('Get ready');
  await runPageClock(page, 5 + 20, app);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('cue')).toHaveText('Paused');
  await runPageClock(page, 60, app);
  await page.close();
  await expect.poll(() => app.history().then((h) => h.length)).toBe(1);
  const [r] = await app.history();
  expect(r).toMatchObject({ kind: 'micro', outcome: 'partial' });
  // 20 s moved before the pause (and some real time between steps); the 60 s paused are not counted.
  expect(r!.seconds).toBeGreaterThanOrEqual(18);
  expect(r!.seconds).toBeLessThanOrEqual(35);
});
