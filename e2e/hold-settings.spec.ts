// The "Meetings and focus" settings: which reasons hold a break and the quiet-notice limit, saved to settings.json;
// a limit out of range is refused with a message and never saved.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOLD_LIMIT_RANGE } from '../electron/core/settings.ts';
import { expect, test } from './fixtures.ts';

let dataDir = '';
test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'limber-hold-settings-'));
});
test.afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const onDisk = () => JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { holdDuring: string[]; holdLimitMinutes: number };

test('what holds a break and the hold limit are saved; a bad limit is refused', async ({ limber }) => {
  const app = await limber({ realNotifications: false, dataDir });
  await app.clickMenu('settings');
  const page = await app.page('settings');
  await expect(page.getByRole('heading', { name: 'Meetings and focus' })).toBeVisible();
  const fullscreen = page.getByRole('switch', { name: 'A fullscreen app is in front' });
  await expect(fullscreen).toBeChecked();
  await fullscreen.uncheck();
  await expect.poll(() => onDisk().holdDuring).toEqual(['call', 'screen-sharing', 'presentation', 'do-not-disturb']);
  expect((await app.settings()).holdDuring).not.toContain('fullscreen');

  const limit = page.getByRole('textbox', { name: 'Remind me quietly after' });
  await limit.fill(String(HOLD_LIMIT_RANGE.max + 1));
  await limit.press('Enter');
  await expect(page.getByText(`Enter a whole number from ${HOLD_LIMIT_RANGE.min} to ${HOLD_LIMIT_RANGE.max}.`)).toBeVisible();
  await expect(limit).toHaveAttribute('aria-invalid', 'true');
  expect(onDisk().holdLimitMinutes).toBe(HOLD_LIMIT_RANGE.fallback);
  await limit.fill('120');
  await limit.press('Enter');
  await expect.poll(() => onDisk().holdLimitMinutes).toBe(120);
  await expect(limit).not.toHaveAttribute('aria-invalid', 'true');
});
