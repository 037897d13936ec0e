// The settings schema: the single source of truth for defaults, ranges and messages.
// The store (JSON Schema derived from it), the settings window, IPC and the simulator all validate through here.
import * as v from 'valibot';
import { EXERCISE_IDS } from './catalog.ts';
import { HOLD_REASONS } from './holds.ts';
import { LANGUAGE_CODES } from './i18n/languages.ts';

export const POSITIONS = ['seated', 'standing', 'wall', 'floor'] as const;
export type Position = (typeof POSITIONS)[number];

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const SHORTCUT_SHAPE = /^(\S+\+)*\S+$/;

/** Numeric settings: allowed range, default and unit. Forms and help text read these too. */
export const RANGES = {
  'microBreak.everyMinutes': { min: 5, max: 240, fallback: 30, unit: 'minutes' },
  'microBreak.durationSeconds': { min: 20, max: 600, fallback: 60, unit: 'seconds' },
  'longBreak.everyNth': { min: 2, max: 12, fallback: 4, unit: '' },
  'longBreak.durationMinutes': { min: 2, max: 30, fallback: 5, unit: 'minutes' },
  headsUpSeconds: { min: 0, max: 300, fallback: 60, unit: 'seconds' },
  snoozeMinutes: { min: 1, max: 60, fallback: 5, unit: 'minutes' },
  awayAfterMinutes: { min: 2, max: 30, fallback: 5, unit: 'minutes' },
} as const;

/**
 * The hold limit's range. Kept apart from RANGES until the settings window gets a field for it (RANGES drives the
 * window's number fields, each of which must sit in a group).
 */
export const HOLD_LIMIT_RANGE = { min: 15, max: 240, fallback: 90, unit: 'minutes' } as const;

function intRange({ min, max, fallback, unit }: { min: number; max: number; fallback: number; unit: string }) {
  const range = `a whole number from ${min} to ${max}${unit ? ' ' + unit : ''}`;
  return v.optional(
    v.pipe(
      v.number(`must be ${range}`),
      v.integer(`must be ${range}`),
      v.minValue(min, `must be ${range}`),
      v.maxValue(max, `must be ${range}`),
    ),
    fallback,
  );
}

/**
 * A list checked in the order that keeps hostile input cheap: its length first (items untouched), then every
 * item, then that none repeats. A later schema in a valibot pipe does not run once an earlier step failed.
 */
function cappedList<T extends string>(
  items: readonly T[],
  max: number,
  messages: { list: string; item: string; tooMany: string; twice: string },
) {
  return v.pipe(
    // Not v.array(v.unknown()): that walks (and copies) every item before the length is looked at.
    v.custom<unknown[]>((x) => Array.isArray(x), messages.list),
    v.check((l) => l.length <= max, messages.tooMany),
    v.array(v.picklist(items, messages.item), messages.list),
    // Never fails after the check above; gives conf's JSON Schema its maxItems.
    v.maxLength(max, messages.tooMany),
    v.check((l) => new Set(l).size === l.length, messages.twice),
  );
}

/** The lists' caps; `sanitizeSettings` keeps the valid items of a list within its cap. */
export const LIST_LIMITS = { positions: POSITIONS.length, excludedExercises: EXERCISE_IDS.length } as const;

/** Modifiers that make a global shortcut leave ordinary typing alone (Shift alone does not). */
const SHORTCUT_MODIFIERS = new Set(['commandorcontrol', 'cmdorctrl', 'command', 'cmd', 'control', 'ctrl', 'alt', 'option', 'altgr', 'super', 'meta']);

/**
 * True when the accelerator holds a modifier besides Shift, or is a function key (F1–F24), which types nothing.
 * A bare key as a global shortcut would be taken from every app. The settings window's recorder asks the same.
 */
export function acceleratorHasModifier(accelerator: string): boolean {
  const parts = accelerator.split('+');
  const key = parts.at(-1) ?? '';
  return /^F([1-9]|1\d|2[0-4])$/i.test(key) || parts.slice(0, -1).some((p) => SHORTCUT_MODIFIERS.has(p.toLowerCase()));
}

const bool = (fallback: boolean) => v.optional(v.boolean('must be true or false'), fallback);
const time = (fallback: string) =>
  v.optional(v.pipe(v.string('must be a time HH:MM'), v.regex(TIME_RE, 'must be a time HH:MM (00:00–23:59)')), fallback);

export const MicroBreakSchema = v.object({
  enabled: bool(true),
  everyMinutes: intRange(RANGES['microBreak.everyMinutes']),
  durationSeconds: intRange(RANGES['microBreak.durationSeconds']),
});

export const LongBreakSchema = v.object({
  enabled: bool(true),
  everyNth: intRange(RANGES['longBreak.everyNth']),
  durationMinutes: intRange(RANGES['longBreak.durationMinutes']),
});

export const WorkHoursSchema = v.pipe(
  v.object({
    enabled: bool(false),
    days: v.optional(
      v.pipe(
        v.array(
          v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6)),
          'must be a list of weekdays 0 (Sunday) to 6 (Saturday)',
        ),
        v.check((d) => new Set(d).size === d.length, 'must not list a weekday twice'),
      ),
      [1, 2, 3, 4, 5],
    ),
    start: time('09:00'),
    end: time('17:00'),
  }),
  v.forward(
    v.check((w) => w.start < w.end, 'must be later than the start time'),
    ['end'],
  ),
);

export const SettingsSchema = v.object({
  microBreak: v.optional(MicroBreakSchema, {}),
  longBreak: v.optional(LongBreakSchema, {}),
  headsUpSeconds: intRange(RANGES['headsUpSeconds']),
  snoozeMinutes: intRange(RANGES['snoozeMinutes']),
  awayAfterMinutes: intRange(RANGES['awayAfterMinutes']),
  workHours: v.optional(WorkHoursSchema, {}),
  positions: v.optional(
    v.pipe(
      cappedList(POSITIONS, LIST_LIMITS.positions, {
        list: `must list positions from: ${POSITIONS.join(', ')}`,
        item: `must be one of: ${POSITIONS.join(', ')}`,
        tooMany: `must list at most ${LIST_LIMITS.positions} positions`,
        twice: 'must not list a position twice',
      }),
      v.minLength(1, 'must allow at least one position'),
    ),
    ['seated', 'standing'],
  ),
  excludedExercises: v.optional(
    cappedList(EXERCISE_IDS, LIST_LIMITS.excludedExercises, {
      list: 'must be a list of exercise ids',
      item: 'must be an exercise id of the catalog',
      tooMany: `must list at most ${LIST_LIMITS.excludedExercises} exercises`,
      twice: 'must not list an exercise twice',
    }),
    [],
  ),
  sound: bool(true),
  shortcut: v.optional(
    v.pipe(
      v.string('must be a keyboard shortcut'),
      v.maxLength(64, 'is too long'),
      v.regex(SHORTCUT_SHAPE, 'must look like CommandOrControl+Alt+B'),
      // Said only of a shortcut of the right shape: one problem, one message.
      v.check((s) => s.length > 64 || !SHORTCUT_SHAPE.test(s) || acceleratorHasModifier(s), 'needs Ctrl, Alt, Super or Command with the key (a bare key would be taken from every app)'),
    ),
    'CommandOrControl+Alt+B',
  ),
  startAtLogin: bool(true),
  holdDuring: v.optional(
    v.pipe(
      v.array(v.picklist(HOLD_REASONS), `must list hold reasons from: ${HOLD_REASONS.join(', ')}`),
      v.check((r) => new Set(r).size === r.length, 'must not list a reason twice'),
    ),
    () => [...HOLD_REASONS],
  ),
  holdLimitMinutes: intRange(HOLD_LIMIT_RANGE),
  /** `system` follows the OS's preferred languages; a shipped code fixes the language. */
  language: v.optional(
    v.picklist(['system', ...LANGUAGE_CODES], `must be system or a shipped language: ${LANGUAGE_CODES.join(', ')}`),
    'system',
  ),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;
export type SettingsInput = v.InferInput<typeof SettingsSchema>;

/** A fresh copy of the defaults (callers may mutate it). */
export function defaultSettings(): Settings {
  return v.parse(SettingsSchema, {});
}

export interface SettingProblem {
  /** Dotted path of the setting, e.g. `microBreak.everyMinutes`. */
  path: string;
  message: string;
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((p) => String(p.key)).join('.');
}

export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): SettingProblem[] {
  return issues.map((i) => {
    const path = pathOf(i) || '(settings)';
    return { path, message: `${path} ${i.message}` };
  });
}

/** The settings that are groups of settings (objects), e.g. `microBreak`; found when asked, not while loading. */
function groupKeys(): string[] {
  return Object.entries(defaultSettings())
    .filter(([, value]) => isRecord(value))
    .map(([key]) => key);
}

/** Strict validation of a complete or partial settings object: all or nothing. */
export function validateSettings(input: unknown): { ok: true; settings: Settings } | { ok: false; problems: SettingProblem[] } {
  // valibot's object() takes a list as well and fills it with defaults: that would reset a group without a word.
  const lists = isRecord(input) ? groupKeys().filter((g) => Array.isArray(input[g])) : [];
  if (lists.length) return { ok: false, problems: lists.map((g) => ({ path: g, message: `${g} must be a group of settings, not a list` })) };
  const r = v.safeParse(SettingsSchema, input);
  return r.success ? { ok: true, settings: r.output } : { ok: false, problems: describeIssues(r.issues) };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Field-by-field repair: every valid value of `input` is kept; each invalid one falls back to the value in `base`
 * (the previous valid settings, or the defaults) and is reported. Unknown keys are dropped and reported.
 */
export function sanitizeSettings(input: unknown, base: Settings = defaultSettings()): { settings: Settings; problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];
  if (!isRecord(input)) {
    return { settings: structuredClone(base), problems: [{ path: '(settings)', message: 'settings must be a JSON object' }] };
  }
  const out: Record<string, unknown> = structuredClone(base) as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(input)) {
    if (!(key in base)) {
      problems.push({ path: key, message: `${key} is not a known setting` });
      continue;
    }
    const baseValue = (base as unknown as Record<string, unknown>)[key];
    if (isRecord(baseValue) && isRecord(value)) {
      const merged: Record<string, unknown> = { ...baseValue };
      for (const [sub, subValue] of Object.entries(value)) {
        if (!(sub in baseValue)) {
          problems.push({ path: `${key}.${sub}`, message: `${key}.${sub} is not a known setting` });
          continue;
        }
        const candidate = { ...merged, [sub]: subValue };
        const r = validateSettings({ ...out, [key]: candidate });
        if (r.ok) merged[sub] = subValue;
        else problems.push(r.problems.find((p) => p.path.startsWith(`${key}.${sub}`)) ?? r.problems[0]!);
      }
      out[key] = merged;
    } else {
      const r = validateSettings({ ...out, [key]: value });
      if (r.ok) out[key] = value;
      else {
        problems.push(r.problems[0] ?? { path: key, message: `${key} is invalid` });
        const kept = validItems(out, key, value);
        if (kept) out[key] = kept;
      }
    }
  }
  return { settings: v.parse(SettingsSchema, out), problems };
}

/**
 * A list within its cap that failed only for some items (an exercise that left the catalog, a repeat): its valid
 * items, each once, so one stale id does not cost the user every other exclusion. Null when that is not valid either.
 */
function validItems(out: Record<string, unknown>, key: string, value: unknown): unknown[] | null {
  if (!(key in LIST_LIMITS) || !Array.isArray(value) || value.length > LIST_LIMITS[key as keyof typeof LIST_LIMITS]) return null;
  const kept = [...new Set(value)].filter((item) => validateSettings({ ...out, [key]: [item] }).ok);
  return validateSettings({ ...out, [key]: kept }).ok ? kept : null;
}

/** Apply a partial change on top of current settings; nothing invalid is ever accepted. */
export function applySettingsPatch(
  current: Settings,
  patch: unknown,
): { ok: true; settings: Settings } | { ok: false; problems: SettingProblem[] } {
  if (!isRecord(patch)) return { ok: false, problems: [{ path: '(settings)', message: 'a settings change must be an object' }] };
  const merged: Record<string, unknown> = structuredClone(current) as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    const cur = merged[key];
    merged[key] = isRecord(cur) && isRecord(value) ? { ...cur, ...value } : value;
  }
  const unknown = Object.keys(patch).filter((k) => !(k in current));
  if (unknown.length) return { ok: false, problems: unknown.map((k) => ({ path: k, message: `${k} is not a known setting` })) };
  return validateSettings(merged);
}
