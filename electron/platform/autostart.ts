// Start at login: Electron's login items on macOS and Windows, an XDG autostart file on Linux.
import { app } from 'electron';
import { setLinuxAutostart } from '../node/autostart-linux.ts';
import type { AutostartPort } from '../ports.ts';

export function createAutostart(log: (m: string) => void): AutostartPort {
  return {
    set(enabled) {
      // A development run (electron .) must not register itself to start at every login.
      if (!app.isPackaged) return;
      try {
        if (process.platform === 'linux') setLinuxAutostart(enabled, process.env.APPIMAGE ?? process.execPath);
        else app.setLoginItemSettings({ openAtLogin: enabled });
      } catch (e) {
        log(`start at login could not be ${enabled ? 'turned on' : 'turned off'}: ${(e as Error).message}`);
      }
    },
  };
}
