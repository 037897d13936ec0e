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
    // A record that was not held has no heldSeconds field at all, not one set to undefined.
    expect(validateRecord(JSON.parse(serializeRecord(plain)))).toStrictEqual({ ok: true, record: plain });
    expect(validateRecord({ ...r, heldSeconds: -1 })).toMatchObject({ ok: false, reason: expect.stringContaining('heldSeconds') });
    expect(validateRecord({ ...r, heldSeconds: 1.5 })).toMatchObject({ ok: false });
  });

  it('drops unknown fields of a newer version but keeps the record', () => {
    const r = validateRecord({ ...rec, mood: 'great' });
    expect(r).toEqual({ ok: true, record: rec });
  });
});

describe('history lines: the edges of a valid record', () => {
  const ok = (x: unknown) => validateRecord(x).ok;

  it('accepts each limit and refuses one past it', () => {
    expect(ok({ ...rec, seconds: 0 })).toBe(true);
    expect(ok({ ...rec, seconds: 86_400 })).toBe(true);
    expect(ok({ ...rec, seconds: 86_401 })).toBe(false);
    expect(ok({ ...rec, exercises: Array.from({ length: 64 }, () => 'neck-roll') })).toBe(true);
    expect(ok({ ...rec, exercises: Array.from({ length: 65 }, () => 'neck-roll') })).toBe(false);
    expect(ok({ ...rec, exercises: ['x'.repeat(64)] })).toBe(true);
    expect(ok({ ...rec, exercises: ['x'.repeat(65)] })).toBe(false);
    expect(ok({ ...rec, exercises: [''] })).toBe(false);
    expect(ok({ ...rec, exercises: [] })).toBe(true);
  });

  it('takes only plain values: a list that reads like one is refused', () => {
    expect(validateRecord({ ...rec, at: [rec.at] })).toEqual({ ok: false, reason: '"at" must be an ISO-8601 date and time with a zone' });
    expect(validateRecord({ ...rec, exercises: [['shoulder-roll']] })).toEqual({ ok: false, reason: '"exercises" must be a list of exercise ids' });
  });

  it('the time held goes from 0 to a day', () => {
    const reason = '"heldSeconds" must be a whole number from 0 to 86400';
    expect(validateRecord({ ...rec, heldSeconds: 0 })).toEqual({ ok: true, record: { ...rec, heldSeconds: 0 } });
    expect(validateRecord({ ...rec, heldSeconds: 86_400 })).toEqual({ ok: true, record: { ...rec, heldSeconds: 86_400 } });
    expect(validateRecord({ ...rec, heldSeconds: 86_401 })).toEqual({ ok: false, reason });
    expect(validateRecord({ ...rec, heldSeconds: -1 })).toEqual({ ok: false, reason });
  });

  it('a time with anything before or after it is refused', () => {
    for (const at of [` ${rec.at}`, `${rec.at} `, `\n${rec.at}`, `${rec.at}\t`]) expect(ok({ ...rec, at })).toBe(false);
  });

  it('a file that starts with a blank line still reports its unfinished last line as torn', () => {
    expect(parseHistory('\n' + serializeRecord(rec) + '\n{"at":').bad).toEqual([{ line: 3, text: '{"at":', reason: 'torn line (the write was cut short)' }]);
  });

  it('takes the times the app and other tools write, with a zone, and nothing else', () => {
    for (const at of ['2026-03-02T10:30Z', '2026-03-02T10:30:00+01:00', '2026-03-02T10:30:00.123456789-05:30', '2026-03-02T10:30:00.5Z']) {
      expect([at, ok({ ...rec, at })]).toEqual([at, true]);
    }
    for (const at of ['2026-03-02T10:30:00.1234567890Z', ' 2026-03-02T10:30:00Z', '2026-03-02T10:30:00Z ', '2026-13-40T10:30:00Z', '2026-03-02 10:30:00Z', 12]) {
      expect([at, ok({ ...rec, at })]).toEqual([at, false]);
    }
  });

  it('knows every kind and outcome, and says which ones it knows', () => {
    for (const kind of ['micro', 'long']) expect(ok({ ...rec, kind })).toBe(true);
    // Every outcome of docs/data-folder.md and docs/scheduling.md.
    for (const outcome of ['completed', 'partial', 'skipped', 'natural', 'missed']) expect(ok({ ...rec, outcome })).toBe(true);
    expect(validateRecord({ ...rec, kind: 7 })).toEqual({ ok: false, reason: '"kind" must be one of micro, long' });
    expect(validateRecord({ ...rec, outcome: null })).toMatchObject({ ok: false, reason: expect.stringMatching(/^"outcome" must be one of (completed|partial|skipped|natural|missed)(, (completed|partial|skipped|natural|missed)){4}$/) });
    expect(validateRecord({ ...rec, seconds: 86_401 })).toEqual({ ok: false, reason: '"seconds" must be a whole number from 0 to 86400' });
    expect(validateRecord({ ...rec, at: 'x' })).toEqual({ ok: false, reason: '"at" must be an ISO-8601 date and time with a zone' });
    expect(validateRecord('x')).toEqual({ ok: false, reason: 'not a JSON object' });
    expect(validateRecord({ ...rec, exercises: [1] })).toEqual({ ok: false, reason: '"exercises" must be a list of exercise ids' });
  });

  it('hands back its own copy of the exercises', () => {
    const exercises = ['neck-roll'];
    const r = validateRecord({ ...rec, exercises });
    if (!r.ok) throw new Error(r.reason);
    exercises.push('shoulder-roll');
    expect(r.record.exercises).toEqual(['neck-roll']);
  });

  it('writes fields in one fixed order', () => {
    const shuffled = { exercises: rec.exercises, seconds: rec.seconds, outcome: rec.outcome, kind: rec.kind, at: rec.at };
    expect(serializeRecord(shuffled)).toBe('{"at":"2026-03-02T10:30:00.000Z","kind":"micro","outcome":"completed","seconds":60,"exercises":["shoulder-roll"]}');
  });

  it('a valid last record without its newline counts; an unreadable one is torn only when it is the last', () => {
    const line = serializeRecord(rec);
    expect(parseHistory(`${line}\n${line}`)).toEqual({ records: [rec, rec], bad: [] });
    expect(parseHistory('{"a\n').bad).toEqual([{ line: 1, text: '{"a', reason: 'not valid JSON' }]);
    expect(parseHistory('{"a').bad).toEqual([{ line: 1, text: '{"a', reason: 'torn line (the write was cut short)' }]);
    expect(parseHistory(`${line}\r\n{"kind":1}\r\n`).bad).toEqual([{ line: 2, text: '{"kind":1}', reason: expect.stringMatching(/^"at"/) }]);
    expect(parseHistory('  \n\t\n')).toEqual({ records: [], bad: [] });
  });
});
