import { describe, expect, it } from 'vitest';
import type { SchedulerPhase, SchedulerStatus } from './scheduler.ts';
import { MENU, nextTooltipChange, roundedMinutes, trayIcon, trayMenu, trayTooltip, trayView, type MenuItem } from './tray-model.ts';

const NOW = Date.parse('2026-11-23T10:00:00+01:00');
const MIN = 60_000;
const TZ = 'Europe/Berlin';

function status(phase: SchedulerPhase, over: Partial<SchedulerStatus> = {}): SchedulerStatus {
  const counting = phase === 'working' || phase === 'heads-up' || phase === 'prompt';
  return {
    phase,
    nextBreak: counting ? { at: NOW + (phase === 'prompt' ? 0 : phase === 'heads-up' ? MIN : 20 * MIN), kind: 'micro' } : null,
    pausedUntil: null,
    currentBreak: phase === 'on-break' ? { kind: 'micro', startedAt: NOW } : null,
    breaksToday: 3,
    held: null,
    ...over,
  };
}

/** id → enabled, for the whole menu including the Pause submenu. */
function enabled(items: MenuItem[]): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const i of items) {
    if (i.separator) continue;
    out[i.id] = i.enabled ?? true;
    if (i.submenu) Object.assign(out, enabled(i.submenu));
  }
  return out;
}

describe('tray menu', () => {
  it('has every entry the issue lists, in order, each with a label', () => {
    const menu = trayMenu(status('working'));
    expect(menu.filter((i) => !i.separator).map((i) => i.id)).toEqual([
      MENU.startMicro,
      MENU.startLong,
      MENU.snooze,
      MENU.skip,
      'pause',
      MENU.resume,
      MENU.today,
      MENU.stats,
      MENU.settings,
      MENU.about,
      MENU.quit,
    ]);
    expect(menu.find((i) => i.id === 'pause')?.submenu?.map((i) => [i.id, i.label])).toEqual([
      [MENU.pause30, 'For 30 minutes'],
      [MENU.pause60, 'For 1 hour'],
      [MENU.pause120, 'For 2 hours'],
      [MENU.pauseTomorrow, 'Until tomorrow'],
      [MENU.pauseIndefinitely, 'Until I resume'],
    ]);
    expect(menu.find((i) => i.id === MENU.stats)?.label).toBe('Statistics…');
    expect(menu.find((i) => i.id === MENU.settings)?.label).toBe('Settings…');
    expect(menu.find((i) => i.id === MENU.quit)?.label).toBe('Quit Limber');
    for (const i of menu) if (!i.separator) expect(i.label.length, i.id).toBeGreaterThan(0);
  });

  it('menu ids are unique (the platform reports clicks by id)', () => {
    const ids: string[] = [];
    const walk = (items: MenuItem[]) => items.forEach((i) => (ids.push(i.id), i.submenu && walk(i.submenu)));
    walk(trayMenu(status('working')));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('working: start and pause, nothing to snooze, skip or resume', () => {
    expect(enabled(trayMenu(status('working')))).toMatchObject({
      [MENU.startMicro]: true,
      [MENU.startLong]: true,
      [MENU.snooze]: false,
      [MENU.skip]: false,
      pause: true,
      [MENU.resume]: false,
      [MENU.today]: false,
      [MENU.stats]: true,
      [MENU.settings]: true,
      [MENU.about]: true,
      [MENU.quit]: true,
    });
  });

  it.each(['heads-up', 'prompt'] as const)('%s: the coming break can be started, snoozed or skipped', (phase) => {
    expect(enabled(trayMenu(status(phase)))).toMatchObject({
      [MENU.startMicro]: true,
      [MENU.startLong]: true,
      [MENU.snooze]: true,
      [MENU.skip]: true,
      pause: true,
      [MENU.resume]: false,
    });
  });

  it('on a break: no second break, no snooze or skip, pausing is still possible', () => {
    expect(enabled(trayMenu(status('on-break')))).toMatchObject({
      [MENU.startMicro]: false,
      [MENU.startLong]: false,
      [MENU.snooze]: false,
      [MENU.skip]: false,
      pause: true,
      [MENU.resume]: false,
    });
  });

  it.each([
    ['with an end', NOW + 30 * MIN],
    ['until resumed', null],
  ] as const)('paused %s: Resume is the way back, Pause is greyed, a break can still be taken by hand', (_what, until) => {
    expect(enabled(trayMenu(status('paused', { pausedUntil: until })))).toMatchObject({
      [MENU.startMicro]: true,
      [MENU.snooze]: false,
      [MENU.skip]: false,
      pause: false,
      [MENU.resume]: true,
    });
  });

  it('outside work hours: breaks by hand and pausing, nothing to resume', () => {
    expect(enabled(trayMenu(status('off-hours')))).toMatchObject({
      [MENU.startMicro]: true,
      [MENU.snooze]: false,
      pause: true,
      [MENU.resume]: false,
    });
  });

  it("shows today's count, not clickable", () => {
    const today = trayMenu(status('working', { breaksToday: 7 })).find((i) => i.id === MENU.today);
    expect(today).toMatchObject({ label: 'Breaks today: 7', enabled: false });
    expect(trayMenu(status('working', { breaksToday: 0 })).find((i) => i.id === MENU.today)?.label).toBe('Breaks today: 0');
  });
});

describe('tray icon', () => {
  it.each([
    ['working', {}, 'working'],
    ['working', { nextBreak: { at: NOW + 5 * MIN, kind: 'micro' } }, 'soon'],
    ['working', { nextBreak: { at: NOW + 5 * MIN + 1, kind: 'micro' } }, 'working'],
    ['heads-up', {}, 'soon'],
    ['prompt', {}, 'break'],
    ['on-break', {}, 'break'],
    ['paused', { pausedUntil: NOW + 30 * MIN }, 'paused'],
    ['paused', {}, 'paused'],
    ['off-hours', {}, 'paused'],
    ['disabled', {}, 'paused'],
    ['away', {}, 'working'],
  ] as const)('%s %j → %s', (phase, over, icon) => {
    expect(trayIcon(status(phase, over as Partial<SchedulerStatus>), NOW)).toBe(icon);
  });
});

describe('tooltip', () => {
  const at = (minutesLeft: number, kind: 'micro' | 'long' = 'micro') => status('working', { nextBreak: { at: NOW + minutesLeft * MIN, kind } });

  it('says how long until the next break, coarse when far away', () => {
    expect(trayTooltip(at(23), NOW)).toEqual({ tooltip: 'Limber — Next break in 25 min', title: '25m' });
    expect(trayTooltip(at(10), NOW).tooltip).toBe('Limber — Next break in 10 min');
    expect(trayTooltip(at(4.5), NOW).tooltip).toBe('Limber — Next break in 5 min');
    expect(trayTooltip(at(1), NOW).tooltip).toBe('Limber — Next break in a minute');
    expect(trayTooltip(at(0.2), NOW).tooltip).toBe('Limber — Next break in a minute');
    expect(trayTooltip(at(90, 'long'), NOW)).toEqual({ tooltip: 'Limber — Stretch session in 90 min', title: '90m' });
  });

  it('rounds minutes up, and to 5 above 10', () => {
    expect([0, 1, 59_999, MIN, MIN + 1, 10 * MIN, 10 * MIN + 1, 14 * MIN, 15 * MIN + 1, -5].map(roundedMinutes)).toEqual([
      0, 1, 1, 1, 2, 10, 15, 15, 20, 0,
    ]);
  });

  it('paused: with the local time it ends, or plainly when it has no end', () => {
    const until = Date.parse('2026-11-23T10:30:00+01:00');
    expect(trayTooltip(status('paused', { pausedUntil: until }), NOW, TZ)).toEqual({ tooltip: 'Limber — paused until 10:30', title: 'paused' });
    expect(trayTooltip(status('paused', { pausedUntil: until }), NOW, 'America/New_York').tooltip).toBe('Limber — paused until 04:30');
    expect(trayTooltip(status('paused'), NOW, TZ)).toEqual({ tooltip: 'Limber — paused', title: 'paused' });
  });

  it('says what is going on in the other states', () => {
    expect(trayTooltip(status('on-break'), NOW).tooltip).toBe('Limber — on a break');
    expect(trayTooltip(status('prompt'), NOW).tooltip).toBe('Limber — time for a break');
    expect(trayTooltip(status('off-hours'), NOW).tooltip).toBe('Limber — outside work hours');
    expect(trayTooltip(status('disabled'), NOW).tooltip).toBe('Limber — breaks are turned off');
    expect(trayTooltip(status('away'), NOW).tooltip).toMatch(/away/);
    expect(trayTooltip(status('heads-up'), NOW).tooltip).toBe('Limber — Next break in a minute');
  });

  it('trayView puts icon, tooltip, title and menu together', () => {
    const v = trayView(at(3), NOW, TZ);
    expect(v).toEqual({ icon: 'soon', tooltip: 'Limber — Next break in 3 min', title: '3m', menu: trayMenu(at(3)) });
  });
});

describe('nextTooltipChange', () => {
  it('names the first instant the text changes, so one timer refreshes it, and never sooner than a minute apart', () => {
    const s = at30();
    let t = NOW;
    const changes: number[] = [];
    let text = trayView(s, t).tooltip;
    for (;;) {
      const next = nextTooltipChange(s, t);
      if (next === null || next > s.nextBreak!.at) break;
      expect(next).toBeGreaterThan(t);
      // Unchanged until just before the named instant (it errs a millisecond late, never early), changed at it.
      expect(trayView(s, next - 2).tooltip).toBe(text);
      const after = trayView(s, next);
      expect(after.tooltip).not.toBe(text);
      changes.push(next);
      text = after.tooltip;
      t = next;
    }
    const gaps = changes.slice(1).map((c, i) => c - changes[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(MIN);
    // 30 → 25 → … → 15 → 10 → 9 → … → 1: a handful of wake-ups, not one per second.
    expect(changes.length).toBeLessThanOrEqual(14);
    expect(text).toBe('Limber — Next break in a minute');
  });

  it('the icon turns to "soon" at one of those refreshes, not between them', () => {
    const s = at30();
    const soonAt = s.nextBreak!.at - 5 * MIN;
    let t = NOW;
    while (trayIcon(s, t) === 'working') t = nextTooltipChange(s, t)!;
    expect(t - soonAt).toBeLessThanOrEqual(1);
  });

  it('paused with an end: refresh when the pause ends; paused for good, on a break or off hours: no timer', () => {
    expect(nextTooltipChange(status('paused', { pausedUntil: NOW + 30 * MIN }), NOW)).toBe(NOW + 30 * MIN);
    expect(nextTooltipChange(status('paused'), NOW)).toBeNull();
    expect(nextTooltipChange(status('on-break'), NOW)).toBeNull();
    expect(nextTooltipChange(status('off-hours'), NOW)).toBeNull();
    expect(nextTooltipChange(status('prompt'), NOW)).toBeNull();
  });

  function at30(): SchedulerStatus {
    return status('working', { nextBreak: { at: NOW + 30 * MIN, kind: 'micro' } });
  }
});

describe('a held break', () => {
  const held = (reason: 'call' | 'do-not-disturb') => status('working', { held: { reason, since: NOW - 10 * MIN } });
  it('shows the held icon and says why and since when', () => {
    expect(trayIcon(held('call'), NOW)).toBe('held');
    expect(trayTooltip(held('call'), NOW, TZ).tooltip).toBe('Limber — Break waiting — you’re in a call (since 09:50)');
    expect(trayTooltip(held('do-not-disturb'), NOW, TZ).tooltip).toBe('Limber — Break waiting — do not disturb is on (since 09:50)');
  });
  it('pause and a running break win over the hold', () => {
    expect(trayIcon(status('paused', { held: { reason: 'call', since: NOW } }), NOW)).toBe('paused');
    expect(trayTooltip(status('on-break', { held: { reason: 'call', since: NOW } }), NOW).tooltip).toBe('Limber — on a break');
  });
});
