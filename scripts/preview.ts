// `npm run preview`: Limber's real main-process logic on the real clock, with Chromium windows, for a person to try
// where Electron cannot run. The tray appears as a small page showing the icon state, tooltip and menu.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { systemClock } from '../electron/core/clock.ts';
import type { MenuItem, TrayView } from '../electron/core/tray-model.ts';
import { resolveDataDir } from '../electron/node/data-dir.ts';
import { launchChromium } from '../e2e/harness/chromium.ts';
import { startHarness } from '../e2e/harness/harness.ts';
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
      return Number(execFileSync('xprintidle', { encoding: 'utf8' })) / 1000;
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
const h = await startHarness({ clock: systemClock, activity: new DesktopActivity(), browser, headless: !headed, dataDir });

const iconFile = (v: TrayView) => resolve(import.meta.dirname, `../resources/icons/tray-${v.icon}-48.png`);
const trayContext = await browser.newContext({ viewport: { width: 300, height: 460 } });
const trayPage = await trayContext.newPage();
await trayPage.exposeFunction('clickMenu', (id: string) => h.tray.clickMenu(id));

function menuHtml(items: MenuItem[]): string {
  return items
    .map((i) =>
      i.separator
        ? '<hr>'
        : i.submenu
          ? `<details><summary>${i.label} ▸</summary>${menuHtml(i.submenu)}</details>`
          : `<button ${i.enabled === false ? 'disabled' : ''} data-id="${i.id}">${i.label}</button>`,
    )
    .join('');
}

async function showTray(v: TrayView) {
  const icon = readFileSync(iconFile(v)).toString('base64');
  await trayPage.setContent(`<!doctype html><title>Limber tray</title>
    <style>body{font:14px system-ui;margin:10px}button{display:block;width:100%;text-align:left;margin:2px 0}
    header{display:flex;gap:8px;align-items:center}</style>
    <header><img alt="${v.icon}" src="data:image/png;base64,${icon}" width="32"><div><b>${v.icon}</b><br>${v.tooltip}</div></header><hr>
    ${menuHtml(v.menu)}
    <script>document.addEventListener('click', e => { const id = e.target?.dataset?.id; if (id) window.clickMenu(id); });</script>`);
}

let shown = '';
const render = h.tray.render.bind(h.tray);
h.tray.render = (v: TrayView) => {
  render(v);
  const key = JSON.stringify(v);
  if (key !== shown) {
    shown = key;
    void showTray(v);
  }
};
await showTray(h.tray.current);
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
