import { describe, expect, it } from 'vitest';
import { findElectron, type ElectronLookup } from './electron-binary.ts';

function lookup(platform: NodeJS.Platform, files: Record<string, string>, env: Record<string, string> = {}): ElectronLookup {
  const packageDir = platform === 'win32' ? 'C:\\app\\node_modules\\electron' : '/app/node_modules/electron';
  const sep = platform === 'win32' ? '\\' : '/';
  const all: Record<string, string> = { [`${packageDir}${sep}package.json`]: '{"version":"45.5.0"}' };
  for (const [k, v] of Object.entries(files)) all[k.startsWith('/') || /^[A-Z]:/.test(k) ? k : `${packageDir}${sep}${k.replaceAll('/', sep)}`] = v;
  return { platform, env, packageDir, exists: (p) => p in all, read: (p) => all[p] ?? null };
}

describe('findElectron', () => {
  it.each([
    ['linux', '/opt/electron', '/opt/electron/electron'],
    ['darwin', '/opt/electron', '/opt/electron/Electron.app/Contents/MacOS/Electron'],
    ['win32', 'D:\\electron', 'D:\\electron\\electron.exe'],
  ] as const)('ELECTRON_OVERRIDE_DIST_PATH on %s: the binary where that OS keeps it', (platform, dir, bin) => {
    expect(findElectron(lookup(platform, { [bin]: '' }, { ELECTRON_OVERRIDE_DIST_PATH: dir }))).toEqual({ path: bin, version: '45.5.0' });
  });

  it('an override folder without the binary: the reason names the path, and no download is offered', () => {
    const r = findElectron(lookup('darwin', { '/opt/electron/electron': '' }, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }));
    expect(r).toMatchObject({ path: null, downloadable: false });
    expect(r.path === null && r.reason).toContain('/opt/electron/Electron.app/Contents/MacOS/Electron');
  });

  it('a downloaded binary of the right version is used; path.txt names it', () => {
    const files = { 'path.txt': 'electron', 'dist/version': 'v45.5.0', 'dist/electron': '' };
    expect(findElectron(lookup('linux', files)).path).toBe('/app/node_modules/electron/dist/electron');
    const win = { 'path.txt': 'electron.exe', 'dist/version': '45.5.0', 'dist/electron.exe': '' };
    expect(findElectron(lookup('win32', win)).path).toBe('C:\\app\\node_modules\\electron\\dist\\electron.exe');
  });

  it('nothing downloaded, or an older version left in dist: not found, a download would help', () => {
    expect(findElectron(lookup('linux', {}))).toMatchObject({ path: null, version: '45.5.0', downloadable: true });
    const stale = { 'path.txt': 'electron', 'dist/version': '39.8.9', 'dist/electron': '' };
    expect(findElectron(lookup('linux', stale))).toMatchObject({ path: null, downloadable: true });
  });

  it('a platform Electron does not build for says so', () => {
    expect(findElectron(lookup('aix', {}))).toMatchObject({ path: null, downloadable: false, reason: expect.stringContaining('aix') });
  });
});
