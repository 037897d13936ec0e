import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_PLACEHOLDER, withCsp } from './csp.ts';

const renderer = resolve(import.meta.dirname, '../renderer');

it('every page carries the placeholder the build fills with the one policy', () => {
  const pages = readdirSync(renderer).filter((f) => f.endsWith('.html'));
  expect(pages.length).toBeGreaterThanOrEqual(4);
  for (const page of pages) {
    const html = readFileSync(join(renderer, page), 'utf8');
    expect(html, page).toMatch(new RegExp(`http-equiv="Content-Security-Policy"\\s+content="${CSP_PLACEHOLDER}"`));
    expect(withCsp(html)).toContain(CONTENT_SECURITY_POLICY);
  }
});

it('allows no remote, inline or eval code', () => {
  expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
  expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
});

it('refuses a page without the placeholder rather than shipping it unprotected', () => {
  expect(() => withCsp('<html><head></head></html>')).toThrow(/placeholder/);
});
