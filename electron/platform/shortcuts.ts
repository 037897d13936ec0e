// The global quick-start shortcut. register() is silently refused when another app holds the keys: check and report.
import { globalShortcut } from 'electron';
import type { ShortcutPort } from '../ports.ts';

export function createElectronShortcuts(): ShortcutPort {
  return {
    register(accelerator, cb) {
      try {
        return globalShortcut.register(accelerator, cb) && globalShortcut.isRegistered(accelerator);
      } catch {
        // An accelerator Electron cannot parse throws; for the user that is the same as "not available".
        return false;
      }
    },
    unregisterAll() {
      globalShortcut.unregisterAll();
    },
  };
}
