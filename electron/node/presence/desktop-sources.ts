// Where the app learns about the person and the desktop: presence (idle, lock) and the hold sources, built in one
// place so the Electron entry and the preview ask the same services in the same order.
import type { Clock } from '../../core/clock.ts';
import type { ActivityPort } from '../../core/scheduler.ts';
import type { DbusPort } from './dbus.ts';
import { DesktopPresence, type PresenceInfo } from './desktop-presence.ts';
import { HoldMonitor } from './hold-monitor.ts';
import { holdSourcesFor } from './hold-sources.ts';
import type { ToolEnv } from './tool.ts';

export interface DesktopSourcesDeps {
  platform: NodeJS.Platform;
  env: ToolEnv;
  bus: DbusPort;
  clock: Clock;
  /** Asked where no desktop service answers, and for sleep events: Electron's powerMonitor, or the preview's probes. */
  fallback: ActivityPort;
  /** Limber's own processes: their streams and devices are not a call. */
  ownPids: readonly number[];
  log?: (m: string) => void;
}

export interface DesktopSources {
  /** The activity port to give the app: the desktop's services on Linux, the fallback elsewhere. */
  activity: ActivityPort;
  holds: HoldMonitor;
  /** Finds the presence sources that answer (Linux); null where the fallback is all there is. */
  start(): Promise<PresenceInfo | null>;
  stop(): void;
}

export function desktopSources(deps: DesktopSourcesDeps): DesktopSources {
  const log = deps.log ?? (() => {});
  const presence =
    deps.platform === 'linux' ? new DesktopPresence({ bus: deps.bus, clock: deps.clock, env: deps.env, fallback: deps.fallback, log }) : null;
  const holds = new HoldMonitor({ sources: holdSourcesFor({ platform: deps.platform, env: deps.env, bus: deps.bus, ownPids: deps.ownPids }), log });
  return {
    activity: presence ?? deps.fallback,
    holds,
    start: async () => (presence ? presence.start() : null),
    stop: () => presence?.stop(),
  };
}
