// The welcome window is shown once per data folder. A marker file remembers it: settings.json alone is no sign of a
// first run, since doctor or a hand edit may create it earlier.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivateFile } from './private-files.ts';

export const WELCOME_MARKER = 'welcome-shown';

export function firstRun(dataDir: string, warn: (m: string) => void = () => {}): { due: boolean; markShown: () => void } {
  const marker = join(dataDir, WELCOME_MARKER);
  return {
    due: !existsSync(marker),
    markShown: () => {
      try {
        writePrivateFile(marker, `${new Date().toISOString()}\n`);
      } catch (e) {
        warn(`could not remember that the welcome was shown: ${(e as Error).message}`);
      }
    },
  };
}
