// wakeupsPerWorkHourTwoDevices: one computer's wake-ups on a working day shared with a second through a synced folder,
// the second in use half the day (docs/bench.md). Counted: the computer's timer wake-ups (scheduler and sync node) and
// each change of the other computer's file taken in (one file-system event each). Runs the simulator's SyncNodes.
import { defaultSettings } from '../electron/core/settings.ts';
import { runDevices } from '../electron/core/sync/simulate-devices.ts';
import type { DevicesScenario } from '../electron/core/sync/simulate-devices.ts';
import { normalDayScenario } from './scheduler.ts';

const HOUR = 3_600_000;

/** The normal office day; the desk is used in the morning, the laptop in the afternoon. */
export function twoDevicesDay(): DevicesScenario {
  const day = normalDayScenario();
  const noon = day.start + 4 * HOUR;
  return {
    start: day.start,
    end: day.end,
    settings: defaultSettings(),
    timeZone: day.timeZone,
    syncDelaySeconds: 2,
    actions: [],
    user: day.user,
    devices: [
      { id: 'desk', clockOffsetSeconds: 0, busy: [], activity: [...day.activity.filter((s) => s.to <= noon), { from: noon + 15 * 60_000, to: day.end, state: 'idle' }] },
      { id: 'laptop', clockOffsetSeconds: 0, busy: [], activity: [{ from: day.start, to: noon + 15 * 60_000, state: 'idle' }, ...day.activity.filter((s) => s.from >= noon + 15 * 60_000)] },
    ],
  };
}

export function benchTwoDevices(): { wakeupsPerWorkHourTwoDevices: number } {
  const sc = twoDevicesDay();
  const { wakeups } = runDevices(sc);
  const hours = (sc.end - sc.start) / HOUR;
  return { wakeupsPerWorkHourTwoDevices: Math.round((wakeups['desk']! / hours) * 10) / 10 };
}
