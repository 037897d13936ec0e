import { describe, expect, it } from 'vitest';
import { parseHistory, serializeRecord, validateRecord, type HistoryRecord } from './history.ts';

const rec: HistoryRecord = { at: '2026-03-02T10:30:00.000Z', kind: 'micro', outcome: 'completed', seconds: 60, exercises: ['shoulder-roll'] };

describe('history lines', () => {
  it('round-trips a record through one line', () => {
    const line = serializeRecord(rec);
    expect(line).not.toContain('\n');
    expect(parseHistory(line + '\n')).toEqual({ records: [rec], bad: [] });
  });

  it('skips and reports a torn last line and garbled lines, keeping every valid record in order', () => {
    const a = serializeRecord(rec);
    const b = serializeRecord({ ...rec, at: '2026-03-02T11:00:00+01:00', outcome: 'skipped', seconds: 0, exercises: [] });
    const text = [a, '{"at":"2026-03-02T12:00:00Z","kind":"mic', b, '\u0000\u0001garbage', '', b, '{"at":"2026-03-02T13:00:00Z","ki'].join('\n');
    const { records, bad } = parseHistory(text);
    expect(records).toHaveLength(3);
    expect(records[1]!.outcome).toBe('skipped');
    expect(bad.map((x) => x.line)).toEqual([2, 4, 7]);
    expect(bad[0]!.reason).toBe('not valid JSON');
    expect(bad[2]!.reason).toMatch(/torn/);
    expect(bad[2]!.text).toBe('{"at":"2026-03-02T13:00:00Z","ki');
  });

  it('tolerates CRLF line ends and blank lines', () => {
    expect(parseHistory(`\r\n${serializeRecord(rec)}\r\n\r\n`).records).toEqual([rec]);
  });

  it.each([
    [null, /object/],
    [[], /object/],
    [{ ...rec, at: 'yesterday' }, /"at"/],
    [{ ...rec, at: '2026-03-02T10:30:00' }, /"at"/],
    [{ ...rec, kind: 'huge' }, /"kind"/],
    [{ ...rec, outcome: 'maybe' }, /"outcome"/],
    [{ ...rec, seconds: -1 }, /"seconds"/],
    [{ ...rec, seconds: 1.5 }, /"seconds"/],
    [{ ...rec, seconds: '60' }, /"seconds"/],
    [{ ...rec, exercises: 'shoulder-roll' }, /"exercises"/],
    [{ ...rec, exercises: [1] }, /"exercises"/],
  ])('rejects a wrong type or value: %j', (input, reason) => {
    const r = validateRecord(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('keeps the partial outcome and how long a break was held; a bad heldSeconds marks the line', () => {
    const r: HistoryRecord = { at: '2026-11-23T09:30:00.000Z', kind: 'micro', outcome: 'partial', seconds: 25, exercises: ['neck-roll'], heldSeconds: 1980 };
    expect(parseHistory(serializeRecord(r) + '\n').records).toEqual([r]);
    const plain = { ...r, outcome: 'completed' as const };
    delete plain.heldSeconds;
    expect(serializeRecord(plain)).not.toContain('heldSeconds');
    expect(validateRecord({ ...r, heldSeconds: -1 })).toMatchObject({ ok: false, reason: expect.stringContaining('heldSeconds') });
    expect(validateRecord({ ...r, heldSeconds: 1.5 })).toMatchObject({ ok: false });
  });

  it('drops unknown fields of a newer version but keeps the record', () => {
    const r = validateRecord({ ...rec, mood: 'great' });
    expect(r).toEqual({ ok: true, record: rec });
  });
});
