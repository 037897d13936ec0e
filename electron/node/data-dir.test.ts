import { describe, expect, it } from 'vitest';
import { resolveDataDir, userDataDir, userDataDirArg } from './data-dir.ts';

describe('data folder', () => {
  it('follows Electron userData on each platform', () => {
    expect(userDataDir({ platform: 'linux', env: {}, home: '/home/ann' })).toBe('/home/ann/.config/Limber');
    expect(userDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/cfg' }, home: '/home/ann' })).toBe('/cfg/Limber');
    expect(userDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: 'relative' }, home: '/home/ann' })).toBe('/home/ann/.config/Limber');
    expect(userDataDir({ platform: 'darwin', env: {}, home: '/Users/ann' })).toBe('/Users/ann/Library/Application Support/Limber');
    expect(userDataDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, home: 'C:\\Users\\ann' })).toBe('C:\\Users\\ann\\AppData\\Roaming\\Limber');
    expect(userDataDir({ platform: 'win32', env: {}, home: 'C:\\Users\\ann' })).toBe('C:\\Users\\ann\\AppData\\Roaming\\Limber');
  });

  it('prefers --user-data-dir, in both spellings, resolved against the working folder', () => {
    expect(userDataDirArg(['stats', '--user-data-dir', 'd1'])).toBe('d1');
    expect(userDataDirArg(['--user-data-dir=/x/y', 'doctor'])).toBe('/x/y');
    expect(userDataDirArg(['doctor'])).toBeUndefined();
    expect(resolveDataDir('data', { platform: 'linux', env: {}, home: '/h' }, '/srv/app')).toBe('/srv/app/data');
    expect(resolveDataDir(undefined, { platform: 'linux', env: {}, home: '/h' }, '/work')).toBe('/h/.config/Limber');
  });
});
