// settingsGarbage10MbMs: opening a data folder whose settings.json is 10 MB of garbage — read, found unreadable,
// moved aside whole, defaults written (goal: well under a second; a figure, never a test's limit).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SettingsFile } from '../electron/node/settings-file.ts';

export function benchSettingsGarbage(): { settingsGarbage10MbMs: number } {
  const bytes = Buffer.alloc(10 * 1024 * 1024);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'limber-bench-settings-'));
  try {
    fs.writeFileSync(path.join(dir, 'settings.json'), bytes);
    const t0 = performance.now();
    new SettingsFile({ dataDir: dir }).load();
    return { settingsGarbage10MbMs: Math.round(performance.now() - t0) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
