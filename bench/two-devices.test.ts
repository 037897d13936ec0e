import { describe, expect, it } from 'vitest';
import { benchTwoDevices } from './two-devices.ts';

describe('bench: two computers', () => {
  it('one computer of two wakes at most 60 times a working hour (timers and the other’s changes)', () => {
    const r = benchTwoDevices();
    expect(r.wakeupsPerWorkHourTwoDevices).toBeGreaterThan(0);
    expect(r.wakeupsPerWorkHourTwoDevices).toBeLessThanOrEqual(60);
  });
});
