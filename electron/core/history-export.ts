// History export as CSV (for spreadsheets) and JSON, and reading both back.
import { validateRecord, type BadLine, type HistoryRecord } from './history.ts';
import { escapeJsonForTerminal } from './text.ts';

export const CSV_HEADER = ['at', 'kind', 'outcome', 'seconds', 'exercises', 'heldSeconds'] as const;
/** Exports written before holds existed lack the last column; they still read back. */
const CSV_HEADER_BEFORE_HOLDS = CSV_HEADER.slice(0, 5);
/**
 * Between exercise ids in one cell. Not `;`: spreadsheets in many European locales split CSV on it, so each id would
 * start a cell of its own there. Exports made with `;` still read back.
 */
const ID_SEPARATOR = '|';
const READ_SEPARATORS = /[|;]/;

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** A cell starting with one of these is a formula to some spreadsheet (OWASP CSV injection; full-width forms too). */
const FORMULA_START = /^[\s\u00a0]*['=+\-@＝＋－＠]/;

/**
 * One value made inert for a spreadsheet (OWASP "CSV Injection"): control characters (tab, CR, escapes) removed,
 * the list separators (`|`, and `;` where a locale splits on it) replaced, and a value that could start a formula
 * kept as text behind one single quote. A value already starting with a quote gets one more, so reading strips
 * exactly one and every value without control characters or separators comes back as it was.
 */
function inert(value: string): string {
  const clean = value.replace(CONTROL, '').replace(/[|;]/g, '_');
  const part = clean === '' && value !== '' ? '\uFFFD' : clean;
  return FORMULA_START.test(part) ? `'${part}` : part;
}

function fromInert(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** RFC 4180: CRLF line ends, a header row, quotes only where needed; every text value made inert (see `inert`). */
export function toCsv(records: readonly HistoryRecord[]): string {
  const rows = [CSV_HEADER.join(',')];
  for (const r of records) {
    const held = r.heldSeconds === undefined ? '' : String(r.heldSeconds);
    const exercises = r.exercises.map(inert).join(ID_SEPARATOR);
    rows.push([inert(r.at), r.kind, r.outcome, String(r.seconds), exercises, held].map(csvField).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}

/** Splits CSV text into rows of fields (quoted fields may hold commas, quotes and line breaks). */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n') endRow();
    else if (c === '\r') {
      if (text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
    i++;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** Reads a CSV export back; rows that are not valid records are reported by row number (header is row 1). */
export function parseCsv(text: string): { records: HistoryRecord[]; bad: BadLine[] } {
  const rows = parseCsvRows(text);
  const header = rows[0]?.join(',');
  const columns = header === CSV_HEADER.join(',') ? CSV_HEADER.length : header === CSV_HEADER_BEFORE_HOLDS.join(',') ? CSV_HEADER_BEFORE_HOLDS.length : 0;
  if (columns === 0) {
    return { records: [], bad: [{ line: 1, text: header ?? '', reason: `the header must be ${CSV_HEADER.join(',')}` }] };
  }
  const records: HistoryRecord[] = [];
  const bad: BadLine[] = [];
  rows.slice(1).forEach((cells, i) => {
    const line = i + 2;
    if (cells.length === 1 && cells[0] === '') return;
    if (cells.length !== columns) {
      bad.push({ line, text: cells.join(','), reason: `expected ${columns} fields, found ${cells.length}` });
      return;
    }
    const [at, kind, outcome, seconds, exercises, held = ''] = cells as [string, string, string, string, string, string?];
    const wholeOrText = (v: string) => (/^\d+$/.test(v) ? Number(v) : v);
    const r = validateRecord({
      at: fromInert(at),
      kind,
      outcome,
      seconds: wholeOrText(seconds),
      exercises: exercises === '' ? [] : exercises.split(READ_SEPARATORS).map(fromInert),
      ...(held === '' ? {} : { heldSeconds: wholeOrText(held) }),
    });
    if (r.ok) records.push(r.record);
    else bad.push({ line, text: cells.join(','), reason: r.reason });
  });
  return { records, bad };
}

/** A JSON array of records, one field order, readable in an editor. */
export function toJson(records: readonly HistoryRecord[]): string {
  // Several computers: each record names the computer that recorded it, as in history.jsonl.
  const plain = records.map((r) => ({
    at: r.at,
    kind: r.kind,
    outcome: r.outcome,
    seconds: r.seconds,
    exercises: r.exercises,
    ...(r.heldSeconds === undefined ? {} : { heldSeconds: r.heldSeconds }),
    ...(r.device === undefined ? {} : { device: r.device }),
  }));
  return escapeJsonForTerminal(JSON.stringify(plain, null, 2)) + '\n';
}

/** Reads a JSON export back; entries that are not valid records are reported by index (1-based). */
export function parseJsonExport(text: string): { records: HistoryRecord[]; bad: BadLine[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { records: [], bad: [{ line: 1, text: text.slice(0, 200), reason: `not valid JSON: ${(e as Error).message}` }] };
  }
  if (!Array.isArray(data)) return { records: [], bad: [{ line: 1, text: text.slice(0, 200), reason: 'expected a JSON array' }] };
  const records: HistoryRecord[] = [];
  const bad: BadLine[] = [];
  data.forEach((item: unknown, i) => {
    const r = validateRecord(item);
    if (r.ok) records.push(r.record);
    else bad.push({ line: i + 1, text: JSON.stringify(item) ?? '', reason: r.reason });
  });
  return { records, bad };
}
