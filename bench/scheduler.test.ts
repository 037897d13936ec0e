import { describe, expect, it } from 'vitest';
import { benchScheduler, meetingDayScenario, normalDayScenario, yearScenario } from './scheduler.ts';
import { runScenario } from '../electron/core/simulation.ts';

describe('scheduler benchmark', () => {
  it('simulates a year well inside the 1 s goal and stays under 120 wake-ups per working hour', async () => {
    const r = await benchScheduler();
    expect(r.simulatedYearMs).toBeGreaterThan(0);
    expect(r.simulatedYearMs).toBeLessThan(3000); // goal 1 s; slack for slow CI machines
    expect(r.wakeupsPerWorkHour).toBeGreaterThan(0);
    expect(r.wakeupsPerWorkHour).toBeLessThanOrEqual(120);
    expect(r.wakeupsPerWorkHourMeetingDay).toBeGreaterThan(0);
    expect(r.wakeupsPerWorkHourMeetingDay).toBeLessThanOrEqual(120);
  });

  it('the meeting day really holds breaks, and the sources are asked', () => {
    const r = runScenario(meetingDayScenario());
    expect(r.events.filter((e) => e.type === 'break-held').length).toBeGreaterThanOrEqual(3);
    expect(r.holdChecks).toBeGreaterThan(0);
  });

  it('the year really is a year of breaks', () => {
    const sc = yearScenario(Date.UTC(2026, 0, 5), 28);
    const { events } = runScenario(sc);
    const completed = events.filter((e) => e.type === 'break-end' && e.outcome === 'completed').length;
    expect(completed).toBeGreaterThan(20 * 8); // ~20 work days, several breaks each
    expect(runScenario(normalDayScenario()).events.some((e) => e.type === 'natural-break')).toBe(true);
  });
});
