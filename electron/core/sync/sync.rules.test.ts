// DESIGN §1 "Several computers, one work clock", rule by rule, through the simulator (which runs the app's SyncNode).
import { describe, expect, it } from 'vitest';
import { simulateText } from '../simulation.ts';

const T = (hm: string) => `2026-11-23T${hm}:00+01:00`;

interface Line {
  at: string;
  type: string;
  kind?: string;
  device?: string;
  outcome?: string;
  from?: string;
  reason?: string;
  until?: string | null;
}

function sim(sc: Record<string, unknown>): Line[] {
  const r = simulateText(JSON.stringify({ start: T('09:00'), end: T('12:00'), timeZone: 'Europe/Berlin', ...sc }));
  if (r.code !== 0) throw new Error(r.message);
  if (process.env.SIM_DEBUG) console.log(r.output);
  return r.output
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);
}

function fail(sc: Record<string, unknown>): string {
  const r = simulateText(JSON.stringify({ start: T('09:00'), end: T('12:00'), timeZone: 'Europe/Berlin', ...sc }));
  if (r.code === 0) throw new Error('expected a bad scenario');
  return r.message;
}

const idle = (from: string, to: string) => ({ from: T(from), to: T(to), state: 'idle' });
const st = (from: string, to: string, state: string) => ({ from: T(from), to: T(to), state });
const of = (lines: Line[], type: string) => lines.filter((l) => l.type === type);

describe('scenario contract: devices', () => {
  it('names the field that is wrong', () => {
    expect(fail({ devices: [{ id: 'a' }] })).toMatch(/^devices /);
    expect(fail({ devices: [{ id: 'a' }, { id: 'a' }] })).toMatch(/devices\[1\]\.id/);
    expect(fail({ devices: [{ id: 'A' }, { id: 'b' }] })).toMatch(/devices\[0\]\.id/);
    expect(fail({ devices: [{ id: 'x'.repeat(33) }, { id: 'b' }] })).toMatch(/devices\[0\]\.id/);
    expect(fail({ devices: [{ id: 'a' }, { id: 'b' }], activity: [] })).toMatch(/^activity /);
    expect(fail({ devices: [{ id: 'a' }, { id: 'b' }], busy: [] })).toMatch(/^busy /);
    expect(fail({ devices: [{ id: 'a' }, { id: 'b' }], syncDelaySeconds: 301 })).toMatch(/^syncDelaySeconds /);
    expect(fail({ devices: [{ id: 'a', clockOffsetSeconds: -601 }, { id: 'b' }] })).toMatch(/devices\[0\]\.clockOffsetSeconds/);
    expect(fail({ devices: [{ id: 'a' }, { id: 'b' }], actions: [{ at: T('09:10'), do: 'skip', device: 'c' }] })).toMatch(/actions\[0\]\.device/);
    expect(fail({ activity: [st('09:00', '09:10', 'off')] })).toMatch(/activity\[0\]\.state/);
    expect(fail({ devices: Array.from({ length: 9 }, (_, i) => ({ id: `d${i}` })) })).toMatch(/^devices /);
  });

  it('puts `device` on every line and accepts the `off` state', () => {
    const lines = sim({ devices: [{ id: 'desk' }, { id: 'laptop', activity: [st('09:00', '12:00', 'off')] }] });
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l.device).toBe('desk');
  });
});

describe('presence is the user’s', () => {
  it('moving from one computer to another is not an absence, and work is counted once', () => {
    const lines = sim({ devices: [{ id: 'desk', activity: [idle('09:40', '12:00')] }, { id: 'laptop', activity: [idle('09:00', '09:40')] }] });
    expect(of(lines, 'natural-break')).toEqual([]);
    // 09:30 on the desk, then about every 31 minutes on the laptop: work is the union of both, once.
    const prompts = of(lines, 'break-prompt');
    expect(prompts.map((p) => p.device)).toEqual(['desk', 'laptop', 'laptop', 'laptop', 'laptop']);
    expect(prompts[0]!.at).toBe(T('09:30'));
  });

  it('the user is away when every running computer is locked or asleep, not when one is', () => {
    const both = sim({ devices: [{ id: 'desk', activity: [st('10:00', '10:03', 'locked')] }, { id: 'laptop', activity: [idle('09:00', '10:00'), st('10:00', '10:03', 'asleep'), idle('10:03', '12:00')] }] });
    expect(of(both, 'natural-break')).toHaveLength(1);
    expect(of(both, 'natural-break')[0]).toMatchObject({ from: T('10:00'), device: 'desk' });
    const one = sim({ devices: [{ id: 'desk', activity: [st('10:00', '10:03', 'locked')] }, { id: 'laptop', activity: [idle('09:00', '10:00')] }] });
    expect(of(one, 'natural-break')).toEqual([]);
  });

  it('a call on a computer that is not locked keeps the user present; a locked one does not', () => {
    const base = (laptopState: string) => ({
      settings: { holdDuring: [] },
      devices: [
        { id: 'desk', activity: [idle('10:00', '10:30')] },
        { id: 'laptop', activity: [idle('09:00', '10:00'), st('10:00', '10:30', laptopState)], busy: [{ from: T('10:00'), to: T('10:30'), reason: 'call' }] },
      ],
    });
    expect(of(sim(base('idle')), 'natural-break')).toEqual([]);
    expect(of(sim(base('locked')), 'natural-break')).toHaveLength(1);
  });

  it('a computer that went off counts with the last input it reported', () => {
    // The laptop is used till 09:50 and switched off; the desk was idle since 09:47: not away at 09:52.
    const lines = sim({ devices: [{ id: 'desk', activity: [idle('09:00', '09:53')] }, { id: 'laptop', activity: [idle('09:00', '09:45'), st('09:50', '12:00', 'off')] }] });
    expect(of(lines, 'natural-break')).toEqual([]);
  });
});

describe('prompts on the computer in use', () => {
  it('goes to the most recent input; on a tie to the first id in code-point order', () => {
    const lines = sim({ end: T('09:45'), devices: [{ id: 'b-desk' }, { id: 'a-lap' }] });
    expect(of(lines, 'break-prompt').map((l) => l.device)).toEqual(['a-lap']);
    expect(of(lines, 'heads-up').map((l) => l.device)).toEqual(['a-lap']);
  });

  it('follows the user: the prompt comes where they are at its moment', () => {
    const half = '2026-11-23T09:29:30+01:00';
    const lines = sim({
      end: T('09:45'),
      devices: [
        { id: 'desk', activity: [{ from: half, to: T('09:45'), state: 'idle' }] },
        { id: 'laptop', activity: [{ from: T('09:00'), to: half, state: 'idle' }] },
      ],
    });
    expect(of(lines, 'heads-up')).toEqual([expect.objectContaining({ at: T('09:29'), device: 'desk' })]);
    expect(of(lines, 'break-prompt')).toEqual([expect.objectContaining({ at: T('09:30'), device: 'laptop' })]);
  });
});

describe('the shared cycle', () => {
  it('a break taken on one computer restarts the cycle everywhere', () => {
    const lines = sim({
      devices: [{ id: 'desk', activity: [idle('09:20', '12:00')] }, { id: 'laptop', activity: [idle('09:00', '09:20')] }],
      actions: [{ at: T('09:10'), do: 'start-break', device: 'desk' }],
    });
    expect(of(lines, 'break-start')[0]).toMatchObject({ at: T('09:10'), device: 'desk' });
    // Next: 30 minutes of work after 09:11 (+ the sync delay), on the laptop.
    expect(of(lines, 'break-prompt')[0]).toMatchObject({ at: '2026-11-23T09:41:10+01:00', device: 'laptop' });
  });

  it('a pause on one computer holds everywhere; it ends on the one that made it', () => {
    const lines = sim({
      devices: [{ id: 'desk' }, { id: 'laptop', activity: [idle('09:00', '12:00')] }],
      actions: [{ at: T('09:20'), do: 'pause', minutes: 60, device: 'laptop' }],
    });
    expect(of(lines, 'paused')).toEqual([expect.objectContaining({ at: T('09:20'), device: 'laptop' })]);
    expect(of(lines, 'resumed')).toEqual([expect.objectContaining({ at: T('10:20'), device: 'laptop' })]);
    expect(of(lines, 'break-prompt')[0]!.at).toBe('2026-11-23T10:50:10+01:00');
  });

  it('a snooze or skip made on another computer is shown and recorded by the one that showed the break', () => {
    const skip = sim({
      end: T('09:45'),
      settings: { headsUpSeconds: 0 },
      user: { onPrompt: 'ignore' },
      devices: [{ id: 'desk' }, { id: 'laptop', activity: [idle('09:00', '12:00')] }],
      actions: [{ at: T('09:31'), do: 'skip', device: 'laptop' }],
    });
    expect(of(skip, 'break-end')).toEqual([expect.objectContaining({ outcome: 'skipped', device: 'desk' })]);
  });

  it('a skip here and a start there within the sync delay end as one record', () => {
    const lines = sim({
      end: T('10:15'),
      settings: { headsUpSeconds: 0 },
      user: { onPrompt: 'ignore' },
      syncDelaySeconds: 30,
      devices: [{ id: 'desk' }, { id: 'laptop', activity: [idle('09:00', '12:00')] }],
      actions: [
        { at: '2026-11-23T09:30:05+01:00', do: 'skip', device: 'desk' },
        { at: '2026-11-23T09:30:10+01:00', do: 'start-break', device: 'laptop' },
      ],
    });
    expect(of(lines, 'break-end').filter((l) => l.at < T('10:00'))).toHaveLength(1);
    // The late copy of the start is about a break already closed here: the cycle is not held up by it.
    expect(of(lines, 'break-prompt').filter((l) => l.at > T('09:45'))[0]!.at <= T('10:01')).toBe(true);
  });
});

describe('holds', () => {
  it('a call on the laptop holds the break of the desk in use; fullscreen there does not', () => {
    const withReason = (reason: string) =>
      sim({ end: T('10:00'), devices: [{ id: 'desk' }, { id: 'laptop', activity: [idle('09:00', '12:00')], busy: [{ from: T('09:20'), to: T('09:50'), reason }] }] });
    const call = withReason('call');
    expect(of(call, 'break-held')).toEqual([expect.objectContaining({ reason: 'call', device: 'desk' })]);
    expect(of(call, 'break-prompt')[0]!.at > T('09:50')).toBe(true);
    const fs = withReason('fullscreen');
    expect(of(fs, 'break-held')).toEqual([]);
    expect(of(fs, 'break-prompt')[0]).toMatchObject({ at: T('09:30'), device: 'desk' });
  });

  it('fullscreen on the computer in use holds', () => {
    const lines = sim({ end: T('10:00'), devices: [{ id: 'desk', busy: [{ from: T('09:20'), to: T('09:50'), reason: 'fullscreen' }] }, { id: 'laptop', activity: [idle('09:00', '12:00')] }] });
    expect(of(lines, 'break-held')).toEqual([expect.objectContaining({ reason: 'fullscreen', device: 'desk' })]);
  });
});

describe('records once', () => {
  it('a natural break is recorded by the computer last in use', () => {
    const lines = sim({ settings: { microBreak: { everyMinutes: 90 } }, devices: [{ id: 'desk', activity: [idle('09:00', '09:20'), idle('10:00', '10:40')] }, { id: 'laptop', activity: [idle('09:20', '12:00')] }] });
    expect(of(lines, 'natural-break')).toEqual([expect.objectContaining({ device: 'desk', from: T('10:00') })]);
  });

  it('…or by the one where the user returns if Limber no longer runs on the last one', () => {
    // The user leaves the desk at 10:00; Limber there is quit at 10:10; the user comes back to the laptop at 10:30.
    const lines = sim({
      settings: { microBreak: { everyMinutes: 90 } },
      devices: [{ id: 'desk', activity: [idle('09:00', '09:20'), idle('10:00', '10:10'), st('10:10', '12:00', 'off')] }, { id: 'laptop', activity: [idle('09:20', '10:30')] }],
    });
    expect(of(lines, 'natural-break')).toEqual([expect.objectContaining({ device: 'laptop', at: T('10:30') })]);
    // The desk's last input reaches the laptop one sync delay (10 s) later: the absence may start that much later.
    expect(Date.parse(of(lines, 'natural-break')[0]!.from!) - Date.parse(T('10:00'))).toBeLessThanOrEqual(10_000);
  });
});

describe('limits and the one-computer case', () => {
  it('with every other computer off it is exactly Limber on one computer', () => {
    const activity = [idle('10:00', '10:40'), st('11:00', '11:03', 'locked'), st('11:20', '11:24', 'asleep')];
    const one = simulateText(JSON.stringify({ start: T('09:00'), end: T('12:00'), timeZone: 'Europe/Berlin', activity }));
    const two = sim({ devices: [{ id: 'desk', activity }, { id: 'laptop', activity: [st('09:00', '12:00', 'off')] }] });
    if (one.code !== 0) throw new Error('bad');
    const single = one.output.trim().split('\n').map((l) => JSON.parse(l) as Line);
    expect(two.map(({ device: _d, ...rest }) => rest)).toEqual(single);
  });

  it('work time survives a restart of Limber within awayAfterMinutes', () => {
    const lines = sim({ end: T('10:00'), devices: [{ id: 'desk', activity: [st('09:20', '09:22', 'off')] }, { id: 'laptop', activity: [st('09:00', '12:00', 'off')] }] });
    expect(of(lines, 'break-prompt')[0]!.at).toBe(T('09:30'));
  });

  it('times are true time whatever the computers’ clocks say (2 minutes wrong)', () => {
    const lines = sim({ end: T('10:00'), devices: [{ id: 'desk', clockOffsetSeconds: 120 }, { id: 'laptop', clockOffsetSeconds: -120, activity: [idle('09:00', '12:00')] }] });
    expect(of(lines, 'break-prompt')[0]).toMatchObject({ at: T('09:30'), device: 'desk' });
  });

  it('a 60 s sync delay shifts a break taken elsewhere by at most the delay, and nothing is prompted twice', () => {
    const day = (syncDelaySeconds: number) =>
      sim({
        syncDelaySeconds,
        devices: [{ id: 'desk', activity: [idle('09:35', '12:00')] }, { id: 'laptop', activity: [idle('09:00', '09:35')] }],
      });
    const quick = of(day(0), 'break-prompt');
    const slow = of(day(60), 'break-prompt');
    expect(slow.map((l) => l.device)).toEqual(quick.map((l) => l.device));
    expect(Date.parse(slow[1]!.at) - Date.parse(quick[1]!.at)).toBeLessThanOrEqual(60_000);
    expect(Date.parse(slow[1]!.at) - Date.parse(quick[1]!.at)).toBeGreaterThanOrEqual(0);
  });
});

describe('found by the property tests (fixed scenarios)', () => {
  const starts = (lines: Line[]) => of(lines, 'break-start').map((l) => Date.parse(l.at));

  it('a computer whose Limber starts while a break runs on another joins that break instead of prompting its own', () => {
    // Three computers in use all day; Limber on the desk is off 09:27–09:33 while home's break starts at 09:32:21.
    const lines = sim({
      start: T('08:00'),
      end: T('11:00'),
      syncDelaySeconds: 21,
      devices: [{ id: 'desk', activity: [st('09:27', '09:33', 'off')] }, { id: 'laptop' }, { id: 'home' }],
    });
    const home = of(lines, 'break-start').find((l) => l.device === 'home')!;
    expect(home.at).toBe('2026-11-23T09:32:21+01:00');
    // No second break while it runs, and the cycle goes on from its end: the next one is a full interval later.
    const s = starts(lines);
    for (let i = 1; i < s.length; i++) expect(s[i]! - s[i - 1]!).toBeGreaterThan(25 * 60_000);
    expect(of(lines, 'break-prompt').filter((l) => l.device === 'desk' && l.at > T('09:32') && l.at < T('10:00'))).toEqual([]);
  });

  it('a natural break seen by one computer alone (sync delay) does not make the others’ breaks stale', () => {
    // Both idle 08:59–09:04: exactly awayAfter; with a 30 s delay the desk sees an absence the laptop does not.
    const day = (syncDelaySeconds: number) =>
      sim({
        start: T('08:00'),
        end: T('11:00'),
        syncDelaySeconds,
        devices: [{ id: 'desk', activity: [idle('08:59', '09:33')] }, { id: 'laptop', activity: [idle('08:16', '09:04')] }],
      });
    const slow = day(30);
    const quick = day(0);
    // The laptop's break at 09:32:30 is the break at hand on the desk too: no second break a minute later.
    const s = starts(slow);
    for (let i = 1; i < s.length; i++) expect(s[i]! - s[i - 1]!).toBeGreaterThan(25 * 60_000);
    const rec = (l: Line[]) => l.filter((x) => x.type === 'break-end' || x.type === 'natural-break');
    expect(Math.abs(rec(slow).length - rec(quick).length)).toBeLessThanOrEqual(1);
    // Every computer runs the same kind of break: the rotation (the long one after three micro) stays shared.
    expect(of(slow, 'break-start').map((l) => l.kind)).toEqual(['micro', 'micro', 'micro', 'long', 'micro']);
  });

  it('a computer starting after an absence does not count the idle stretch of a peer’s snapshot as work', () => {
    // Limber on the desk is off 08:03–08:09 and the laptop idle 08:03–08:10: the user was away 6 minutes. The laptop's
    // last write (08:08:02) still counted its 4:59 of idle as work; the desk must not add the rest of the gap to it.
    const day = (syncDelaySeconds: number) =>
      sim({
        start: T('08:00'),
        end: T('09:00'),
        syncDelaySeconds,
        devices: [{ id: 'desk', activity: [st('08:03', '08:09', 'off')] }, { id: 'laptop', activity: [idle('08:03', '08:10')] }],
      });
    const first = (lines: Line[]) => Date.parse(of(lines, 'break-end')[0]!.at);
    expect(first(day(0))).toBe(Date.parse('2026-11-23T08:36:02+01:00'));
    expect(Math.abs(first(day(3)) - first(day(0)))).toBeLessThanOrEqual(63_000);
  });

  it('a natural break after the computer last used went to sleep is recorded once, whatever the sync delay', () => {
    // Every computer must name the same one as last used: dropping the sleeping desk from that choice made each leave
    // the record to another, and with any delay none made it.
    for (const syncDelaySeconds of [0, 1, 30, 60]) {
      const lines = sim({
        end: T('11:00'),
        syncDelaySeconds,
        devices: [
          { id: 'desk', activity: [idle('09:00', '09:20'), st('09:26', '10:30', 'asleep')] },
          { id: 'home', activity: [idle('09:00', '09:40')] },
          { id: 'laptop', activity: [idle('09:00', '11:00')] },
        ],
      });
      expect(of(lines, 'natural-break'), `delay ${syncDelaySeconds}`).toEqual([expect.objectContaining({ from: T('09:26'), kind: 'long' })]);
    }
  });

  it('a natural break is recorded once when the computer last used went to sleep', () => {
    // The desk is used last (09:24–09:26) and sleeps; the user returns to home at 09:30, within awayAfter of 09:26.
    const lines = sim({
      start: T('08:00'),
      end: T('11:00'),
      syncDelaySeconds: 1,
      devices: [
        { id: 'desk', activity: [idle('08:39', '08:50'), idle('09:18', '09:24'), st('09:26', '09:31', 'asleep')] },
        { id: 'laptop', activity: [idle('08:00', '09:31')] },
        { id: 'home', activity: [idle('08:01', '09:30')] },
      ],
    });
    const natural = of(lines, 'natural-break');
    for (let i = 1; i < natural.length; i++) expect(Date.parse(natural[i]!.at) - Date.parse(natural[i - 1]!.at)).toBeGreaterThan(60_000);
    expect(natural.filter((l) => l.at >= T('09:25'))).toEqual([]);
  });
});
