// Organisation policy (DESIGN §1 "Set up by the organisation"): managed and recommended values with the settings' own
// names, shapes and ranges, one merge (default ← recommended ← user ← managed, per leaf), and what the managed-only
// `policy` group forbids. Pure: each OS's source (files, registry, managed preferences) is a node/ adapter that hands
// its raw values to `readPolicyLayer`.
import * as v from 'valibot';
import type { SchedulerAction } from './scheduler.ts';
import { SettingsSchema, defaultSettings, validateSettings, type Settings } from './settings.ts';
import { nextWorkDayStart } from './work-hours.ts';

export type Origin = 'default' | 'recommended' | 'user' | 'managed';

/** Dotted leaf key (`microBreak.everyMinutes`) → value. Lists are leaves: a policy sets a whole list. */
export type Leaves = Record<string, unknown>;

/** Largest pause limit an administrator may set: a week, as the longest pause the command line takes. */
export const MAX_PAUSE_LIMIT = 10_080;

const allow = v.optional(v.boolean('must be true or false'), true);

/** The managed-only `policy` group: what users may do. All allowed and no limit by default. */
export const PolicyRulesSchema = v.object({
  allowSkip: allow,
  allowPause: allow,
  maxPauseMinutes: v.optional(
    v.nullable(
      v.pipe(
        v.number(`must be a whole number from 1 to ${MAX_PAUSE_LIMIT} minutes, or null for no limit`),
        v.integer(`must be a whole number from 1 to ${MAX_PAUSE_LIMIT} minutes, or null for no limit`),
        v.minValue(1, `must be a whole number from 1 to ${MAX_PAUSE_LIMIT} minutes, or null for no limit`),
        v.maxValue(MAX_PAUSE_LIMIT, `must be a whole number from 1 to ${MAX_PAUSE_LIMIT} minutes, or null for no limit`),
      ),
    ),
    null,
  ),
  allowTurnOffBreaks: allow,
  allowSync: allow,
});
export type PolicyRules = v.InferOutput<typeof PolicyRulesSchema>;
export const POLICY_RULE_KEYS = Object.keys(PolicyRulesSchema.entries) as Array<keyof PolicyRules>;

export function defaultRules(): PolicyRules {
  return v.parse(PolicyRulesSchema, {});
}

/** One source's valid values, each with where it came from (a file, a registry value) for messages and `settings`. */
export interface PolicyLayer {
  values: Leaves;
  /** Where each value was read, by dotted key. */
  sources: Record<string, string>;
}

export interface Policy {
  managed: PolicyLayer;
  recommended: PolicyLayer;
  rules: PolicyRules;
  /** One message per bad value, file or registry key: what was ignored and where. */
  problems: string[];
}

export function emptyLayer(): PolicyLayer {
  return { values: {}, sources: {} };
}

export function emptyPolicy(): Policy {
  return { managed: emptyLayer(), recommended: emptyLayer(), rules: defaultRules(), problems: [] };
}

/** True when any source set anything (a rule or a value). */
export function policyInForce(p: Policy): boolean {
  return Object.keys(p.managed.values).length > 0 || Object.keys(p.recommended.values).length > 0;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

type AnySchema = v.GenericSchema & { type: string; wrapped?: AnySchema; entries?: Record<string, AnySchema> };

function unwrap(s: AnySchema): AnySchema {
  let cur = s;
  while ((cur.type === 'optional' || cur.type === 'nullable') && cur.wrapped && isRecord(cur.wrapped.entries)) cur = cur.wrapped;
  return cur;
}

/** Every leaf setting by dotted key, with its own schema (the group's cross-field checks are left to the merge). */
function leafSchemas(): Map<string, AnySchema> {
  const out = new Map<string, AnySchema>();
  for (const [key, schema] of Object.entries(SettingsSchema.entries as Record<string, AnySchema>)) {
    const inner = unwrap(schema);
    if (inner.type === 'object' && inner.entries) {
      for (const [sub, subSchema] of Object.entries(inner.entries)) out.set(`${key}.${sub}`, subSchema);
    } else out.set(key, schema);
  }
  return out;
}

let leaves: Map<string, AnySchema> | undefined;
/** The dotted keys of every leaf setting, in the schema's order. */
export function settingKeys(): string[] {
  leaves ??= leafSchemas();
  return [...leaves.keys()];
}

function leafSchema(key: string): AnySchema | undefined {
  leaves ??= leafSchemas();
  return leaves.get(key);
}

/** The settings as dotted leaves. */
export function flattenSettings(s: Settings): Leaves {
  const out: Leaves = {};
  const rec = s as unknown as Record<string, unknown>;
  for (const key of settingKeys()) {
    const [group, sub] = key.split('.') as [string, string | undefined];
    out[key] = sub === undefined ? rec[group] : (rec[group] as Record<string, unknown>)[sub];
  }
  return out;
}

/** Without a record of what the user changed: every value that differs from Limber's default is the user's. */
export function differingFromDefaults(settings: Settings): string[] {
  const d = flattenSettings(defaultSettings());
  const s = flattenSettings(settings);
  return settingKeys().filter((k) => JSON.stringify(s[k]) !== JSON.stringify(d[k]));
}

/** The user's own values: the leaves of `settings` named in `changed`. */
export function ownLeaves(settings: Settings, changed: readonly string[]): Leaves {
  const all = flattenSettings(settings);
  return Object.fromEntries(changed.filter((k) => Object.hasOwn(all, k)).map((k) => [k, all[k]]));
}

/** Nested settings object from dotted leaves (any subset). */
export function nestLeaves(values: Leaves): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const dot = key.indexOf('.');
    if (dot < 0) out[key] = structuredClone(value);
    else {
      const group = key.slice(0, dot);
      const g = isRecord(out[group]) ? out[group] : (out[group] = {});
      (g as Record<string, unknown>)[key.slice(dot + 1)] = structuredClone(value);
    }
  }
  return out;
}

/**
 * Checks one source's raw values (a parsed file, registry values, a plist's dictionary) key by key: a bad value is
 * ignored for that key alone with a message naming `source` and the key. Groups may be nested objects or dotted keys
 * (`"microBreak.everyMinutes": 45`). The `policy` group is taken only where `rules` is true (managed sources).
 */
export function readPolicyLayer(
  input: unknown,
  source: string,
  opts: { rules: boolean; say?: (key: string, message: string) => string },
): { values: Leaves; rules: Partial<PolicyRules>; problems: string[] } {
  const values: Leaves = {};
  const rules: Partial<PolicyRules> = {};
  const problems: string[] = [];
  const say = opts.say ?? ((key: string, message: string) => `${source}: ${key} ${message}; ignored`);
  if (!isRecord(input)) return { values, rules, problems: [`${source}: must be a JSON object of settings, like {"microBreak": {"everyMinutes": 30}}`] };
  const leavesIn: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(input)) {
    const schema = leafSchema(key);
    const isGroup = key === 'policy' || settingKeys().some((k) => k.startsWith(`${key}.`));
    if (isGroup && !schema) {
      if (!isRecord(value)) {
        problems.push(say(key, `must be a group of settings (an object), not ${describe(value)}`));
        continue;
      }
      for (const [sub, subValue] of Object.entries(value)) leavesIn.push([`${key}.${sub}`, subValue]);
    } else leavesIn.push([key, value]);
  }
  for (const [key, value] of leavesIn) {
    if (key.startsWith('policy.')) {
      const rule = key.slice('policy.'.length);
      if (!opts.rules) {
        problems.push(say(key, `can only be managed (set in a managed policy), not recommended`));
        continue;
      }
      const ruleSchema = (PolicyRulesSchema.entries as Record<string, AnySchema>)[rule];
      if (!ruleSchema) {
        problems.push(say(key, `is not a known policy (known: ${POLICY_RULE_KEYS.map((k) => `policy.${k}`).join(', ')})`));
        continue;
      }
      const r = v.safeParse(ruleSchema, value);
      if (r.success && value !== undefined) (rules as Record<string, unknown>)[rule] = r.output;
      else problems.push(say(key, `${r.success ? 'has no value' : r.issues[0].message}`));
      continue;
    }
    const schema = leafSchema(key);
    if (!schema) {
      problems.push(say(key, `is not a known setting`));
      continue;
    }
    const r = v.safeParse(schema, value);
    if (!r.success || value === undefined) {
      problems.push(say(key, `${r.success ? 'has no value' : r.issues[0].message}`));
      continue;
    }
    values[key] = r.output;
  }
  return { values, rules, problems };
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'a list';
  return `a ${typeof x}`;
}

/** One source's layer on top of another's: later sources (a later file, the machine over the user) win per key. */
export function overlay(base: PolicyLayer, top: PolicyLayer): PolicyLayer {
  return { values: { ...base.values, ...top.values }, sources: { ...base.sources, ...top.sources } };
}

/** Builds a Policy from sources in increasing priority (the last one wins per key). */
export function combineSources(
  sources: ReadonlyArray<{ kind: 'managed' | 'recommended'; source: string; data: unknown }>,
  extraProblems: readonly string[] = [],
): Policy {
  const policy = emptyPolicy();
  policy.problems.push(...extraProblems);
  const rules: Partial<PolicyRules> = {};
  for (const s of sources) {
    const r = readPolicyLayer(s.data, s.source, { rules: s.kind === 'managed' });
    policy.problems.push(...r.problems);
    const sourcesOf = Object.fromEntries(Object.keys(r.values).map((k) => [k, s.source]));
    policy[s.kind] = overlay(policy[s.kind], { values: r.values, sources: sourcesOf });
    Object.assign(rules, r.rules);
    for (const k of Object.keys(r.rules)) policy.managed.sources[`policy.${k}`] = s.source;
  }
  policy.rules = { ...defaultRules(), ...rules };
  return policy;
}

/**
 * The values the rules add to the managed ones: with breaks that may not be turned off both kinds stay on; without
 * sync the folder stays unset (where the settings have it). An explicit managed value wins over these.
 */
function impliedManaged(rules: PolicyRules): Leaves {
  const out: Leaves = {};
  const keys = new Set(settingKeys());
  if (!rules.allowTurnOffBreaks) {
    out['microBreak.enabled'] = true;
    out['longBreak.enabled'] = true;
  }
  if (!rules.allowSync && keys.has('sync.folder')) out['sync.folder'] = null;
  return out;
}

/** The managed values in force, rules included: the keys locked for the user. */
export function managedValues(p: Policy): Leaves {
  return { ...impliedManaged(p.rules), ...p.managed.values };
}

export interface Resolved {
  settings: Settings;
  origin: Record<string, Origin>;
  /** Values dropped because they clash with a higher layer's (a work day that would end before it starts). */
  problems: string[];
}

const RANK: Record<Origin, number> = { managed: 0, user: 1, recommended: 2, default: 3 };

/**
 * The one merge: default ← recommended ← user ← managed, per leaf. Each layer's values are already valid on their own
 * (readPolicyLayer, the settings file); a clash across keys (work hours starting after they end) drops the value from
 * the lowest layer involved, so a managed value is never overruled by a user's or a recommendation.
 */
export function resolveSettings(user: Leaves, policy: Policy): Resolved {
  const defaults = flattenSettings(defaultSettings());
  const managed = managedValues(policy);
  const layers: Array<[Origin, Leaves]> = [
    ['managed', managed],
    ['user', user],
    ['recommended', policy.recommended.values],
    ['default', defaults],
  ];
  const candidates = new Map<string, Array<[Origin, unknown]>>();
  for (const key of settingKeys()) {
    candidates.set(
      key,
      layers.filter(([, vals]) => Object.hasOwn(vals, key)).map(([o, vals]) => [o, vals[key]] as [Origin, unknown]),
    );
  }
  const choice = new Map<string, number>(settingKeys().map((k) => [k, 0]));
  const problems: string[] = [];
  const current = (): Leaves => Object.fromEntries(settingKeys().map((k) => [k, candidates.get(k)![choice.get(k)!]![1]]));
  for (let guard = 0; guard <= settingKeys().length * 4; guard++) {
    const r = validateSettings(nestLeaves(current()));
    if (r.ok) {
      const origin: Record<string, Origin> = {};
      for (const k of settingKeys()) origin[k] = candidates.get(k)![choice.get(k)!]![0];
      return { settings: r.settings, origin, problems };
    }
    // Among the keys of the groups in trouble, the value from the lowest layer gives way to the next one down.
    // Of those, the one whose giving way makes the settings valid, so a bystander (work hours' `enabled`) stays.
    const groups = new Set(r.problems.map((p) => p.path.split('.')[0]!));
    const movable = settingKeys()
      .filter((k) => groups.has(k.split('.')[0]!) && choice.get(k)! < candidates.get(k)!.length - 1)
      .sort((a, b) => RANK[candidates.get(b)![choice.get(b)!]![0]] - RANK[candidates.get(a)![choice.get(a)!]![0]]);
    const fixes = (k: string) => {
      choice.set(k, choice.get(k)! + 1);
      const ok = validateSettings(nestLeaves(current())).ok;
      choice.set(k, choice.get(k)! - 1);
      return ok;
    };
    const pick = movable.find(fixes) ?? movable[0] ?? null;
    if (pick === null) break;
    const [origin] = candidates.get(pick)![choice.get(pick)!]!;
    const where = origin === 'user' ? 'your settings' : `the ${origin} policy${policySource(policy, origin, pick)}`;
    problems.push(`${pick} from ${where} does not fit with the other settings (${r.problems.map((p) => p.message).join('; ')}); ignored`);
    choice.set(pick, choice.get(pick)! + 1);
  }
  return { settings: defaultSettings(), origin: Object.fromEntries(settingKeys().map((k) => [k, 'default' as Origin])), problems };
}

function policySource(p: Policy, origin: Origin, key: string): string {
  const layer = origin === 'managed' ? p.managed : origin === 'recommended' ? p.recommended : null;
  const src = layer?.sources[key];
  return src ? ` (${src})` : '';
}

/**
 * The managed keys a change would alter: refused (a key sent with the value already in force is no change, so a
 * window sending a whole group with a locked member is fine).
 */
export function lockedChanges(patch: Record<string, unknown>, inForce: Settings, policy: Policy): string[] {
  const locked = new Set(lockedKeys(policy));
  return Object.keys(changedLeaves(patch, inForce, {})).filter((k) => locked.has(k));
}

/** The user's settings without the locks: what settings.json keeps (a user's own value under a lock is not lost). */
export function unlockedSettings(user: Leaves, policy: Policy): Settings {
  return resolveSettings(user, { ...emptyPolicy(), recommended: policy.recommended }).settings;
}

/** The keys the user may not change. */
export function lockedKeys(p: Policy): string[] {
  const managed = managedValues(p);
  return settingKeys().filter((k) => Object.hasOwn(managed, k));
}

/** The settings in force with the rules' values at their place, as `limber settings` and the windows show them. */
export interface PolicyView {
  /** Dotted keys set by the organisation and locked. */
  locked: string[];
  rules: PolicyRules;
  managed: Record<string, unknown>;
  recommended: Record<string, unknown>;
  /** Where each value was read (a file, a registry value, a preference), by dotted key. */
  sources: Record<string, string>;
}

export function policyView(p: Policy): PolicyView {
  return {
    locked: lockedKeys(p),
    rules: { ...p.rules },
    managed: nestLeaves(p.managed.values),
    recommended: nestLeaves(p.recommended.values),
    sources: { ...p.recommended.sources, ...p.managed.sources },
  };
}

/**
 * Which leaves of `patch` the user would set, given the settings in force: those whose value differs, or that the
 * user already owns. A settings window sending a whole group changes only what was changed.
 */
export function changedLeaves(patch: Record<string, unknown>, inForce: Settings, user: Leaves): Leaves {
  const now = flattenSettings(inForce);
  const out: Leaves = {};
  for (const [key, value] of Object.entries(patch)) {
    const keyLeaves = settingKeys().filter((k) => k === key || k.startsWith(`${key}.`));
    for (const k of keyLeaves) {
      const sub = k === key ? value : isRecord(value) ? value[k.slice(key.length + 1)] : undefined;
      if (sub === undefined) continue;
      if (Object.hasOwn(user, k) || JSON.stringify(sub) !== JSON.stringify(now[k])) out[k] = sub;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// What the rules forbid. Every user action passes `refusal` before it is carried out (the app's dispatcher, the
// simulator); the tray, prompt and notifications use `allowedActions` to leave out what would be refused.

export type Refusal = { reason: 'policy'; message: string };

export interface RefusalContext {
  now: number;
  settings: Settings;
  timeZone: string;
}

function limitText(minutes: number): string {
  if (minutes % 60 === 0) return minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** An action the policy forbids: not carried out, printed by the simulator as `refused`. */
export interface RefusedEvent {
  type: 'refused';
  at: number;
  do: SchedulerAction['do'];
  reason: 'policy';
}

/** Null when the rules allow the action; else why not, naming the limit. */
export function refusal(action: SchedulerAction, rules: PolicyRules, ctx: RefusalContext): Refusal | null {
  const no = (message: string): Refusal => ({ reason: 'policy', message });
  if (action.do === 'skip' && !rules.allowSkip) return no('Your organisation does not allow skipping breaks.');
  if (action.do !== 'pause') return null;
  if (!rules.allowPause) return no('Your organisation does not allow pausing breaks.');
  const max = rules.maxPauseMinutes;
  if (max === null) return null;
  const limit = `Your organisation allows pauses of at most ${limitText(max)} (maxPauseMinutes ${max})`;
  if (action.until === 'tomorrow') {
    const minutes = Math.ceil((nextWorkDayStart(ctx.now, ctx.settings.workHours, ctx.timeZone) - ctx.now) / 60_000);
    return minutes > max ? no(`${limit}; until tomorrow would be ${limitText(minutes)}.`) : null;
  }
  if (action.minutes === undefined) return no(`${limit}; a pause until resumed is not allowed.`);
  return action.minutes > max ? no(`${limit}; ${limitText(action.minutes)} is longer.`) : null;
}

/** Which pause lengths and actions the tray, prompt and notifications may offer. */
export interface AllowedActions {
  skip: boolean;
  /** A pause of `minutes` (null: until resumed; 'tomorrow'). */
  pause: (length: number | null | 'tomorrow') => boolean;
}

export function allowedActions(rules: PolicyRules, ctx: RefusalContext): AllowedActions {
  return {
    skip: refusal({ do: 'skip' }, rules, ctx) === null,
    pause: (length) =>
      refusal(
        length === 'tomorrow' ? { do: 'pause', until: 'tomorrow' } : length === null ? { do: 'pause' } : { do: 'pause', minutes: length },
        rules,
        ctx,
      ) === null,
  };
}

/** Where the organisation's policy comes from: each OS's source is one node/ adapter behind this port. */
export interface PolicySourcePort {
  /** Every source read now (missing sources are no policy, not a problem). */
  read(): Policy;
  /** Calls `cb` with the new policy when a source changes, while running; returns how to stop. */
  watch?(cb: (policy: Policy) => void): () => void;
  /** Where it looks, for `doctor` and the docs (files, registry keys, preference domains). */
  readonly locations: readonly string[];
}

// ---------------------------------------------------------------------------------------------------------------
// What each setting is, read off the one schema: the admin templates (ADMX, configuration profiles, JSON Schema) are
// generated from this, so a new setting or a changed range reaches them without a second list.

export type LeafInfo =
  | { kind: 'boolean'; default: boolean }
  | { kind: 'integer'; min: number | null; max: number | null; default: number | null; nullable: boolean }
  | { kind: 'string'; pattern: string | null; maxLength: number | null; default: string | null; nullable: boolean }
  | { kind: 'enum'; options: string[]; default: string }
  | { kind: 'list'; item: 'string' | 'integer'; options: string[] | null; min: number | null; max: number | null; default: unknown[] };

type Introspect = AnySchema & {
  pipe?: Array<{ type: string; requirement?: unknown }>;
  options?: unknown[];
  item?: Introspect;
  default?: unknown;
};

function describeSchema(schema: Introspect, fallback: unknown): LeafInfo {
  let s = schema;
  let nullable = false;
  while (s.type === 'optional' || s.type === 'nullable') {
    if (s.type === 'nullable') nullable = true;
    s = s.wrapped as Introspect;
  }
  const req = (type: string) => s.pipe?.find((a) => a.type === type)?.requirement;
  switch (s.type) {
    case 'boolean':
      return { kind: 'boolean', default: fallback as boolean };
    case 'number':
      return { kind: 'integer', min: (req('min_value') as number) ?? null, max: (req('max_value') as number) ?? null, default: fallback as number | null, nullable };
    case 'picklist':
      return { kind: 'enum', options: (s.options ?? []).map(String), default: fallback as string };
    case 'string':
      return { kind: 'string', pattern: (req('regex') as RegExp | undefined)?.source ?? null, maxLength: (req('max_length') as number) ?? null, default: fallback as string | null, nullable };
    case 'array': {
      const item = s.item!;
      const itemReq = (type: string) => item.pipe?.find((a) => a.type === type)?.requirement as number | undefined;
      if (item.type === 'picklist') return { kind: 'list', item: 'string', options: (item.options ?? []).map(String), min: null, max: null, default: fallback as unknown[] };
      if (item.type === 'number') return { kind: 'list', item: 'integer', options: null, min: itemReq('min_value') ?? null, max: itemReq('max_value') ?? null, default: fallback as unknown[] };
      return { kind: 'list', item: 'string', options: null, min: null, max: null, default: fallback as unknown[] };
    }
    default:
      return { kind: 'string', pattern: null, maxLength: null, default: fallback === null ? null : String(fallback), nullable };
  }
}

/** Every leaf setting and every policy rule (`policy.allowSkip`…), with its kind, range, options and default. */
export function leafInfos(): Array<{ key: string; info: LeafInfo; managedOnly: boolean }> {
  const defaults = flattenSettings(defaultSettings());
  const rules = defaultRules() as unknown as Record<string, unknown>;
  return [
    ...settingKeys().map((key) => ({ key, info: describeSchema(leafSchema(key) as Introspect, defaults[key]), managedOnly: false })),
    ...POLICY_RULE_KEYS.map((k) => ({
      key: `policy.${k}`,
      info: describeSchema((PolicyRulesSchema.entries as Record<string, Introspect>)[k]!, rules[k]),
      managedOnly: true,
    })),
  ];
}
