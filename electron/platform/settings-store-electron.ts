// The Electron build's settings store: electron-store over the same options, file and load/repair logic as conf.
import ElectronStore from 'electron-store';
import { SettingsFile, type SettingsFileOptions, type SettingsStore } from '../node/settings-file.ts';

export function createElectronSettingsStore(dataDir: string, opts: Omit<SettingsFileOptions, 'dataDir' | 'makeStore'> = {}): SettingsFile {
  // electron-store reads `name` (not `configName`) and keeps the given `cwd` and `projectVersion`.
  return new SettingsFile({ ...opts, dataDir, makeStore: (options) => new ElectronStore<Record<string, unknown>>(options) as unknown as SettingsStore });
}
