// `npm start` (after setup and build): launch the built app in Electron. Its binary is downloaded on the first start
// (Electron's own install.js, the same as `npx install-electron`); where that cannot happen, say so in a few lines.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { findElectron } from './electron-binary.ts';

const root = resolve(import.meta.dirname, '..');

function cannotStart(why: string, version: string): never {
  console.error(`Limber cannot start: ${why}.`);
  console.error(`  Without Electron, \`npm run preview\` runs Limber with Chromium windows; or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron ${version} folder.`);
  process.exit(1);
}

let found = findElectron();
if (found.path === null && found.downloadable) {
  console.log(`Downloading Electron ${found.version} for the first start…`);
  const installer = join(dirname(createRequire(import.meta.url).resolve('electron/package.json')), 'install.js');
  // Its own output is a stack trace when offline: keep it, and show only its first line.
  const r = spawnSync(process.execPath, [installer], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) {
    const first = `${r.stderr ?? ''}${r.stdout ?? ''}`.split('\n').find((l) => l.trim()) ?? r.error?.message ?? `exit ${r.status}`;
    cannotStart(`Electron ${found.version} could not be downloaded (${first.trim()})`, found.version);
  }
  found = findElectron();
}
if (found.path === null) cannotStart(found.reason, found.version);

const child = spawn(found.path, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('error', (e) => cannotStart(`${found.path} did not run (${e.message})`, found.version));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
