// CSV injection (OWASP): a hostile exercise id must not become a formula in a spreadsheet, in a comma locale or a
// semicolon one; and `export --format json` carries no raw control characters to a terminal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HistoryRecord } from './history.ts';
import { parseCsv, parseCsvRows, toCsv, toJson } from './history-export.ts';

const record = (exercises: string[]): HistoryRecord => ({ at: '2026-01-05T09:00:00.000Z', kind: 'long', outcome: 'completed', seconds: 300, exercises });
const DANGEROUS = /^[=+\-@\t\r＝＋－＠]/;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/; // eslint-disable-line no-control-regex -- what is looked for

/** Every cell a spreadsheet may see: split on commas (quotes honoured) and, for semicolon locales, on `;` and `|` too. */
function cellStarts(csv: string): string[] {
  const commaCells = parseCsvRows(csv).flat();
  const semicolonCells = csv.split(/\r\n/).flatMap((line) => line.split(';'));
  return [...commaCells.flatMap((c) => c.split('|')), ...semicolonCells];
}

describe('CSV export against formula injection', () => {
  const hostile = ["=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1', '＝1+1', ' =1+1', 'ok;=1+1', 'say "hi"', 'bell\u0007\u009b31m'];

  it('no cell, and no part of the exercise list, starts with = + - @ tab or CR', () => {
    const csv = toCsv([record(hostile)]);
    for (const cell of cellStarts(csv)) expect(cell, JSON.stringify(cell)).not.toMatch(DANGEROUS);
    expect(csv).not.toMatch(CONTROL);
  });

  it('each dangerous id is kept as text behind one single quote, control characters removed, quotes doubled', () => {
    const row = parseCsvRows(toCsv([record(['=1+1', 'neck-roll', '@x', 'a\u0007b', 'say "hi"'])]))[1]!;
    expect(row[4]).toBe("'=1+1|neck-roll|'@x|ab|say \"hi\"");
    expect(toCsv([record(['say "hi"'])])).toContain('"say ""hi"""');
  });

  it('the exercise list is joined with a separator semicolon-locale spreadsheets do not split', () => {
    const csv = toCsv([record(['neck-roll', 'chair-rotation'])]);
    expect(csv).toContain('neck-roll|chair-rotation');
    expect(csv.split('\r\n')[1]).not.toContain(';');
  });

  it('reads its own export back exactly for any id without control characters', () => {
    const id = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !CONTROL.test(s) && !/[\t\n\r;|]/.test(s));
    fc.assert(
      fc.property(fc.array(id, { maxLength: 5 }), (ids) => {
        const back = parseCsv(toCsv([record(ids)]));
        expect(back.bad).toEqual([]);
        expect(back.records).toEqual([record(ids)]);
      }),
    );
  });

  it('still reads exports made with ; between exercises', () => {
    const old = parseCsv('at,kind,outcome,seconds,exercises,heldSeconds\r\n2026-01-05T09:00:00.000Z,long,completed,300,neck-roll;chair-rotation,\r\n');
    expect(old.records[0]!.exercises).toEqual(['neck-roll', 'chair-rotation']);
  });
});

describe('control characters never reach the terminal', () => {
  const esc = 'x\u001b]0;pwned\u0007\u001b[2J\u009b31m';

  it('export as JSON escapes C1 controls too (JSON.stringify leaves them raw) and still reads back', () => {
    const json = toJson([record([esc])]);
    expect(json).not.toMatch(CONTROL);
    expect((JSON.parse(json) as HistoryRecord[])[0]!.exercises).toEqual([esc]);
  });
});
