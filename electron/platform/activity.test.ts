import type { PowerMonitor } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { PowerEvent } from '../core/scheduler.ts';
import { createElectronActivity, type PowerMonitorLike } from './activity.ts';

vi.mock('electron', () => ({}));

type IdleState = ReturnType<PowerMonitor['getSystemIdleState']>;
/** Accepts every listener shape Electron's overloads declare (never[] is the widest parameter list to accept). */
type Listener = (...args: never[]) => void;

class FakePowerMonitor implements PowerMonitorLike {
  idle = 0;
  state: IdleState = 'active';
  thresholds: number[] = [];
  listeners = new Map<string, Set<Listener>>();
  getSystemIdleTime(): number {
    return this.idle;
  }
  getSystemIdleState(idleThreshold: number): IdleState {
    this.thresholds.push(idleThreshold);
    return this.state;
  }
  on(event: string, listener: Listener): PowerMonitor {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
    return this.chained();
  }
  removeListener(event: string, listener: Listener): PowerMonitor {
    this.listeners.get(event)?.delete(listener);
    return this.chained();
  }
  emit(event: string): void {
    for (const l of this.listeners.get(event) ?? []) (l as () => void)();
  }
  /** Electron's typings return the real powerMonitor for chaining; the adapter never chains. */
  private chained(): PowerMonitor {
    return this as unknown as PowerMonitor;
  }
  count(): number {
    return [...this.listeners.values()].reduce((n, s) => n + s.size, 0);
  }
}

describe('createElectronActivity', () => {
  it('reads idle seconds straight from powerMonitor', () => {
    const pm = new FakePowerMonitor();
    const a = createElectronActivity(pm);
    pm.idle = 42;
    expect(a.idleSeconds()).toBe(42);
  });

  it('a locked screen is sampled through getSystemIdleState (Linux has no lock events)', () => {
    const pm = new FakePowerMonitor();
    const a = createElectronActivity(pm);
    for (const [state, locked] of [['locked', true], ['idle', false], ['active', false], ['unknown', false]] as const) {
      pm.state = state;
      expect(a.isLocked(), state).toBe(locked);
    }
    expect(pm.thresholds.every((t) => Number.isInteger(t) && t > 0)).toBe(true);
  });

  it('maps lock, unlock, suspend and resume to the scheduler’s power events, and unsubscribes all of them', () => {
    const pm = new FakePowerMonitor();
    const a = createElectronActivity(pm);
    const seen: PowerEvent[] = [];
    const cancel = a.onPower((e) => seen.push(e));
    expect(pm.count()).toBe(4);
    for (const e of ['lock-screen', 'unlock-screen', 'suspend', 'resume', 'shutdown']) pm.emit(e);
    expect(seen).toEqual(['lock', 'unlock', 'suspend', 'resume']);
    cancel();
    expect(pm.count()).toBe(0);
    pm.emit('suspend');
    expect(seen).toHaveLength(4);
  });
});
