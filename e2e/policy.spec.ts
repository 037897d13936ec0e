// The organisation's policy end to end on Linux: a real policy file in /etc/limber/policies locks a setting in the
// settings window (with a lock and "Set by your organisation", read by screen readers), and IPC and the command line
// refuse what it forbids. scripts/with-desktop.sh runs the suite in a private mount namespace where that folder is
// the tests' own; the machine's /etc is never written.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Reply } from '../electron/ipc.ts';
import { expect, test } from './fixtures.ts';

const POLICIES = '/etc/limber/policies';
const MANAGED = join(POLICIES, 'managed', '50-e2e.json');
const RECOMMENDED = join(POLICIES, 'recommended', '50-e2e.json');

test.skip(!process.env['LIMBER_POLICY_NAMESPACE'], 'needs scripts/with-desktop.sh as root: /etc/limber/policies is then a private folder of the tests');

let dataDir = '';
test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'limber-policy-e2e-'));
  mkdirSync(join(POLICIES, 'managed'), { recursive: true });
  mkdirSync(join(POLICIES, 'recommended'), { recursive: true });
  writeFileSync(MANAGED, JSON.stringify({ microBreak: { everyMinutes: 45 }, sound: false, policy: { allowSkip: false, maxPauseMinutes: 60 } }));
  writeFileSync(RECOMMENDED, JSON.stringify({ snoozeMinutes: 10 }));
});
test.afterEach(() => {
  rmSync(MANAGED, { force: true });
  rmSync(RECOMMENDED, { force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

test('a managed setting is locked in the settings window, and IPC and the command line refuse to change it', async ({ limber }, testInfo) => {
  const app = await limber({ realNotifications: false, dataDir });
  await app.clickMenu('settings');
  const page = await app.page('settings');
  await expect(page.getByRole('heading', { name: 'Breaks' })).toBeVisible();

  const every = page.getByRole('spinbutton', { name: 'Every', exact: true });
  await expect(every).toHaveValue('45');
  await expect(every).toBeDisabled();
  await expect(every).toHaveAccessibleDescription(/Set by your organisation/);
  // A recommended value is in force but stays the user's to change.
  await expect(page.getByRole('spinbutton', { name: 'Snooze for' })).toBeEnabled();
  await expect(page.getByRole('spinbutton', { name: 'Snooze for' })).toHaveValue('10');
  await expect(page.getByRole('switch', { name: /Sound/ })).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('settings-managed.png') });

  // IPC, asked the way the window asks.
  const refused = await page.evaluate(() =>
    (window as unknown as { limber: { request(x: unknown): Promise<Reply> } }).limber.request({ type: 'settings:set', patch: { microBreak: { everyMinutes: 20 } } }),
  );
  expect(refused).toMatchObject({ ok: false, error: 'microBreak.everyMinutes is set by your organisation and cannot be changed' });
  expect((await app.settings()).microBreak.everyMinutes).toBe(45);

  // The command line, through the running app.
  const skip = await app.cli('skip');
  expect(skip.code).toBe(1);
  expect(skip.stdout + skip.stderr).toMatch(/does not allow skipping/);
  const pause = await app.cli('pause', '90');
  expect(pause.code).toBe(1);
  expect(pause.stdout + pause.stderr).toMatch(/maxPauseMinutes 60/);
  expect((await app.cli('pause', '30')).code).toBe(0);
  const settings = JSON.parse((await app.cli('settings', '--json')).stdout) as { origin: Record<string, string> };
  expect(settings.origin).toMatchObject({ 'microBreak.everyMinutes': 'managed', snoozeMinutes: 'recommended', sound: 'managed' });

  // A changed file applies without a restart; the window follows.
  writeFileSync(MANAGED, JSON.stringify({ microBreak: { everyMinutes: 50 } }));
  await expect(every).toHaveValue('50');
  writeFileSync(MANAGED, JSON.stringify({}));
  await expect(every).toBeEnabled();
  await expect(every).toHaveValue('30');
});

test('without skipping allowed, the break player has no Skip and Esc asks nothing', async ({ limber }, testInfo) => {
  const app = await limber({ realNotifications: false, dataDir });
  await app.clickMenu('break:long');
  const page = await app.breakPage();
  await expect(page.getByRole('button', { name: 'Finish' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Snooze' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Skip/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('player-no-skip.png') });
  expect((await app.status()).phase).toBe('on-break');
});
