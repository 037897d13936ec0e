import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../core/clock.ts';
import type { HoldSource } from '../../core/holds.ts';
import { NO_IDLE_SOURCE } from './desktop-presence.ts';
import { desktopReport } from './desktop-report.ts';
import { FakeBus } from './test-helpers.ts';

const clock = new VirtualClock('2026-11-23T09:00:00Z');
const sources: HoldSource[] = [
  { id: 'gnome-dnd', reasons: ['do-not-disturb'], check: () => Promise.resolve({ state: 'held', reason: 'do-not-disturb', detail: 'GNOME do-not-disturb' }) },
  { id: 'pulse-mic', reasons: ['call'], check: () => Promise.resolve({ state: 'free' }) },
  { id: 'camera', reasons: ['call'], check: () => Promise.resolve({ state: 'unknown', why: 'no camera device' }) },
];

describe('doctor: this desktop', () => {
  it('names each hold source and whether it answered', async () => {
    const text = await desktopReport({ platform: 'linux', env: { XDG_SESSION_TYPE: 'x11' }, bus: new FakeBus(), clock, sources });
    expect(text).toMatch(/idle time\s+the system idle time \(Electron\)/);
    expect(text).toMatch(/gnome-dnd\s+answered: holding now \(GNOME do-not-disturb\)/);
    expect(text).toMatch(/pulse-mic\s+answered: nothing to hold now/);
    expect(text).toMatch(/camera\s+no answer \(no camera device\)/);
    expect(text).toMatch(/2 of 3 hold sources answered/);
    expect(text).not.toMatch(/PROBLEM/);
  });
  it('on Wayland without an idle service, says idle time cannot be read', async () => {
    const text = await desktopReport({ platform: 'linux', env: { XDG_SESSION_TYPE: 'wayland' }, bus: new FakeBus(), clock, sources: [] });
    expect(text).toContain(`PROBLEM    ${NO_IDLE_SOURCE}`);
  });
});
