import { describe, expect, it } from 'vitest';
import { EXERCISES } from '../../../electron/core/catalog.ts';
import { createPlayer, start, tick } from '../../../electron/core/player.ts';
import { setLocale, t } from './i18n.svelte.ts';
import { areaName, breakLead, cueText, dayName, durationText, positionName, positionsText, summaryText, waitText } from './messages.ts';

describe('cue words', () => {
  it('says the cues a coach would say', () => {
    expect(cueText({ code: 'get-ready', n: 1, of: 1 })).toBe('Get ready');
    expect(cueText({ code: 'begin', n: 1, of: 2, direction: 'forward' })).toBe('Forwards');
    expect(cueText({ code: 'switch-direction', n: 2, of: 2, direction: 'backward' })).toBe('Now backwards');
    expect(cueText({ code: 'other-side', n: 1, of: 2, side: 'left' })).toBe('Other side');
    expect(cueText({ code: 'rep', n: 8, of: 10 })).toBe('8 of 10');
    expect(cueText({ code: 'hold', n: 3, of: 10 })).toBe('Hold… 3 of 10');
    expect(cueText({ code: 'hold', n: 1, of: 1 })).toBe('Hold…');
    expect(cueText({ code: 'hold', n: 1, of: 3, side: 'right' })).toBe('Right side — hold… 1 of 3');
    expect(cueText({ code: 'release', n: 3, of: 10 })).toBe('…and release');
    expect(cueText({ code: 'lean-back', n: 1, of: 1 })).toBe('Lean back and stretch');
    expect(cueText({ code: 'begin', n: 1, of: 2, side: 'left' })).toBe('Left side first');
    expect(cueText({ code: 'hold', n: 1, of: 1, side: 'left' })).toBe('Left side — hold…');
  });

  it('has words for every cue any catalog exercise produces', () => {
    for (const e of EXERCISES) {
      const p = start(createPlayer({ kind: 'micro', exercises: [{ id: e.id, seconds: e.totalSeconds }], totalSeconds: e.totalSeconds }), 0);
      for (let t = 0; t < e.totalSeconds * 1000 + 5000; t += 500) {
        const cue = tick(p, t).segment?.cue;
        if (cue) expect(cueText(cue), `${e.id} at ${t}`).toMatch(/\S/);
      }
    }
  });
});

describe('other words', () => {
  it('formats durations', () => {
    expect(durationText(45)).toBe('45 s');
    expect(durationText(60)).toBe('1 min');
    expect(durationText(150)).toBe('2 min 30 s');
    expect(breakLead('long', 300)).toBe('A stretch session of 5 min');
  });

  it('sums up a finished break', () => {
    expect(summaryText({ exercises: ['a'], secondsMoved: 61, completed: true })).toBe('You moved for 1 min 1 s and did 1 exercise.');
    expect(summaryText({ exercises: ['a', 'b'], secondsMoved: 30, completed: false })).toBe('You moved for 30 s and did 2 exercises.');
  });

  it('names positions and areas, and carries the safety line', () => {
    expect(positionName('floor')).toBe('On the floor');
    expect(areaName('upper-back')).toBe('Upper back');
    expect(t('break.safety')).toBe('These moves should never hurt. If one causes discomfort or pain, stop and see a doctor or physiotherapist.');
    expect(positionsText(['seated', 'standing'])).toBe('seated or standing');
    expect(positionsText(['wall'])).toBe('at a wall');
  });

  it('names weekdays through Intl, Sunday as 0', () => {
    expect([0, 1, 6].map((d) => dayName(d, 'short'))).toEqual(['Sun', 'Mon', 'Sat']);
    expect(dayName(3, 'long')).toBe('Wednesday');
  });
});

describe('how long breaks waited', () => {
  it('rounds to the minute past one, in hours and minutes past sixty', () => {
    expect([40, 60, 89, 90, 25 * 60 + 20, 3600, 3629, 2 * 3600 + 5 * 60].map(waitText)).toEqual(['40 s', '1 min', '1 min', '2 min', '25 min', '1 h', '1 h', '2 h 5 min']);
  });

  it('speaks the active language, numbers through Intl', async () => {
    // setLocale sets the page's language and direction; a bare element stands in for the page here.
    const had = 'document' in globalThis;
    if (!had) Object.assign(globalThis, { document: { documentElement: {} } });
    try {
      expect(await setLocale('de')).toBe(true);
      expect(waitText(2 * 3600 + 5 * 60)).toBe('2 Std. 5 min');
      expect(await setLocale('ar')).toBe(true);
      expect(waitText(3 * 3600)).toBe(`${(3).toLocaleString('ar')} س`);
    } finally {
      await setLocale('en');
      if (!had) delete (globalThis as { document?: unknown }).document;
    }
  });
});
