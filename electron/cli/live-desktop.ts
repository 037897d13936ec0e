// What `doctor` says about this desktop, asked live over D-Bus. Its own module, imported by the command line only
// when `doctor` runs, so the other commands start without loading D-Bus (and the bundle has one dynamic import
// whose module nothing else imports statically).
import { systemClock } from '../core/clock.ts';
import { createDbus } from '../node/presence/dbus.ts';
import { desktopReport } from '../node/presence/desktop-report.ts';

export async function liveDesktopReport(): Promise<string> {
  const bus = createDbus();
  try {
    return await desktopReport({ platform: process.platform, env: process.env, bus, clock: systemClock });
  } finally {
    bus.close();
  }
}
