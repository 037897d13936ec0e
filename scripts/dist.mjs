// `npm run dist`: installers for the current OS with electron-builder (config: electron-builder.yml, output: dist/).
// electron-builder downloads Electron itself and its packaging tools (AppImage runtime, fpm, NSIS, …) from GitHub.
// Where that cannot happen this script says what is missing and how to provide it, and exits non-zero.
//   Extra arguments go to electron-builder, e.g. `npm run dist -- --x64 --arm64` or `npm run dist -- --dir`.
//   ELECTRON_OVERRIDE_DIST_PATH=DIR  use an unpacked Electron of the same version instead of downloading it.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const platformFlag = { linux: '--linux', darwin: '--mac', win32: '--win' }[process.platform];
const targets = { linux: 'AppImage and deb', darwin: 'dmg', win32: 'nsis installer' }[process.platform];

function fail(lines) {
  console.error(['', 'npm run dist: no installers were built.', ...lines.map((l) => `  ${l}`), ''].join('\n'));
  process.exit(1);
}

if (!platformFlag) fail([`electron-builder has no target for this OS (${process.platform}).`]);

/** Where @electron/get keeps downloaded Electron zips. */
function electronCacheDir() {
  if (process.env.ELECTRON_CACHE) return process.env.ELECTRON_CACHE;
  if (process.platform === 'darwin') return join(homedir(), 'Library/Caches/electron');
  if (process.platform === 'win32') return join(process.env.LOCALAPPDATA ?? join(homedir(), 'AppData/Local'), 'electron/Cache');
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'electron');
}

/** A cached electron-v<version>-<platform>-<arch>.zip (stored one folder deep, under a hash of its URL). */
function cachedElectronZip() {
  const dir = electronCacheDir();
  const name = `electron-v${electronVersion}-${process.platform}-${process.arch}.zip`;
  if (!existsSync(dir)) return null;
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (entry === name) return p;
    if (statSync(p).isDirectory() && existsSync(join(p, name))) return join(p, name);
  }
  return null;
}

async function reachable(url) {
  try {
    const res = await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(8000) });
    return res.status > 0;
  } catch {
    return false;
  }
}

const args = [platformFlag, '--publish', 'never', ...process.argv.slice(2)];
const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
if (override) {
  if (!existsSync(override)) fail([`ELECTRON_OVERRIDE_DIST_PATH=${override} does not exist.`]);
  args.push(`-c.electronDist=${override}`);
}

const electronMirror = process.env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/';
const toolsMirror = process.env.ELECTRON_BUILDER_BINARIES_MIRROR ?? 'https://github.com/electron-userland/electron-builder-binaries/releases/';
const haveElectron = Boolean(override) || cachedElectronZip() !== null;
const [electronOnline, toolsOnline] = await Promise.all([haveElectron ? true : reachable(electronMirror), reachable(toolsMirror)]);
if (!electronOnline || !toolsOnline) {
  const missing = [];
  if (!electronOnline) {
    missing.push(
      `Electron ${electronVersion} for ${process.platform}-${process.arch}: not in ${electronCacheDir()} and ${electronMirror} cannot be reached.`,
      '  Provide it with ELECTRON_OVERRIDE_DIST_PATH=<unpacked Electron dist>, a cached zip, or ELECTRON_MIRROR=<reachable mirror>.',
    );
  }
  if (!toolsOnline) {
    missing.push(
      `electron-builder's packaging tools for ${targets}: ${toolsMirror} cannot be reached.`,
      '  Provide them with ELECTRON_BUILDER_BINARIES_MIRROR=<reachable mirror> or a filled ELECTRON_BUILDER_CACHE.',
    );
  }
  fail(['Packaging needs downloads this machine cannot make:', ...missing]);
}

for (const f of ['out/main/main.js', 'out/preload/preload.cjs', 'out/renderer']) {
  if (!existsSync(join(root, f))) fail([`${f} is missing: the build did not run (use \`npm run dist\`, which builds first).`]);
}

// The release build of main (vite --mode release) has no LIMBER_E2E=1 test hooks; the test build must not be shipped.
if (readFileSync(join(root, 'out/main/main.js'), 'utf8').includes('LIMBER_E2E')) {
  fail(['out/main/main.js is the test build (it has the LIMBER_E2E hooks): run `npm run dist`, which makes the release build.']);
}

console.log(`npm run dist: building the ${targets} for ${process.platform}-${process.arch} (Electron ${electronVersion}) into dist/`);
const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder');
const child = spawn(bin, args, { cwd: root, stdio: ['inherit', 'inherit', 'pipe'], shell: process.platform === 'win32' });
let stderr = '';
child.stderr.on('data', (chunk) => {
  stderr += chunk;
  process.stderr.write(chunk);
});
child.on('close', (code) => {
  if (code === 0) {
    console.log('npm run dist: installers are in dist/');
    return;
  }
  const download = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|cannot (download|resolve)|status code 40[34]/i.exec(stderr);
  fail([
    download
      ? `electron-builder could not download something it needs (${download[0]}); see its output above for the URL.`
      : `electron-builder exited with code ${code}; see its output above.`,
  ]);
});
