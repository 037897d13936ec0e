// Records that tell the truth (docs/scheduling.md, "What a break's record says"): seconds actually moved, pauses
// excluded, cross-checked with main's clock; completed only when the routine played to its end, partial when it
// ended early.
import { describe, expect, it } from 'vitest';
import { EXERCISES, isExerciseId } from '../core/catalog.ts';
import type { HistoryRecord } from '../core/history.ts';
import { ENGLISH, exerciseWords } from '../core/i18n/locales.ts';
import type { SchedulerEvent, SchedulerPhase } from '../core/scheduler.ts';
import { defaultSettings, type Position, type Settings } from '../core/settings.ts';
import type { WindowHandle } from '../ports.ts';
import { BreakController } from './break-controller.ts';
import { Notices } from './notices.ts';

const T0 = Date.parse('2026-11-23T10:00:00+01:00');
const S = 1000;

function setup(settings: Settings = defaultSettings()) {
  const records: HistoryRecord[] = [];
  let phase: SchedulerPhase = 'working';
  let onClosed = () => {};
  const window: WindowHandle = { send: () => {}, close: () => onClosed(), isOpen: () => true };
  const acts: string[] = [];
  const c = new BreakController({
    ports: {
      windows: {
        open: (_k, o) => {
          onClosed = o.onClosed;
          return window;
        },
        broadcast: () => {},
        pickFolder: () => Promise.resolve(null),
      },
      history: { readAll: () => [], append: (r) => records.push(r) },
    },
    notices: new Notices(() => {}),
    tell: () => {},
    settings: () => settings,
    phase: () => phase,
    act: (a) => acts.push(a.do),
  });
  const start = () => {
    phase = 'on-break';
    c.onSchedulerEvent({ type: 'break-start', at: T0, kind: 'micro', manual: true });
    const view = c.view;
    if (view.screen !== 'player') throw new Error('no player');
    return view.routine;
  };
  const end = (afterMs: number, outcome: 'completed' | 'partial' | 'skipped', extra: Partial<SchedulerEvent> = {}) => {
    phase = 'working';
    c.onSchedulerEvent({ type: 'break-end', at: T0 + afterMs, kind: 'micro', outcome, seconds: Math.round(afterMs / 1000), ...extra } as SchedulerEvent);
    return records.at(-1)!;
  };
  return { c, start, end, records, acts, closeByUser: () => onClosed() };
}

describe('moves worded for where they are done', () => {
  // What a step may not ask for there: a seated routine never says "stand tall", and so on.
  const WRONG: Partial<Record<Position, RegExp>> = { seated: /\bstand(ing)?\b/i, standing: /\bsit(ting)?\b|\bseated\b/i };

  it.each(['seated', 'standing'] as const)('with only %s allowed, every move of every routine is done and worded that way', (where) => {
    const { c, start, end } = setup({ ...defaultSettings(), positions: [where] });
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const routine = start();
      for (const x of routine.exercises) {
        expect(x.position, x.id).toBe(where);
        if (!isExerciseId(x.id)) throw new Error(`not in the catalog: ${x.id}`);
        expect(exerciseWords(ENGLISH, x.id, x.position).steps.join(' '), `${x.id} (${where})`).not.toMatch(WRONG[where]!);
        seen.add(x.id);
      }
      c.progress(routine.exercises.map((x) => x.id), routine.totalSeconds, true);
      end((routine.totalSeconds + 1) * S, 'completed');
    }
    // The moves done both ways were among them, not only the ones that have one wording.
    const twoWay = EXERCISES.filter((e) => e.positions.includes('seated') && e.positions.includes('standing'));
    expect(twoWay.filter((e) => seen.has(e.id)).length).toBeGreaterThan(0);
  });
});

describe('break records', () => {
  it('a routine played to its end is completed, with the seconds the window moved', () => {
    const { c, start, end } = setup();
    const routine = start();
    const ids = routine.exercises.map((e) => e.id);
    c.progress(ids, routine.totalSeconds, true);
    const r = end((routine.totalSeconds + 5) * S, 'completed');
    expect(r).toMatchObject({ outcome: 'completed', seconds: routine.totalSeconds, exercises: ids });
  });

  it('Finish after 5 s is partial with about 5 s, not completed', () => {
    const { c, start, end } = setup();
    start();
    c.progress([], 5, true);
    const r = end(8 * S, 'partial');
    expect(r).toMatchObject({ outcome: 'partial', seconds: 5, exercises: [] });
    // Even where the scheduler took it for complete (the break's length had passed), the window has the last word.
    const b = setup();
    b.start();
    b.c.progress([], 5, true);
    expect(b.end(90 * S, 'completed')).toMatchObject({ outcome: 'partial', seconds: 5 });
  });

  it('pauses are not moving: the window’s count, not the wall time, is recorded', () => {
    const { c, start, end } = setup();
    const routine = start();
    c.progress([routine.exercises[0]!.id], 20, true); // 20 s moved, then paused for minutes, then finished
    expect(end(300 * S, 'completed')).toMatchObject({ outcome: 'partial', seconds: 20 });
  });

  it('never records more than main saw the break run, nor more than the routine', () => {
    const { c, start, end } = setup();
    const routine = start();
    c.progress(routine.exercises.map((e) => e.id), 3000, true);
    expect(end(10 * S, 'completed')).toMatchObject({ outcome: 'partial', seconds: 10 });
    const b = setup();
    const r2 = b.start();
    b.c.progress(r2.exercises.map((e) => e.id), 3000, true);
    expect(b.end(3600 * S, 'completed')).toMatchObject({ outcome: 'completed', seconds: r2.totalSeconds });
  });

  it('closing the window, sleep or lock: partial, with what the window reported until then', () => {
    const { c, start, end, closeByUser, acts } = setup();
    const routine = start();
    c.progress([routine.exercises[0]!.id], 25);
    closeByUser();
    expect(acts).toEqual(['finish']);
    expect(end(40 * S, 'completed')).toMatchObject({ outcome: 'partial', seconds: 25, exercises: [routine.exercises[0]!.id] });
    const b = setup();
    b.start();
    b.c.progress([], 12);
    expect(b.end(30 * S, 'partial')).toMatchObject({ outcome: 'partial', seconds: 12 });
  });

  it('a window that never reported is partial with nothing claimed', () => {
    const { start, end } = setup();
    start();
    expect(end(700 * S, 'completed')).toMatchObject({ outcome: 'partial', seconds: 0, exercises: [] });
  });

  it('a skipped prompt records nothing moved; a held break keeps how long it was held', () => {
    const { c, end } = setup();
    c.onSchedulerEvent({ type: 'break-prompt', at: T0, kind: 'micro' });
    expect(end(0, 'skipped', { heldSeconds: 1980 })).toEqual({ at: new Date(T0).toISOString(), kind: 'micro', outcome: 'skipped', seconds: 0, exercises: [], heldSeconds: 1980 });
  });

  it('a prompt withdrawn for a hold closes the window without deciding anything', () => {
    const { c, acts, records } = setup();
    let closed = 0;
    c.onSchedulerEvent({ type: 'break-prompt', at: T0, kind: 'micro' });
    (c as unknown as { window: { close: () => void } }).window.close = () => closed++;
    c.onSchedulerEvent({ type: 'withdrawn', at: T0 + 1000, kind: 'micro', what: 'prompt' });
    expect(closed).toBe(1);
    expect(c.view).toEqual({ screen: 'idle' });
    expect(acts).toEqual([]);
    expect(records).toEqual([]);
  });
});
