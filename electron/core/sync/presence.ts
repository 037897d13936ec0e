// Several computers, one user (DESIGN §1 "Several computers"): the pure rules that turn what each computer reports
// into the user's presence. All times here are in the reading computer's own clock (see `toLocal`).
import { HOLD_REASONS, PRESENCE_REASONS } from '../holds.ts';
import type { HoldReason } from '../holds.ts';

/** What a computer says of itself: running and unlocked, locked, asleep, or Limber not running (`off`). */
export type DevicePower = 'active' | 'locked' | 'asleep' | 'off';

/** The sync service may take this long to carry a change (DESIGN §1 limits). */
export const SYNC_DELAY_LIMIT_MS = 60_000;
/** Each computer's clock may be wrong by this much. */
export const CLOCK_ERROR_LIMIT_MS = 120_000;

export interface DeviceView {
  id: string;
  name: string;
  /** Latest input on that computer. */
  lastInput: number;
  power: DevicePower;
  /** Hold reasons active there (never which app). */
  holds: readonly HoldReason[];
  /** When this computer last heard from it (for itself: now). */
  heardAt: number;
  /** Input was going on when it wrote. */
  using: boolean;
  /** It promised to write again within this long (null: no promise). */
  refreshBy: number | null;
}

/**
 * How often a computer in use reports at the latest: every `awayAfter` / 2, and sooner when the sync delay limit would
 * otherwise let its report arrive after the others took the user for away.
 */
export function refreshMs(awayAfterMinutes: number): number {
  const away = awayAfterMinutes * 60_000;
  return Math.max(20_000, Math.min(away / 2, away - SYNC_DELAY_LIMIT_MS - 10_000));
}

/**
 * How often a computer not in use looks at its own input, so that moving to it reaches the others before they take
 * the user for away (there is no portable "input began" event).
 */
export function ownInputCheckMs(awayAfterMinutes: number): number {
  const away = awayAfterMinutes * 60_000;
  return Math.max(20_000, away - SYNC_DELAY_LIMIT_MS - 30_000);
}

/**
 * A peer's times are in its own clock; anchored to when we heard it, the difference of clocks drops out (a report
 * reads at most one sync delay newer than it was, never older).
 */
export function toLocal(peerTime: number, peerWrittenAt: number, heardAt: number): number {
  return heardAt - Math.max(0, peerWrittenAt - peerTime);
}

/**
 * Running: not `off`, and not silent — a computer that promised to write again within `refreshBy` and did not (plus
 * the sync delay) stopped answering (a crash, the network gone) and keeps only its last input.
 */
export function isRunning(d: DeviceView, now: number, selfId: string): boolean {
  if (d.id === selfId) return d.power !== 'off';
  if (d.power === 'off') return false;
  return d.refreshBy === null || now - d.heardAt <= d.refreshBy + SYNC_DELAY_LIMIT_MS + 30_000;
}

/** A peer still using its computer as of its last write, and not late with the next: its input is taken as now. */
export function effective(d: DeviceView, now: number, selfId: string): DeviceView {
  if (d.id === selfId || !d.using || d.power !== 'active' || !isRunning(d, now, selfId)) return d;
  return { ...d, lastInput: Math.max(d.lastInput, now) };
}

/** Code-point order (not locale order), so every computer sorts ids alike. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The computer in use: the most recent input (equal: the first id in code-point order), among those that can show
 * something (running and awake); if none can, among all.
 */
export function inUseOf(devs: readonly DeviceView[], now: number, selfId: string): string {
  const able = devs.filter((d) => isRunning(d, now, selfId) && d.power !== 'asleep');
  const pool = able.length ? able : devs;
  let best: DeviceView | undefined;
  for (const d of pool) {
    if (!best || d.lastInput > best.lastInput || (d.lastInput === best.lastInput && compareIds(d.id, best.id) < 0)) best = d;
  }
  return best?.id ?? selfId;
}

/**
 * The computer used last: the most recent input (equal: the first id) among those where Limber runs, awake or asleep.
 * Unlike `inUseOf` it keeps a computer that just went to sleep, so every computer names the same one.
 */
export function lastUsedOf(devs: readonly DeviceView[], now: number, selfId: string): string {
  const running = devs.filter((d) => isRunning(d, now, selfId));
  let best: DeviceView | undefined;
  for (const d of running.length ? running : devs) {
    if (!best || d.lastInput > best.lastInput || (d.lastInput === best.lastInput && compareIds(d.id, best.id) < 0)) best = d;
  }
  return best?.id ?? selfId;
}

/** The user's idle time: since the last input on any computer (one that went off counts with its last input). */
export function mergedIdleMs(devs: readonly DeviceView[], now: number): number {
  let last = Number.NEGATIVE_INFINITY;
  for (const d of devs) last = Math.max(last, d.lastInput);
  return Number.isFinite(last) ? Math.max(0, now - last) : 0;
}

/** Away at once when every running computer is locked or asleep. */
export function everyRunningLockedOrAsleep(devs: readonly DeviceView[], now: number, selfId: string): boolean {
  const running = devs.filter((d) => isRunning(d, now, selfId));
  return running.length > 0 && running.every((d) => d.power === 'locked' || d.power === 'asleep');
}

/**
 * Hold reasons for the user: a call, a share or a presentation on any computer that is running and neither locked
 * nor asleep; fullscreen and do-not-disturb only from the computer in use.
 */
export function mergedHolds(devs: readonly DeviceView[], inUse: string, now: number, selfId: string): HoldReason[] {
  const on = new Set<HoldReason>();
  for (const d of devs) {
    if (!isRunning(d, now, selfId) || d.power !== 'active') continue;
    for (const r of d.holds) if (PRESENCE_REASONS.includes(r) || d.id === inUse) on.add(r);
  }
  return HOLD_REASONS.filter((r) => on.has(r));
}
