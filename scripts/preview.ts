// `npm run preview`: Limber's real main-process logic on the real clock, with Chromium windows, for a person to try
// where Electron cannot run. The tray appears as a small app window showing the icon state, tooltip and menu.
import { mkdirSync } from 'node:fs';
import { systemClock } from '../electron/core/clock.ts';
import { resolveDataDir, userDataDirArg } from '../electron/node/data-dir.ts';
import { firstRun } from '../electron/node/first-run.ts';
import { createDbus } from '../electron/node/presence/dbus.ts';
import { launchChromium, removeAppWindowProfiles } from '../e2e/harness/chromium.ts';
import { startHarness } from '../e2e/harness/harness.ts';
import { openTrayPage } from '../e2e/harness/tray-page.ts';
import { presenceLine, previewDesktop, screenArea, trayMenuBounds, workArea } from './preview-desktop.ts';

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!headed) {
  console.log('preview: no display here (DISPLAY is not set), so there is nothing to show a person.');
  console.log('preview: running headless for a smoke check instead; on a desktop, `npm run preview` opens real windows.');
}

const browser = await launchChromium(!headed, { ownSignals: true });
const dataDir = resolveDataDir(userDataDirArg(process.argv.slice(2)));
mkdirSync(dataDir, { recursive: true });
console.log(`preview: data folder ${dataDir}; \`npm run -s cli -- status\` talks to this preview`);
// Presence and holds as the Electron entry builds them, with xprintidle where Electron would ask powerMonitor.
const bus = createDbus();
const desktop = previewDesktop({ platform: process.platform, env: process.env, bus, clock: systemClock });
const area = headed ? workArea() : null;
const h = await startHarness({
  clock: systemClock,
  presence: desktop.sources.activity,
  holds: desktop.sources.holds,
  browser,
  headless: !headed,
  dataDir,
  // On a desktop, each window is a Chromium app window at its real size and place.
  ...(area ? { welcome: firstRun(dataDir), appWindows: { area } } : {}),
});
const presence = await desktop.sources.start();
if (presence) h.app.reportPresence(presence);
console.log(`preview: ${presenceLine(presence, desktop.fallback)}`);

const trayPage = await openTrayPage(browser, h.tray, false, area ? trayMenuBounds(area, screenArea()) : undefined);
console.log(`preview: tray — ${h.tray.current.tooltip}`);

let quitting: Promise<void> | null = null;
/** Everything closed (windows, control socket, Chromium), then the app windows' profile folders removed. */
function quit(): Promise<void> {
  quitting ??= (async () => {
    desktop.sources.stop();
    bus.close();
    await h.close();
    await trayPage.context().close().catch(() => {});
    await browser.close();
    await removeAppWindowProfiles();
  })();
  return quitting;
}

// Ctrl+C and SIGTERM end the preview the way closing the tray window does, then exit as a signal would (128 + n).
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.once(signal, () => {
    console.log(`preview: ${signal}, closing`);
    void quit().finally(() => process.exit(code));
  });
}

if (!headed) {
  h.tray.clickMenu('break:micro');
  const page = await h.windows.page('break');
  console.log(`preview: break window shows "${await page.getByRole('heading', { level: 1 }).textContent()}"`);
  await quit();
} else {
  console.log('preview: use the tray window; close it (or press Ctrl+C) to quit.');
  trayPage.on('close', () => void quit().then(() => process.exit(0)));
}
