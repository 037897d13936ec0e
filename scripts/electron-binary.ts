// Where Electron's binary is, found without `require('electron')`: from Electron 42 on, that call downloads the
// binary on first use (and prints a stack trace offline). Shared by `npm start` and the e2e fixtures.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The executable inside an unpacked Electron folder, per platform (as electron/install.js names it). */
export const BINARY_IN_DIST: Readonly<Partial<Record<NodeJS.Platform, string>>> = {
  linux: 'electron',
  freebsd: 'electron',
  openbsd: 'electron',
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
};

export interface ElectronLookup {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** The electron npm package's folder. */
  packageDir: string;
  exists(p: string): boolean;
  read(p: string): string | null;
}

export type ElectronBinary =
  | { path: string; version: string }
  | { path: null; version: string; reason: string; /** true when a download would help (nothing overrides it) */ downloadable: boolean };

function currentLookup(): ElectronLookup {
  const require = createRequire(import.meta.url);
  return {
    platform: process.platform,
    env: process.env,
    packageDir: path.dirname(require.resolve('electron/package.json')),
    exists: existsSync,
    read: (p) => {
      try {
        return readFileSync(p, 'utf8');
      } catch {
        return null;
      }
    },
  };
}

export function findElectron(l: ElectronLookup = currentLookup()): ElectronBinary {
  const p = l.platform === 'win32' ? path.win32 : path.posix;
  const version = (JSON.parse(l.read(p.join(l.packageDir, 'package.json')) ?? '{}') as { version?: string }).version ?? '?';
  const inDist = BINARY_IN_DIST[l.platform];
  if (!inDist) return { path: null, version, reason: `Electron has no builds for this platform (${l.platform})`, downloadable: false };
  const override = l.env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) {
    const bin = p.join(p.resolve(override), inDist);
    return l.exists(bin) ? { path: bin, version } : { path: null, version, reason: `ELECTRON_OVERRIDE_DIST_PATH has no Electron binary at ${bin}`, downloadable: false };
  }
  // What electron/install.js leaves behind: dist/ with the binary, dist/version, and path.txt naming the binary.
  const named = l.read(p.join(l.packageDir, 'path.txt'))?.trim();
  const installed = l.read(p.join(l.packageDir, 'dist', 'version'))?.trim().replace(/^v/, '');
  const bin = p.join(l.packageDir, 'dist', named || inDist);
  if (installed === version && l.exists(bin)) return { path: bin, version };
  return { path: null, version, reason: `the Electron ${version} binary is not downloaded yet`, downloadable: true };
}
