// The app:// mapping under Node, over a real folder with a real file beside it that no request may reach.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN, resolveAppRequest } from '../core/app-protocol.ts';
import { CONTENT_SECURITY_POLICY } from '../csp.ts';
import { serveAppRequest } from './app-protocol.ts';

let top: string;
let renderer: string;
beforeAll(() => {
  top = fs.mkdtempSync(path.join(os.tmpdir(), 'limber-app-protocol-'));
  renderer = path.join(top, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'break.html'), '<!doctype html><title>break</title>');
  fs.writeFileSync(path.join(renderer, 'assets', 'break-1a2b.js'), 'export {}');
  fs.writeFileSync(path.join(top, 'secret.js'), 'stolen');
  fs.writeFileSync(path.join(top, 'renderer-evil.js'), 'stolen');
});
afterAll(() => fs.rmSync(top, { recursive: true, force: true }));

describe('app:// requests', () => {
  it('serve the renderer files with their type, the CSP as a header and no sniffing', async () => {
    const page = await serveAppRequest(renderer, `${APP_ORIGIN}break.html?lang=de#x`);
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('<title>break</title>');
    expect(page.headers).toMatchObject({ 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' });
    const script = await serveAppRequest(renderer, `${APP_ORIGIN}assets/break-1a2b.js`);
    expect([script.status, script.headers['Content-Type']]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect((await serveAppRequest(renderer, `${APP_ORIGIN}missing.html`)).status).toBe(404);
  });

  it('refuse every way out of the folder: dot segments, encodings, backslashes, absolute paths', async () => {
    const attempts = [
      '../secret.js', '%2e%2e/secret.js', '.%2e/secret.js', '%2E%2E%2Fsecret.js', 'assets/..%2f..%2fsecret.js', '..%5csecret.js',
      'assets\\..\\..\\secret.js', './break.html', 'assets//break-1a2b.js', '%2fetc%2fpasswd', '/etc/passwd.js',
      'break.html%00.js', '..', '.', '../renderer-evil.js', 'assets/../../secret.js', '%252e%252e/secret.js', '~/secret.js',
    ];
    for (const a of attempts) {
      const r = await serveAppRequest(renderer, `${APP_ORIGIN}${a}`);
      expect(r.status, a).not.toBe(200);
      expect(String(r.body), a).not.toContain('stolen');
    }
  });

  it('refuse other origins and files the renderer does not ship', () => {
    expect(resolveAppRequest('file:///etc/passwd')).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppRequest('app://other/break.html')).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppRequest(`${APP_ORIGIN}package.json`)).toMatchObject({ ok: false, status: 404 });
    expect(resolveAppRequest(`${APP_ORIGIN}`)).toMatchObject({ ok: false, status: 404 });
    expect(resolveAppRequest('https://limber.invalid/break.html', 'https://limber.invalid/')).toEqual({ ok: true, path: 'break.html', contentType: 'text/html; charset=utf-8' });
  });

  it('never maps any URL to a path with a dot segment or outside the folder', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('..', '.', '%2e', '%2f', '/', '\\', 'a', 'b.js', '%5c', '%00', '?', '#', '.html', ''), { maxLength: 10 }), (parts) => {
        const r = resolveAppRequest(APP_ORIGIN + parts.join(''));
        if (r.ok) {
          expect(r.path.split('/')).not.toContain('..');
          expect(path.resolve(renderer, r.path).startsWith(renderer + path.sep)).toBe(true);
          expect(r.path).not.toMatch(/[%\\]/);
        }
      }),
    );
  });
});
