// The heads-up as the app drives it: one tagged notification whose countdown is rewritten in place, answered by its
// buttons and body, and withdrawn once its question is settled — whichever way it was settled.
import { describe, expect, it } from 'vitest';
import { RecordingNotifier } from '../e2e/harness/test-ports.ts';
import { startTestApp } from '../e2e/harness/test-app.ts';

const MIN = 60_000;
const HEADS_UP = 29 * MIN;

function atHeadsUp() {
  const notifier = new RecordingNotifier();
  const t = startTestApp({ notifier });
  t.clock.advanceBy(HEADS_UP);
  expect(t.app.status().phase).toBe('heads-up');
  return { ...t, notifier };
}

describe('the heads-up', () => {
  it('is one tagged notification about a break with three buttons, its countdown rewritten every 15 s until the break', () => {
    const { clock, notifier } = atHeadsUp();
    expect(notifier.sent[0]!.req).toMatchObject({ tag: 'heads-up', aboutBreak: true, actions: ['Start now', 'Snooze', 'Skip'] });
    expect(notifier.sent[0]!.req.update).toBeUndefined();
    clock.advanceBy(MIN);
    expect(notifier.sent.map((s) => [s.req.body, s.req.update ?? false])).toEqual([
      ['A movement break starts in 60 seconds.', false],
      ['A movement break starts in 45 seconds.', true],
      ['A movement break starts in 30 seconds.', true],
      ['A movement break starts in 15 seconds.', true],
    ]);
    expect(notifier.sent.every((s) => s.req.tag === 'heads-up')).toBe(true);
  });

  it('answers: the body and Start now start the break, Snooze and Skip do what they say', () => {
    const cases = [
      { answer: { kind: 'clicked' } as const, phase: 'on-break' },
      { answer: { kind: 'action', index: 0 } as const, phase: 'on-break' },
      { answer: { kind: 'action', index: 1 } as const, phase: 'working', movedBy: 6 * MIN },
      { answer: { kind: 'action', index: 2 } as const, phase: 'working', skipped: true },
    ];
    for (const c of cases) {
      const { app, clock, notifier, history } = atHeadsUp();
      notifier.sent[0]!.answer(c.answer);
      expect(app.status().phase).toBe(c.phase);
      if (c.movedBy) expect(app.status().nextBreak!.at - clock.now()).toBe(c.movedBy);
      if (c.skipped) expect(history.records.map((r) => r.outcome)).toEqual(['skipped']);
    }
  });

  it('the answer to a rewritten countdown is answered the same way', () => {
    const { app, clock, notifier } = atHeadsUp();
    clock.advanceBy(15_000);
    notifier.sent.at(-1)!.answer({ kind: 'action', index: 1 });
    expect(app.status().phase).toBe('working');
  });

  const settled: [string, (t: ReturnType<typeof atHeadsUp>) => void][] = [
    ['the break is started from the tray', (t) => t.tray.clickMenu('break:micro')],
    ['the break is started with the shortcut', (t) => t.shortcuts.press('CommandOrControl+Alt+B')],
    ['the break is snoozed from the tray', (t) => t.tray.clickMenu('snooze')],
    ['the break is skipped from the tray', (t) => t.tray.clickMenu('skip')],
    ['Limber is paused', (t) => t.tray.clickMenu('pause:30')],
    ['the break falls due and its prompt opens', (t) => t.clock.advanceBy(MIN)],
    ['the break was taken on another computer (the app-level call)', (t) => t.app.withdrawHeadsUp()],
    ['Limber quits', (t) => t.app.stop()],
  ];
  for (const [when, act] of settled) {
    it(`is withdrawn once, and its countdown stops, when ${when}`, () => {
      const t = atHeadsUp();
      act(t);
      expect(t.notifier.withdrawn).toEqual(['heads-up']);
      const updates = () => t.notifier.sent.filter((s) => s.req.update).length;
      const before = updates();
      t.clock.advanceBy(45_000);
      expect(updates()).toBe(before);
    });
  }

  it('nothing is withdrawn when no heads-up is on screen', () => {
    const notifier = new RecordingNotifier();
    const { tray, app } = startTestApp({ notifier });
    tray.clickMenu('break:micro');
    app.withdrawHeadsUp();
    expect(notifier.withdrawn).toEqual([]);
  });
});
