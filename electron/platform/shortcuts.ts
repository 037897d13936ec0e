// The global quick-start shortcut. register() is silently refused when another app holds the keys: check and report.
import { globalShortcut } from 'electron';
import type { ShortcutPort } from '../ports.ts';

export type GlobalShortcutLike = Pick<typeof globalShortcut, 'register' | 'isRegistered' | 'unregisterAll'>;

export function createElectronShortcuts(gs: GlobalShortcutLike = globalShortcut): ShortcutPort {
  return {
    register(accelerator, cb) {
      try {
        return gs.register(accelerator, cb) && gs.isRegistered(accelerator);
      } catch {
        // An accelerator Electron cannot parse throws; for the user that is the same as "not available".
        return false;
      }
    },
    unregisterAll() {
      gs.unregisterAll();
    },
  };
}
