// `npm start`: launch the built app in Electron, or say plainly why that cannot happen here.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let binary = null;
const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
if (override && existsSync(`${override}/electron`)) binary = `${override}/electron`;
if (!binary) {
  try {
    const p = require('electron');
    if (typeof p === 'string' && existsSync(p)) binary = p;
  } catch {
    // electron/index.js throws when its binary was never downloaded.
  }
}
if (!binary) {
  const version = require('electron/package.json').version;
  console.error(`Limber cannot start: the Electron ${version} binary is not installed.
  - With internet access: node node_modules/electron/install.js   (downloads it), then npm start
  - Or point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron ${version} folder.
  - Without Electron, \`npm run preview\` runs Limber's real main-process logic with Chromium windows.`);
  process.exit(1);
}
const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
