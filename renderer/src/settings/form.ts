// The settings form's model, derived from the settings schema: which fields exist, their ranges, and whether an entry
// would be accepted. Validity is always decided by the schema (applySettingsPatch), the same check main applies.
import { RANGES, acceleratorHasModifier, applySettingsPatch, type SettingProblem, type Settings } from '../../../electron/core/settings.ts';
import { t } from '../lib/i18n.svelte.ts';

export type RangeKey = keyof typeof RANGES;

export const RANGE_KEYS = Object.keys(RANGES) as RangeKey[];

/** Where each numeric setting appears; every key of RANGES must be in exactly one group (tested). */
export const NUMBER_GROUPS = {
  micro: ['microBreak.everyMinutes', 'microBreak.durationSeconds'],
  long: ['longBreak.everyNth', 'longBreak.durationMinutes'],
  reminders: ['headsUpSeconds', 'snoozeMinutes', 'awayAfterMinutes'],
} as const satisfies Record<string, readonly RangeKey[]>;

/** Numeric fields with a hint line under them. */
const HINTED = ['longBreak.everyNth', 'headsUpSeconds', 'awayAfterMinutes'] as const satisfies readonly RangeKey[];
const hasHint = (path: RangeKey): path is (typeof HINTED)[number] => (HINTED as readonly RangeKey[]).includes(path);

/** Label before the input, unit after it, and a hint: "Every [30] minutes of work". */
export function numberWords(path: RangeKey): { label: string; unit: string; hint?: string } {
  const words = { label: t(`settings.field.${path}`), unit: t(`settings.unit.${path}`) };
  return hasHint(path) ? { ...words, hint: t(`settings.hint.${path}`) } : words;
}

/** "Enter a whole number from 5 to 240 minutes." */
export function rangeMessage(path: RangeKey): string {
  const { min, max, unit } = RANGES[path];
  return t(unit ? `settings.range.${unit}` : 'settings.range.plain', { min, max });
}

/** `a.b` → `{ a: { b: value } }`: the shape settings:set takes. */
export function patchFor(path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  if (!head) return {};
  return { [head]: rest.length ? patchFor(rest.join('.'), value) : value };
}

/** The value at a dotted path of the settings. */
export function valueAt(settings: Settings, path: RangeKey): number {
  let cur: unknown = settings;
  for (const key of path.split('.')) cur = (cur as Record<string, unknown>)[key];
  return cur as number;
}

export type Check<T> = { ok: true; value: T } | { ok: false; message: string };

/** A patch as the schema judges it against the current settings. */
export function checkPatch(current: Settings, patch: Record<string, unknown>): { ok: true; settings: Settings } | { ok: false; problems: SettingProblem[] } {
  return applySettingsPatch(current, patch);
}

/** What the user typed into a numeric field: accepted only if the schema accepts it, else the range in words. */
export function checkNumber(current: Settings, path: RangeKey, text: string): Check<number> {
  const trimmed = text.trim();
  if (!/^[-+]?\d+(\.\d*)?$/.test(trimmed)) return { ok: false, message: t('settings.notANumber', { range: rangeMessage(path) }) };
  const value = Number(trimmed);
  const r = applySettingsPatch(current, patchFor(path, value));
  return r.ok ? { ok: true, value } : { ok: false, message: rangeMessage(path) };
}

/** Work hours as typed; the schema checks the format and that the end is after the start. */
export function checkWorkHours(current: Settings, start: string, end: string): { start: string | null; end: string | null } {
  const r = applySettingsPatch(current, { workHours: { start, end } });
  if (r.ok) return { start: null, end: null };
  const at = (field: string) => r.problems.find((p) => p.path === `workHours.${field}`);
  const timeProblem = (field: string, value: string) => (at(field) ? (/^\d\d:\d\d$/.test(value) ? t('settings.workHours.endBeforeStart') : t('settings.workHours.badTime')) : null);
  return { start: timeProblem('start', start), end: timeProblem('end', end) };
}

export interface KeyInput {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const CODE_KEYS: Record<string, string> = {
  Space: 'Space',
  Enter: 'Enter',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Minus: '-',
  Equal: '=',
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Backquote: '`',
  BracketLeft: '[',
  BracketRight: ']',
  NumpadAdd: 'numadd',
  NumpadSubtract: 'numsub',
  NumpadMultiply: 'nummult',
  NumpadDivide: 'numdiv',
  NumpadDecimal: 'numdec',
};

/** Electron's name for the physical key (layout-independent, as global shortcuts are). */
function keyOf(code: string): string | null {
  let m = /^Key([A-Z])$/.exec(code);
  if (m) return m[1]!;
  m = /^Digit(\d)$/.exec(code);
  if (m) return m[1]!;
  m = /^Numpad(\d)$/.exec(code);
  if (m) return `num${m[1]}`;
  if (/^F([1-9]|1\d|2[0-4])$/.test(code)) return code;
  return CODE_KEYS[code] ?? null;
}

export type Recorded = { kind: 'waiting' } | { kind: 'cancel' } | { kind: 'needs-modifier' } | { kind: 'accelerator'; accelerator: string };

/** One keydown while recording, as an Electron accelerator (or why it is not one yet). */
export function recordKey(e: KeyInput, mac: boolean): Recorded {
  if (['Control', 'Shift', 'Alt', 'Meta', 'OS', 'AltGraph'].includes(e.key)) return { kind: 'waiting' };
  const mods = { ctrl: e.ctrlKey, meta: e.metaKey, alt: e.altKey, shift: e.shiftKey };
  if (e.key === 'Escape' && !mods.ctrl && !mods.meta && !mods.alt && !mods.shift) return { kind: 'cancel' };
  const key = keyOf(e.code);
  if (!key) return { kind: 'waiting' };
  const parts: string[] = [];
  if (mac) {
    if (mods.meta) parts.push('CommandOrControl');
    if (mods.ctrl) parts.push('Control');
  } else {
    if (mods.ctrl) parts.push('CommandOrControl');
    if (mods.meta) parts.push('Super');
  }
  if (mods.alt) parts.push('Alt');
  if (mods.shift) parts.push('Shift');
  const accelerator = [...parts, key].join('+');
  // A global shortcut without a real modifier would swallow ordinary typing everywhere (the schema's rule).
  if (!acceleratorHasModifier(accelerator)) return { kind: 'needs-modifier' };
  return { kind: 'accelerator', accelerator };
}

/** A numeric field's value as the patch settings:set takes (`microBreak.everyMinutes` → `{ microBreak: { everyMinutes } }`). */
export function commitNumber(form: { save(patch: Record<string, unknown>): unknown }, path: RangeKey, value: number): void {
  void form.save(patchFor(path, value));
}
