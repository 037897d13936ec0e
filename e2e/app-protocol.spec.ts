// Pages served the way Electron serves them (app://limber/, here the harness origin through the same handler), in
// real Chromium: the CSP arrives as a header and holds on its own, and a script from another folder does not run.
// Under file:// — how pages loaded before — the same script ran under the same CSP, since 'self' there is every file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type BrowserContext } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../electron/csp.ts';
import { serveAppRequest } from '../electron/node/app-protocol.ts';
import { launchChromium } from './harness/chromium.ts';
import { HARNESS_ORIGIN } from './harness/chromium-windows.ts';
import { RENDERER_DIR } from './harness/harness.ts';


let top: string;
let renderer: string;
// eslint-disable-next-line no-empty-pattern -- Playwright reads a hook's fixtures from this pattern.
test.beforeAll(({}, info) => {
  // Plain Chromium and the handler under Node: nothing here needs Electron, so it runs once, in the harness project.
  test.skip(info.project.name !== 'harness', 'runs once, in real Chromium');
  top = mkdtempSync(join(tmpdir(), 'limber-csp-'));
  renderer = join(top, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  mkdirSync(join(top, 'elsewhere'));
  // Another folder on the same disk, as a downloaded file or another app's would be.
  writeFileSync(join(top, 'elsewhere', 'evil.js'), 'window.ranEvil = true;');
  writeFileSync(join(renderer, 'assets', 'ours.js'), 'window.ranOurs = true;');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`;
  const escapes = ['../elsewhere/evil.js', '%2e%2e/elsewhere/evil.js', '..%2felsewhere%2fevil.js', 'assets/..%5c..%5celsewhere%5cevil.js'];
  writeFileSync(join(renderer, 'escape.html'), `<!doctype html><html><head>${meta}</head><body>${escapes.map((s) => `<script src="${s}"></script>`).join('')}<script src="assets/ours.js"></script></body></html>`);
  // No <meta>: only the header can stop the inline script.
  writeFileSync(join(renderer, 'header-only.html'), '<!doctype html><html><body><script>window.ranInline = true;</script><script src="assets/ours.js"></script></body></html>');
});
test.afterAll(() => void (top && rmSync(top, { recursive: true, force: true })));

async function served(dir: string): Promise<BrowserContext> {
  const browser = await launchChromium();
  const context = await browser.newContext();
  context.on('close', () => void browser.close());
  await context.route(`${HARNESS_ORIGIN}**`, async (route) => {
    const r = await serveAppRequest(dir, route.request().url(), HARNESS_ORIGIN);
    await route.fulfill({ status: r.status, headers: r.headers, body: r.body });
  });
  return context;
}

const ran = (name: string) => `Boolean(window.${name})`;

test('a script from another folder runs under file:// with the CSP, and not from the app origin', async () => {
  const context = await served(renderer);
  const page = await context.newPage();
  // The finding, reproduced: file:// and the exact meta CSP, and the other folder's script runs.
  await page.goto(pathToFileURL(join(renderer, 'escape.html')).href);
  expect(await page.evaluate(ran('ranOurs'))).toBe(true);
  expect(await page.evaluate(ran('ranEvil'))).toBe(true);
  // Served as Electron now serves it: our script runs, the other folder's cannot even be named.
  await page.goto(`${HARNESS_ORIGIN}escape.html`);
  expect(await page.evaluate(ran('ranOurs'))).toBe(true);
  expect(await page.evaluate(ran('ranEvil'))).toBe(false);
  await context.close();
});

test('the CSP arrives as a header and holds without the <meta>', async () => {
  const context = await served(renderer);
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (m) => violations.push(m.text()));
  const response = await page.goto(`${HARNESS_ORIGIN}header-only.html`);
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  expect(await page.evaluate(ran('ranOurs'))).toBe(true);
  expect(await page.evaluate(ran('ranInline'))).toBe(false);
  expect(violations.join('\n')).toMatch(/Content Security Policy/);
  await context.close();
});

test("Limber's own pages come with the header and load their scripts", async () => {
  const context = await served(RENDERER_DIR);
  const page = await context.newPage();
  const loaded: string[] = [];
  page.on('response', (r) => void loaded.push(`${r.status()} ${r.url().slice(HARNESS_ORIGIN.length).replace(/-[\w-]{8}\./, '.')}`));
  const response = await page.goto(`${HARNESS_ORIGIN}settings.html`, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  // Its own script and style (content-hashed names), each answered by the handler.
  expect(loaded).toEqual(expect.arrayContaining(['200 settings.html', '200 assets/settings.js', '200 assets/settings.css']));
  expect(loaded.filter((l) => !l.startsWith('200'))).toEqual([]);
  await context.close();
});
