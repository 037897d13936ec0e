// One line of history.jsonl (docs/data-folder.md): parsing, validation and serialization. No I/O here.
import type { BreakKind, BreakOutcome } from './scheduler.ts';

export interface HistoryRecord {
  /** ISO-8601 time the break ended. */
  at: string;
  kind: BreakKind;
  outcome: BreakOutcome;
  seconds: number;
  exercises: string[];
  /** How long the break was held (a call, a presentation…) before it came; only on breaks that were. */
  heldSeconds?: number;
}

export const BREAK_KINDS: readonly BreakKind[] = ['micro', 'long'];
export const BREAK_OUTCOMES: readonly BreakOutcome[] = ['completed', 'partial', 'skipped', 'natural', 'missed'];

/** A break longer than a day is not a break: such a value means the line is damaged. */
const MAX_SECONDS = 24 * 60 * 60;
const MAX_EXERCISES = 64;
const MAX_ID = 64;
// Date and time with a zone (Z or ±hh:mm), as Date#toISOString and the scheduler write them.
const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export interface BadLine {
  /** 1-based line number in the file. */
  line: number;
  text: string;
  reason: string;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Checks one decoded line. Unknown extra fields are tolerated (a newer version may add some) and dropped. */
export function validateRecord(x: unknown): { ok: true; record: HistoryRecord } | { ok: false; reason: string } {
  if (!isRecord(x)) return { ok: false, reason: 'not a JSON object' };
  const { at, kind, outcome, seconds, exercises, heldSeconds } = x;
  if (typeof at !== 'string' || !ISO_RE.test(at) || Number.isNaN(Date.parse(at))) {
    return { ok: false, reason: '"at" must be an ISO-8601 date and time with a zone' };
  }
  if (typeof kind !== 'string' || !(BREAK_KINDS as readonly string[]).includes(kind)) {
    return { ok: false, reason: `"kind" must be one of ${BREAK_KINDS.join(', ')}` };
  }
  if (typeof outcome !== 'string' || !(BREAK_OUTCOMES as readonly string[]).includes(outcome)) {
    return { ok: false, reason: `"outcome" must be one of ${BREAK_OUTCOMES.join(', ')}` };
  }
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0 || seconds > MAX_SECONDS) {
    return { ok: false, reason: `"seconds" must be a whole number from 0 to ${MAX_SECONDS}` };
  }
  if (
    !Array.isArray(exercises) ||
    exercises.length > MAX_EXERCISES ||
    !exercises.every((e): e is string => typeof e === 'string' && e.length > 0 && e.length <= MAX_ID)
  ) {
    return { ok: false, reason: '"exercises" must be a list of exercise ids' };
  }
  if (heldSeconds !== undefined && !(typeof heldSeconds === 'number' && Number.isInteger(heldSeconds) && heldSeconds >= 0 && heldSeconds <= MAX_SECONDS)) {
    return { ok: false, reason: `"heldSeconds" must be a whole number from 0 to ${MAX_SECONDS}` };
  }
  const record: HistoryRecord = { at, kind: kind as BreakKind, outcome: outcome as BreakOutcome, seconds, exercises: [...exercises] };
  if (heldSeconds !== undefined) record.heldSeconds = heldSeconds;
  return { ok: true, record };
}

/** One line, without the newline; fields in a fixed order so files diff well. */
export function serializeRecord(r: HistoryRecord): string {
  const held = r.heldSeconds === undefined ? {} : { heldSeconds: r.heldSeconds };
  return JSON.stringify({ at: r.at, kind: r.kind, outcome: r.outcome, seconds: r.seconds, exercises: r.exercises, ...held });
}

/** What one line of the file is: a record, damage, or nothing (a blank line). */
export type HistoryLine = { record: HistoryRecord } | { bad: BadLine } | null;

/** Damaged lines are quoted this far at most: a hostile line may be huge. */
export const BAD_TEXT_MAX = 200;

const JSON_START = /^[\s]*[{["\-0-9tfn]/;

/** One line (without its newline) at 1-based `lineNo`; `isLast`: the file ends here without a newline. */
export function parseHistoryLine(raw: string, lineNo: number, isLast: boolean): HistoryLine {
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (line.trim() === '') return null;
  const text = line.length > BAD_TEXT_MAX ? `${line.slice(0, BAD_TEXT_MAX)}…` : line;
  const notJson = { bad: { line: lineNo, text, reason: isLast ? 'torn line (the write was cut short)' : 'not valid JSON' } };
  // No JSON value starts otherwise; skipping the parser's exception keeps masses of garbage cheap to read.
  if (!JSON_START.test(line)) return notJson;
  let decoded: unknown;
  try {
    decoded = JSON.parse(line);
  } catch {
    return notJson;
  }
  const r = validateRecord(decoded);
  return r.ok ? { record: r.record } : { bad: { line: lineNo, text, reason: r.reason } };
}

/**
 * Every valid record, in file order, and every line that is not one. Blank lines are not records and not damage.
 * A last line without its newline that does not parse is reported as torn (a crash mid-write).
 */
export function parseHistory(text: string): { records: HistoryRecord[]; bad: BadLine[] } {
  const records: HistoryRecord[] = [];
  const bad: BadLine[] = [];
  const lines = text.split('\n');
  const endsWithNewline = text.endsWith('\n');
  for (let i = 0; i < lines.length; i++) {
    const r = parseHistoryLine(lines[i]!, i + 1, i === lines.length - 1 && !endsWithNewline);
    if (r === null) continue;
    if ('record' in r) records.push(r.record);
    else bad.push(r.bad);
  }
  return { records, bad };
}
