// The LIMBER_E2E=1 test hooks (electron/platform/e2e-hooks.ts) are compiled out of the main bundle `npm run dist`
// packages: the release build's define makes their branch dead code, and the bundler drops it with the module.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Every JavaScript file the build of main writes for `mode`, as one text. */
async function mainBundle(mode: 'main' | 'release'): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), `limber-${mode}-`));
  dirs.push(outDir);
  await build({ root, configFile: join(root, 'vite.config.electron.ts'), mode, logLevel: 'silent', build: { outDir } });
  return readdirSync(outDir).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(outDir, f), 'utf8')).join('\n');
}

/** What only the hooks contain: the switch, the global Playwright reads, and the hooks' own members. */
const HOOK_MARKS = ['LIMBER_E2E', '__limberE2E', 'heldElsewhere', 'windowsOpened', 'pressShortcut'];

describe('the release build of main', () => {
  it('has none of the test hooks, which the test build has', { timeout: 240_000 }, async () => {
    const [test, release] = [await mainBundle('main'), await mainBundle('release')];
    for (const mark of HOOK_MARKS) expect(test, `the test build lacks ${mark}: the check would prove nothing`).toContain(mark);
    for (const mark of HOOK_MARKS) expect(release, mark).not.toContain(mark);
    // The rest of main is there: the app scheme, the single-instance lock.
    expect(release).toContain('registerSchemesAsPrivileged');
    expect(release).toContain('requestSingleInstanceLock');
  });
});
