import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HistoryRecord } from './history.ts';
import { parseCsv, parseCsvRows, parseJsonExport, toCsv, toJson } from './history-export.ts';

const recordArb: fc.Arbitrary<HistoryRecord> = fc.record(
  {
    at: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
    kind: fc.constantFrom('micro' as const, 'long' as const),
    outcome: fc.constantFrom('completed' as const, 'partial' as const, 'skipped' as const, 'natural' as const, 'missed' as const),
    seconds: fc.integer({ min: 0, max: 3600 }),
    exercises: fc.array(fc.stringMatching(/^[a-z][a-z-]{0,20}$/), { maxLength: 5 }),
    heldSeconds: fc.integer({ min: 0, max: 86_400 }),
  },
  { requiredKeys: ['at', 'kind', 'outcome', 'seconds', 'exercises'] },
);

describe('export', () => {
  it('CSV read back equals the history record by record', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 30 }), (records) => {
        const back = parseCsv(toCsv(records));
        expect(back.bad).toEqual([]);
        expect(back.records).toEqual(records);
      }),
    );
  });

  it('JSON read back equals the history record by record', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 30 }), (records) => {
        const back = parseJsonExport(toJson(records));
        expect(back.bad).toEqual([]);
        expect(back.records).toEqual(records);
      }),
    );
  });

  it('CSV has a header and one row per record, exercises in one cell, how long it was held in the last', () => {
    const csv = toCsv([
      { at: '2026-01-05T09:00:00.000Z', kind: 'long', outcome: 'completed', seconds: 300, exercises: ['neck-roll', 'chair-rotation'] },
      { at: '2026-01-05T11:00:00.000Z', kind: 'micro', outcome: 'skipped', seconds: 0, exercises: [], heldSeconds: 1980 },
    ]);
    expect(csv).toBe(
      'at,kind,outcome,seconds,exercises,heldSeconds\r\n2026-01-05T09:00:00.000Z,long,completed,300,neck-roll|chair-rotation,\r\n2026-01-05T11:00:00.000Z,micro,skipped,0,,1980\r\n',
    );
  });

  it('JSON gives heldSeconds only for breaks that were held', () => {
    const json = JSON.parse(toJson([
      { at: '2026-01-05T09:00:00.000Z', kind: 'micro', outcome: 'completed', seconds: 60, exercises: ['neck-roll'] },
      { at: '2026-01-05T11:00:00.000Z', kind: 'micro', outcome: 'completed', seconds: 60, exercises: ['neck-roll'], heldSeconds: 1980 },
    ])) as object[];
    expect(json.map((r) => 'heldSeconds' in r)).toEqual([false, true]);
    expect(json[1]).toMatchObject({ heldSeconds: 1980 });
  });

  it('JSON names the computer of each record recorded with a sync folder, and reads it back', () => {
    const records = [
      { at: '2026-01-05T09:00:00.000Z', kind: 'micro' as const, outcome: 'completed' as const, seconds: 60, exercises: ['neck-roll'] },
      { at: '2026-01-05T11:00:00.000Z', kind: 'micro' as const, outcome: 'skipped' as const, seconds: 0, exercises: [], device: 'laptop-1' },
    ];
    const json = JSON.parse(toJson(records)) as object[];
    expect(json.map((r) => ('device' in r ? r.device : null))).toEqual([null, 'laptop-1']);
    expect(parseJsonExport(toJson(records))).toEqual({ records, bad: [] });
  });

  it('reads CSV exported before holds existed, and a bad held cell marks its row', () => {
    const old = parseCsv('at,kind,outcome,seconds,exercises\r\n2026-01-05T09:00:00.000Z,micro,completed,60,neck-roll\r\n');
    expect(old).toEqual({ records: [{ at: '2026-01-05T09:00:00.000Z', kind: 'micro', outcome: 'completed', seconds: 60, exercises: ['neck-roll'] }], bad: [] });
    const r = parseCsv('at,kind,outcome,seconds,exercises,heldSeconds\n2026-01-05T09:00:00Z,micro,completed,60,,soon\n2026-01-05T10:00:00Z,micro,completed,60,\n');
    expect(r.records).toEqual([]);
    expect(r.bad.map((b) => [b.line, b.reason])).toEqual([
      [2, expect.stringContaining('heldSeconds')],
      [3, 'expected 6 fields, found 5'],
    ]);
  });

  it('CSV parsing honours quotes, doubled quotes and line breaks inside fields', () => {
    expect(parseCsvRows('a,"b,c","say ""hi""","x\r\ny"\r\n')).toEqual([['a', 'b,c', 'say "hi"', 'x\r\ny']]);
  });

  it('reports rows that are not records', () => {
    const r = parseCsv('at,kind,outcome,seconds,exercises,heldSeconds\nnot-a-date,micro,completed,60,,\n2026-01-05T09:00:00Z,micro,completed,60,\n');
    expect(r.records).toEqual([]);
    expect(r.bad.map((b) => b.line)).toEqual([2, 3]);
    expect(parseCsv('wrong,header\n').bad[0]!.reason).toMatch(/header/);
  });
});
