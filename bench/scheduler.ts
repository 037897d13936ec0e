// simulatedYearMs: the real scheduler over a year of round-the-clock activity (virtual clock, scripted user).
// wakeupsPerWorkHour: scheduler timer wake-ups per working hour on a normal office day.
// wakeupsPerWorkHourMeetingDay: the same on a day with four meetings, every hold source asked (the checks before each
// decision, when idle reaches awayAfter and the backoff while held are timer wake-ups too; the sources' own change
// events are counted on top, one per interval boundary).
import type { ActivitySegment } from '../electron/core/activity-script.ts';
import { defaultSettings } from '../electron/core/settings.ts';
import { runScenario } from '../electron/core/simulation.ts';
import type { Scenario } from '../electron/core/simulation.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** A small deterministic PRNG, so every run simulates the same year. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * 24 h a day: asleep at night; on weekdays arrival around 08:30, short reading pauses, a meeting or a call now and
 * then, a locked lunch, the machine left idle in the evening; weekends mostly asleep with a little use.
 */
export function yearScenario(start = Date.UTC(2026, 0, 5, 0, 0), days = 365): Scenario {
  const rnd = prng(42);
  const activity: ActivitySegment[] = [];
  const add = (from: number, to: number, state: ActivitySegment['state']) => {
    if (to > from) activity.push({ from, to, state });
  };
  for (let d = 0; d < days; d++) {
    const day = start + d * DAY;
    const weekday = (new Date(day).getUTCDay() + 6) % 7 < 5;
    if (!weekday) {
      const up = day + 10 * HOUR;
      add(day, up, 'asleep');
      add(up + HOUR, up + 3 * HOUR, 'idle');
      add(up + 3 * HOUR, day + DAY, 'asleep');
      continue;
    }
    const arrive = day + 8 * HOUR + Math.floor(rnd() * 60) * MIN;
    add(day, arrive, 'asleep');
    const lunch = day + 12 * HOUR + Math.floor(rnd() * 45) * MIN;
    const leave = day + 17 * HOUR + Math.floor(rnd() * 60) * MIN;
    let t = arrive + 20 * MIN;
    while (t < leave - 30 * MIN) {
      if (t >= lunch && t < lunch + 50 * MIN) t = lunch + 50 * MIN;
      const r = rnd();
      const len = r < 0.1 ? (30 + Math.floor(rnd() * 30)) * MIN : (1 + Math.floor(rnd() * 4)) * MIN;
      add(t, Math.min(t + len, lunch > t ? lunch : t + len), 'idle');
      t += len + (10 + Math.floor(rnd() * 40)) * MIN;
    }
    add(lunch, lunch + 50 * MIN, 'locked');
    add(leave, day + 23 * HOUR, 'idle');
    add(day + 23 * HOUR, day + DAY, 'asleep');
  }
  // Segments may touch but never overlap (idle stretches are clipped at lunch).
  activity.sort((a, b) => a.from - b.from);
  const clean: ActivitySegment[] = [];
  for (const s of activity) {
    const prev = clean[clean.length - 1];
    if (prev && s.from < prev.to) {
      if (s.to > prev.to) clean.push({ ...s, from: prev.to });
    } else clean.push(s);
  }
  return {
    start,
    end: start + days * DAY,
    settings: defaultSettings(),
    activity: clean,
    actions: [],
    user: { onHeadsUp: 'wait', onPrompt: 'start', completes: true },
    timeZone: 'UTC',
  };
}

/** A normal office day, 09:00–17:00: reading pauses, a short call, a locked lunch. */
export function normalDayScenario(): Scenario {
  const day = Date.UTC(2026, 10, 23);
  const at = (h: number, m: number) => day + h * HOUR + m * MIN;
  return {
    start: at(9, 0),
    end: at(17, 0),
    settings: defaultSettings(),
    activity: [
      { from: at(10, 12), to: at(10, 15), state: 'idle' },
      { from: at(11, 0), to: at(11, 20), state: 'idle' },
      { from: at(12, 30), to: at(13, 15), state: 'locked' },
      { from: at(15, 40), to: at(15, 44), state: 'idle' },
    ],
    actions: [],
    user: { onHeadsUp: 'wait', onPrompt: 'start', completes: true },
    timeZone: 'UTC',
  };
}

/**
 * A working day with four meetings and every hold source active: a call that runs into a second one with a shared
 * screen, a presentation, an afternoon in do-not-disturb with a call inside it, and a short one in fullscreen.
 */
export function meetingDayScenario(): Scenario {
  const day = normalDayScenario();
  const at = (h: number, m: number) => day.start - 9 * HOUR + h * HOUR + m * MIN;
  return {
    ...day,
    busy: [
      { from: at(9, 20), to: at(9, 50), reason: 'call' },
      { from: at(9, 51), to: at(10, 15), reason: 'call' },
      { from: at(9, 55), to: at(10, 10), reason: 'screen-sharing' },
      { from: at(11, 0), to: at(11, 45), reason: 'presentation' },
      { from: at(13, 30), to: at(16, 0), reason: 'do-not-disturb' },
      { from: at(14, 0), to: at(15, 10), reason: 'call' },
      { from: at(16, 20), to: at(16, 35), reason: 'fullscreen' },
    ],
  };
}

export async function benchScheduler(): Promise<{ simulatedYearMs: number; wakeupsPerWorkHour: number; wakeupsPerWorkHourMeetingDay: number }> {
  const year = yearScenario();
  runScenario(yearScenario(year.start, 14)); // warm-up: JIT and Intl data
  const t0 = performance.now();
  runScenario(year);
  const simulatedYearMs = Math.round((performance.now() - t0) * 10) / 10;
  const day = normalDayScenario();
  const { wakeups } = runScenario(day);
  const hours = (day.end - day.start) / HOUR;
  const wakeupsPerWorkHour = Math.round((wakeups / hours) * 10) / 10;
  const meetings = meetingDayScenario();
  const held = runScenario(meetings);
  const sourceEvents = new Set((meetings.busy ?? []).flatMap((b) => [b.from, b.to])).size;
  const wakeupsPerWorkHourMeetingDay = Math.round(((held.wakeups + sourceEvents) / hours) * 10) / 10;
  return { simulatedYearMs, wakeupsPerWorkHour, wakeupsPerWorkHourMeetingDay };
}
