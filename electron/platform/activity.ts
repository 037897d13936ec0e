// Presence from powerMonitor. Linux has no lock events, so a locked screen is sampled there via getSystemIdleState.
import type { PowerMonitor } from 'electron';
import type { Cancel } from '../core/clock.ts';
import type { PowerEvent } from '../core/scheduler.ts';
import type { ActivityPort } from '../ports.ts';

export type PowerMonitorLike = Pick<PowerMonitor, 'getSystemIdleTime' | 'getSystemIdleState' | 'on' | 'removeListener'>;

const EVENTS: readonly [string, PowerEvent][] = [
  ['lock-screen', 'lock'],
  ['unlock-screen', 'unlock'],
  ['suspend', 'suspend'],
  ['resume', 'resume'],
];

export function createElectronActivity(pm: PowerMonitorLike): ActivityPort {
  return {
    idleSeconds: () => pm.getSystemIdleTime(),
    // The threshold only matters for 'idle' vs 'active'; 'locked' is reported regardless of it.
    isLocked: () => pm.getSystemIdleState(60) === 'locked',
    onPower(cb): Cancel {
      const handlers = EVENTS.map(([name, ev]) => {
        const h = () => cb(ev);
        // Electron's typings list each event name separately; the cast names one of them.
        pm.on(name as 'suspend', h);
        return [name, h] as const;
      });
      return () => {
        for (const [name, h] of handlers) pm.removeListener(name as 'suspend', h);
      };
    },
  };
}
