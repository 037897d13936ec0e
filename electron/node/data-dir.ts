// Where Limber keeps settings.json and history.jsonl: `--user-data-dir DIR`, else Electron's userData folder
// for the app name "Limber", computed the way Electron does so the command line finds the app's data.
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Limber';

export interface PlatformInfo {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
}

function currentPlatform(): PlatformInfo {
  return { platform: process.platform, env: process.env, home: os.homedir() };
}

/** Electron's `app.getPath('userData')`: appData + app name. */
export function userDataDir(p: PlatformInfo = currentPlatform()): string {
  const join = p.platform === 'win32' ? path.win32.join : path.posix.join;
  switch (p.platform) {
    case 'win32':
      return join(p.env['APPDATA'] || join(p.home, 'AppData', 'Roaming'), APP_NAME);
    case 'darwin':
      return join(p.home, 'Library', 'Application Support', APP_NAME);
    default:
      // XDG says a relative XDG_CONFIG_HOME is invalid and must be ignored.
      return join(p.env['XDG_CONFIG_HOME'] && path.posix.isAbsolute(p.env['XDG_CONFIG_HOME']) ? p.env['XDG_CONFIG_HOME'] : join(p.home, '.config'), APP_NAME);
  }
}

/** The value of `--user-data-dir DIR` or `--user-data-dir=DIR` in `argv`, if given. */
export function userDataDirArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--user-data-dir') return argv[i + 1];
    if (a.startsWith('--user-data-dir=')) return a.slice('--user-data-dir='.length);
  }
  return undefined;
}

/** The data folder, absolute: the flag (relative to `cwd`) or the platform's userData folder. */
export function resolveDataDir(flag: string | undefined, p: PlatformInfo = currentPlatform(), cwd = process.cwd()): string {
  return flag ? path.resolve(cwd, flag) : userDataDir(p);
}
