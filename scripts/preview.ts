// `npm run preview`: Limber's real main-process logic on the real clock, with Chromium windows, for a person to try
// where Electron cannot run. The tray appears as a small page showing the icon state, tooltip and menu.
import { mkdirSync } from 'node:fs';
import { systemClock } from '../electron/core/clock.ts';
import { resolveDataDir, userDataDirArg } from '../electron/node/data-dir.ts';
import { firstRun } from '../electron/node/first-run.ts';
import { launchChromium } from '../e2e/harness/chromium.ts';
import { startHarness } from '../e2e/harness/harness.ts';
import { openTrayPage } from '../e2e/harness/tray-page.ts';
import { DesktopActivity, workArea } from './preview-desktop.ts';

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!headed) {
  console.log('preview: no display here (DISPLAY is not set), so there is nothing to show a person.');
  console.log('preview: running headless for a smoke check instead; on a desktop, `npm run preview` opens real windows.');
}

const browser = await launchChromium(!headed);
const dataDir = resolveDataDir(userDataDirArg(process.argv.slice(2)));
mkdirSync(dataDir, { recursive: true });
console.log(`preview: data folder ${dataDir}; \`npm run -s cli -- status\` talks to this preview`);
const activity = new DesktopActivity();
if (headed && activity.missing.length) console.log(`preview: no ${activity.missing.join(', no ')}: you count as always at the desk`);
const h = await startHarness({
  clock: systemClock,
  activity,
  browser,
  headless: !headed,
  dataDir,
  // On a desktop, each window is a Chromium app window at its real size and place.
  ...(headed ? { welcome: firstRun(dataDir), appWindows: { area: workArea() } } : {}),
});

const trayPage = await openTrayPage(browser, h.tray);
console.log(`preview: tray — ${h.tray.current.tooltip}`);

if (!headed) {
  h.tray.clickMenu('break:micro');
  const page = await h.windows.page('break');
  console.log(`preview: break window shows "${await page.getByRole('heading', { level: 1 }).textContent()}"`);
  await h.close();
  await browser.close();
} else {
  console.log('preview: use the tray page; close it (or press Ctrl+C) to quit.');
  trayPage.on('close', () => void h.close().then(() => browser.close()).then(() => process.exit(0)));
}
