// One SyncNode, its peers played by hand: a heads-up is withdrawn when the user moves to another computer, and a
// break running on another computer is named (the tray says "Break on laptop").
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock.ts';
import { defaultSettings } from '../settings.ts';
import { SyncNode } from './node.ts';
import type { RoutedEvent } from './node.ts';
import type { DeviceState } from './wire.ts';

const START = Date.parse('2026-11-23T09:00:00+01:00');

function setup() {
  const clock = new VirtualClock(START);
  let idle = 0;
  const written: DeviceState[] = [];
  const node = new SyncNode({
    id: 'desk',
    name: 'Desk',
    clock,
    own: { idleSeconds: () => idle, isLocked: () => false },
    settings: defaultSettings(),
    timeZone: 'Europe/Berlin',
    publish: (s) => written.push(s),
  });
  const routed: RoutedEvent[] = [];
  node.onEvent((r) => routed.push(r));
  const laptop = (seq: number, extra: Partial<DeviceState> = {}): DeviceState => ({
    v: 1,
    id: 'laptop',
    name: 'Laptop',
    at: clock.now(),
    seq,
    n: 0,
    lastInputAt: clock.now(),
    using: true,
    refreshBy: 150_000,
    power: 'active',
    holds: [],
    actions: [],
    showing: null,
    cycle: null,
    ...extra,
  });
  return { clock, node, routed, written, laptop, setIdle: (s: number) => (idle = s) };
}

describe('SyncNode', () => {
  it('withdraws a heads-up shown here when the user moves to another computer', () => {
    const { clock, node, routed, laptop, setIdle } = setup();
    node.start();
    node.peer(laptop(1, { lastInputAt: START - 3_600_000, using: false, refreshBy: null }));
    clock.advanceTo(START + 29 * 60_000);
    expect(routed.filter((r) => r.here).map((r) => r.event.type)).toEqual(['heads-up']);
    setIdle(20);
    clock.advanceTo(START + 29 * 60_000 + 20_000);
    node.peer(laptop(2));
    const last = routed.at(-1)!;
    expect(last).toMatchObject({ here: true, event: { type: 'withdrawn', what: 'heads-up' }, device: 'laptop' });
  });

  it('names the computer a break runs on; a finish made there ends it here, recorded there', () => {
    const { clock, node, routed, laptop } = setup();
    node.start();
    node.peer(laptop(1));
    clock.advanceTo(START + 10 * 60_000);
    node.peer(laptop(2, { actions: [{ seq: 1, at: clock.now(), do: 'start-break', n: 0, shown: false }] }));
    expect(node.breakElsewhere()).toBe('Laptop');
    expect(routed.at(-1)).toMatchObject({ here: false, event: { type: 'break-start' }, device: 'laptop' });
    clock.advanceTo(START + 11 * 60_000);
    node.peer(laptop(3, { actions: [{ seq: 1, at: START + 10 * 60_000, do: 'start-break', n: 0, shown: false }, { seq: 2, at: clock.now(), do: 'finish', n: 0, shown: true }] }));
    expect(routed.at(-1)).toMatchObject({ here: false, event: { type: 'break-end' } });
    expect(node.breakElsewhere()).toBeNull();
  });

  it('reports while in use at least every awayAfterMinutes / 2, and promises it', () => {
    const { clock, node, written, laptop } = setup();
    node.start();
    node.peer(laptop(1, { lastInputAt: START - 3_600_000, using: false, refreshBy: null }));
    clock.advanceTo(START + 60 * 60_000);
    const times = written.map((s) => s.at);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeLessThanOrEqual(150_000);
    expect(written.at(-1)!.refreshBy).toBe(150_000);
  });
});
