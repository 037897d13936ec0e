// The boot test's child process: installs the `electron` stand-in, imports the production build of main, plays one
// scenario the way Electron and a user would, and leaves the stand-in's record (plus what it saw) in a JSON report.
// Runs under plain Node in a production-only install; started by e2e/standin/main.boot.ts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as StandInModule from './electron.ts';

const here = import.meta.dirname;
// A scenario may play another OS: set before the stand-in and main read process.platform.
if (process.env.LIMBER_BOOT_PLATFORM) Object.defineProperty(process, 'platform', { value: process.env.LIMBER_BOOT_PLATFORM });
register(pathToFileURL(join(here, 'hooks.js')), { data: { standIn: pathToFileURL(join(here, 'electron.js')).href } });

const scenario = process.env.LIMBER_BOOT_SCENARIO ?? 'boot';
const mainFile = process.env.LIMBER_BOOT_MAIN!;
const { standIn } = (await import('electron')) as unknown as typeof StandInModule;
const seen: Record<string, unknown> = {};
const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));
async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  for (const start = Date.now(); !ok(); await tick()) if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
}
function finish(): never {
  standIn.writeReport();
  writeFileSync(process.env.LIMBER_BOOT_SEEN!, JSON.stringify(seen));
  process.exit(0);
}

// Written before main runs, so an exit inside main (app.exit, app.quit) still leaves what was seen so far.
writeFileSync(process.env.LIMBER_BOOT_SEEN!, '{}');
await import(pathToFileURL(mainFile).href);
if (scenario === 'cli' || scenario === 'second-launch' || scenario === 'fails') {
  // main ends the process itself (app.exit / app.quit); waiting here only keeps the event loop alive until it does.
  await tick(15_000);
  throw new Error(`main did not exit in scenario ${scenario}`);
}

await until('the tray', () => standIn.trays.length > 0 && standIn.record.readyHandled);
await tick(100);
const dataDir = standIn.record.setPath.find(([name]) => name === 'userData')?.[1] ?? null;
seen.dataDir = dataDir;
seen.dataDirFiles = dataDir && existsSync(join(dataDir, 'settings.json'));

// The CSP header main installs on every response.
await new Promise<void>((done) => {
  const listener = standIn.headersListener();
  if (!listener) return done();
  listener({ responseHeaders: { 'Content-Type': ['text/html'] } } as unknown as Electron.OnHeadersReceivedListenerDetails, (r) => {
    seen.headers = r.responseHeaders;
    done();
  });
});

// Pages come from main's app:// handler: a page with the CSP header, and no way out of the renderer folder.
const page = await standIn.fetchFromProtocol('app://limber/break.html');
seen.appPage = page && { status: page.status, csp: page.headers.get('content-security-policy'), type: page.headers.get('content-type'), html: (await page.text()).includes('<html') };
const escapes: Record<string, number | null> = {};
for (const url of ['app://limber/%2e%2e/main/main.js', 'app://limber/..%2fmain%2fmain.js', 'app://limber/assets/..%5c..%5cmain%5cmain.js', 'app://other/break.html']) {
  escapes[url] = (await standIn.fetchFromProtocol(url))?.status ?? null;
}
seen.appEscapes = escapes;

if (scenario === 'mac') {
  const before = standIn.windows.length;
  standIn.emitApp('activate', {}, false);
  await tick();
  seen.activateOpened = standIn.windows.slice(before).map((w) => w.rec.url);
}

// A second launch's command line arrives through second-instance (its additionalData), and is carried out.
standIn.emitApp('second-instance', {}, [], '/', { argv: ['pause', '30'] });
await tick();
seen.tooltipAfterPause = standIn.record.trays.at(-1)?.tooltips.at(-1);
standIn.emitApp('second-instance', {}, [], '/', { argv: ['resume'] });
await tick();

// A break started from the tray: its window, how it is locked down, and a Windows session end while it runs.
standIn.clickMenu('break:micro');
await until('the break window', () => standIn.windows.some((w) => w.rec.url?.endsWith('/break.html')));
const win = standIn.windows.find((w) => w.rec.url?.endsWith('/break.html'))!;
await tick(50);
const contents = win.webContents;
let prevented = false;
contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://example.com/');
seen.navigationBlocked = prevented;
seen.windowOpen = contents.openHandler?.({ url: 'https://example.com/' }).action ?? null;
seen.preloadExists = existsSync(String(win.rec.options.webPreferences?.preload));
win.emit('session-end', {});
await tick(50);
const history = dataDir ? join(dataDir, 'history.jsonl') : '';
seen.historyAfterSessionEnd = history && existsSync(history) ? readFileSync(history, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown) : [];
finish();
