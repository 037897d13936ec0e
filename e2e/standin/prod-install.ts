// A production-only install of Limber (`npm ci --omit=dev`), as a packaged app gets it, plus a copy of the build to
// run from it. The install is cached per package-lock.json under the temp folder; npm's cache makes it quick after
// the first time (`--prefer-offline`: offline when the cache has everything, as it does after `npm ci`).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';

export const root = resolve(import.meta.dirname, '../..');

/** node_modules of a production-only install for the current lock file; made once per lock file. */
export function productionInstall(): string {
  const lock = readFileSync(join(root, 'package-lock.json'));
  const hash = createHash('sha256').update(lock).update(readFileSync(join(root, 'package.json'))).digest('hex').slice(0, 16);
  const cache = join(tmpdir(), 'limber-prod-install');
  const dir = join(cache, hash);
  if (existsSync(join(dir, 'node_modules', '.package-lock.json'))) return join(dir, 'node_modules');
  mkdirSync(cache, { recursive: true });
  const staging = mkdtempSync(join(cache, 'staging-'));
  try {
    cpSync(join(root, 'package.json'), join(staging, 'package.json'));
    writeFileSync(join(staging, 'package-lock.json'), lock);
    execFileSync('npm', ['ci', '--omit=dev', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: staging,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // Another run may have finished the same install meanwhile: then use that one.
    try {
      renameSync(staging, dir);
    } catch (e) {
      if (!existsSync(join(dir, 'node_modules', '.package-lock.json'))) throw e;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return join(dir, 'node_modules');
}

/**
 * A scratch app folder: package.json, the built out/{main,preload,renderer}, resources/, the production-only
 * node_modules, and the stand-in compiled to JavaScript in standin/. Copies, not links: main resolves its imports
 * from where its file really is.
 */
export function scratchApp(): string {
  for (const d of ['out/main/main.js', 'out/preload/preload.cjs', 'out/renderer/break.html']) {
    if (!existsSync(join(root, d))) throw new Error(`${d} is missing: run \`npm run build\` first`);
  }
  const nodeModules = productionInstall();
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'limber-boot-')));
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  for (const d of ['out/main', 'out/preload', 'out/renderer', 'resources/icons']) cpSync(join(root, d), join(dir, d), { recursive: true });
  rmSync(join(dir, 'resources/icons/src'), { recursive: true, force: true });
  symlinkSync(nodeModules, join(dir, 'node_modules'), 'dir');
  mkdirSync(join(dir, 'standin'));
  for (const f of ['electron', 'hooks', 'run']) {
    const source = readFileSync(join(root, 'e2e/standin', `${f}.ts`), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
      fileName: `${f}.ts`,
    });
    writeFileSync(join(dir, 'standin', `${f}.js`), outputText);
  }
  return dir;
}
