// Exercise ids and quoted history lines come from files anything may have written: what `stats` and `doctor` print
// carries no character a terminal acts on (escape sequences for the title, the clipboard, clearing the screen).
import { describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../core/history.ts';
import { computeStats } from '../core/stats.ts';
import { formatDoctor, formatStats } from './format.ts';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/; // eslint-disable-line no-control-regex -- what is looked for
const esc = 'x\u001b]0;pwned\u0007\u001b[2J\u009b31m';
const record = (exercises: string[]): HistoryRecord => ({ at: '2026-01-05T09:00:00.000Z', kind: 'long', outcome: 'completed', seconds: 300, exercises });

describe('control characters never reach the terminal', () => {
  it('stats as text', () => {
    const stats = computeStats([record([esc]), record(['neck-roll'])], { now: Date.parse('2026-01-05T12:00:00Z'), timeZone: 'UTC', days: 7 });
    expect(formatStats(stats)).not.toMatch(CONTROL);
    expect(formatStats(stats)).toContain('x]0;pwned[2J31m');
  });

  it('doctor, which quotes damaged history lines', () => {
    const text = formatDoctor({ dataDir: '/data', ok: false, findings: [{ level: 'problem', text: `line 2 is damaged: ${esc}` }] });
    expect(text).not.toMatch(CONTROL);
    expect(text).toContain('line 2 is damaged: x]0;pwned[2J31m');
  });
});
