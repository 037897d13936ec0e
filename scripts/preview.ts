// `npm run preview`: Limber's real main-process logic on the real clock, with Chromium windows, for a person to try
// where Electron cannot run. The tray appears as a small page showing the icon state, tooltip and menu.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { systemClock } from '../electron/core/clock.ts';
import { resolveDataDir } from '../electron/node/data-dir.ts';
import { firstRun } from '../electron/node/first-run.ts';
import { launchChromium } from '../e2e/harness/chromium.ts';
import { startHarness } from '../e2e/harness/harness.ts';
import { openTrayPage } from '../e2e/harness/tray-page.ts';
import { ScriptedActivity } from '../e2e/harness/test-ports.ts';

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!headed) {
  console.log('preview: no display here (DISPLAY is not set), so there is nothing to show a person.');
  console.log('preview: running headless for a smoke check instead; on a desktop, `npm run preview` opens real windows.');
}

/** Idle time from xprintidle where it exists (X11), so the preview is idle-aware like the app. */
class DesktopActivity extends ScriptedActivity {
  override idleSeconds(): number {
    try {
      return Number(execFileSync('xprintidle', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) / 1000;
    } catch {
      return 0;
    }
  }
}

const browser = await launchChromium(!headed);
const flag = process.argv.indexOf('--user-data-dir');
const dataDir = resolveDataDir(flag > 0 ? process.argv[flag + 1] : undefined);
mkdirSync(dataDir, { recursive: true });
console.log(`preview: data folder ${dataDir}; \`npm run -s cli -- status\` talks to this preview`);
const h = await startHarness({ clock: systemClock, activity: new DesktopActivity(), browser, headless: !headed, dataDir, ...(headed ? { welcome: firstRun(dataDir) } : {}) });

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
