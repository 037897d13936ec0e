// `limber doctor`'s look at this desktop: which presence and hold sources answer here, each asked once.
import type { Clock } from '../../core/clock.ts';
import type { HoldSource } from '../../core/holds.ts';
import type { DbusPort } from './dbus.ts';
import { DesktopPresence } from './desktop-presence.ts';
import { askWithin } from './guard.ts';
import { describeRoute, probeServer } from '../notifier-freedesktop.ts';
import { holdSourcesFor } from './hold-sources.ts';
import type { ToolEnv } from './tool.ts';

export interface DesktopReportDeps {
  platform: NodeJS.Platform;
  env: ToolEnv;
  bus: DbusPort;
  clock: Clock;
  sources?: HoldSource[];
}

const IDLE_NAMES: Record<string, string> = {
  'gnome-mutter': "GNOME's idle monitor (Mutter)",
  'kde-screensaver': "KDE's screensaver interface",
  fallback: 'the system idle time (Electron)',
};

export async function desktopReport(deps: DesktopReportDeps): Promise<string> {
  const lines = ['This desktop:'];
  if (deps.platform === 'linux') {
    const presence = new DesktopPresence({
      bus: deps.bus,
      clock: deps.clock,
      env: deps.env,
      fallback: { idleSeconds: () => 0, isLocked: () => false, onPower: () => () => {} },
    });
    const info = await presence.start();
    presence.stop();
    lines.push(`  idle time  ${IDLE_NAMES[info.idle]}`);
    lines.push(`  lock       ${info.lock.length ? info.lock.join(', ') : 'no lock signal answered (a locked screen is noticed as idle time)'}`);
    if (info.problem) lines.push(`  PROBLEM    ${info.problem}`);
    // Whether a heads-up has Start now / Snooze / Skip here, or is information only (notify-send).
    lines.push(`  notifications  ${describeRoute(await probeServer(deps.bus))}`);
  } else {
    lines.push('  idle time and lock  the system (Electron)');
  }
  const sources = deps.sources ?? holdSourcesFor({ platform: deps.platform, env: deps.env, bus: deps.bus, ownPids: [process.pid] });
  const answers = await Promise.all(sources.map(async (s) => [s, await askWithin(s)] as const));
  for (const [s, v] of answers) {
    const said = v.state === 'held' ? `answered: holding now (${v.detail})` : v.state === 'free' ? 'answered: nothing to hold now' : `no answer (${v.why})`;
    lines.push(`  ${s.id.padEnd(28)} ${said}`);
  }
  const answered = answers.filter(([, v]) => v.state !== 'unknown').length;
  lines.push(`${answered} of ${answers.length} hold sources answered; one that does not answer never holds a break.`);
  return lines.join('\n') + '\n';
}
