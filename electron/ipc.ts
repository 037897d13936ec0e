// The contract between main and renderer: channel names, payload types and their runtime validation.
// Imported by main (to validate), preload and the harness bridge (to expose), and the renderer (for types).
import * as v from 'valibot';
import { EXERCISES } from './core/catalog.ts';
import type { Position, Settings, SettingProblem } from './core/settings.ts';
import type { BreakKind } from './core/scheduler.ts';
import type { Stats } from './core/stats.ts';
import type { ComputerRow, FolderProblem } from './core/sync/port.ts';

export type { ComputerRow, FolderProblem };
import type { Origin, PolicyRules } from './core/policy.ts';

/** What the organisation set, as the windows show it: locked keys, each value's origin, what users may do. */
export interface SettingsPolicy {
  /** Dotted keys the user cannot change ("Set by your organisation"). */
  locked: string[];
  origin: Record<string, Origin>;
  rules: PolicyRules;
}

/** Renderer → main requests (invoke/handle). */
export const REQUEST_CHANNEL = 'limber:request';
/** Main → renderer pushes. */
export const PUSH_CHANNEL = 'limber:push';

export const WINDOW_KINDS = ['break', 'settings', 'stats', 'welcome'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

/** Each window's size, in Electron and in the harness alike. */
export const WINDOW_SIZES: Readonly<Record<WindowKind, { width: number; height: number }>> = {
  break: { width: 420, height: 560 },
  settings: { width: 560, height: 680 },
  stats: { width: 720, height: 640 },
  welcome: { width: 520, height: 600 },
};

/** Windows open at the bottom-right of the work area of the display the user is on, clear of its edge. */
export function windowBounds(kind: WindowKind, area: { x: number; y: number; width: number; height: number }, margin = 24) {
  const { width, height } = WINDOW_SIZES[kind];
  const w = Math.min(width, area.width);
  const h = Math.min(height, area.height);
  return {
    width: w,
    height: h,
    x: Math.round(area.x + Math.max(0, area.width - w - margin)),
    y: Math.round(area.y + Math.max(0, area.height - h - margin)),
  };
}

/** An exercise the player did: only ids of the catalog, so the history never records one that does not exist. */
const ExerciseId = v.picklist(EXERCISES.map((e) => e.id));
/** A settings edit: an object of fields (not an array, a date or a map); the settings schema checks the values. */
const SettingsPatch = v.pipe(
  v.custom<Record<string, unknown>>(
    (x) => typeof x === 'object' && x !== null && [Object.prototype, null].includes(Object.getPrototypeOf(x)),
    'must be an object of settings',
  ),
  v.record(v.string(), v.unknown()),
);

export const RequestSchema = v.variant('type', [
  v.strictObject({ type: v.literal('hello') }),
  v.strictObject({ type: v.literal('locale:get') }),
  v.strictObject({ type: v.literal('break:start') }),
  v.strictObject({ type: v.literal('break:snooze') }),
  v.strictObject({ type: v.literal('break:skip') }),
  v.strictObject({
    type: v.literal('break:finish'),
    exercises: v.pipe(v.array(ExerciseId), v.maxLength(32)),
    seconds: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3 * 3600)),
  }),
  // What has been done so far, so closing the window mid-break still records it.
  v.strictObject({
    type: v.literal('break:progress'),
    exercises: v.pipe(v.array(ExerciseId), v.maxLength(32)),
    seconds: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3 * 3600)),
  }),
  v.strictObject({ type: v.literal('settings:get') }),
  v.strictObject({ type: v.literal('settings:set'), patch: SettingsPatch }),
  v.strictObject({ type: v.literal('settings:reset') }),
  v.strictObject({ type: v.literal('shortcut:try'), accelerator: v.pipe(v.string(), v.maxLength(64)) }),
  v.strictObject({
    type: v.literal('stats:get'),
    days: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3660)),
    // One computer's records only (its id), or every computer's when absent.
    device: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/))),
  }),
  v.strictObject({ type: v.literal('data:open-folder') }),
  v.strictObject({ type: v.literal('notification:test') }),
  v.strictObject({ type: v.literal('history:export'), format: v.picklist(['csv', 'json']) }),
  // Several computers (the settings section "Your computers").
  v.strictObject({ type: v.literal('computers:get') }),
  v.strictObject({ type: v.literal('computers:pick-folder') }),
  v.strictObject({ type: v.literal('computers:set-folder'), folder: v.nullable(v.pipe(v.string(), v.maxLength(4096))) }),
  v.strictObject({ type: v.literal('computers:rename'), name: v.pipe(v.string(), v.maxLength(256)) }),
]);

export type Request = v.InferOutput<typeof RequestSchema>;
export type RequestType = Request['type'];

export interface RoutineView {
  kind: BreakKind;
  /** Each move with the position it is done in (its steps are worded for it). */
  exercises: { id: string; seconds: number; position: Position }[];
  totalSeconds: number;
}

/** What the break window shows; main pushes a new one whenever it changes. */
export type BreakView =
  /** `canSkip` false: the organisation does not allow skipping, so neither the prompt nor the player has Skip. */
  | { screen: 'prompt'; routine: RoutineView; sound: boolean; canSkip?: boolean }
  | { screen: 'player'; routine: RoutineView; sound: boolean; canSkip?: boolean }
  | { screen: 'idle' };

/** The whole history as export text; the page offers it as a download under `fileName`. */
export interface HistoryExport {
  format: 'csv' | 'json';
  fileName: string;
  text: string;
  records: number;
}

/** The "Your computers" section. */
export interface ComputersView {
  /** The `sync.folder` setting. */
  folder: string | null;
  /** The folder the running Limber follows (a change of folder applies at the next start). */
  inUse: string | null;
  thisComputer: { id: string; name: string };
  /** The computers seen in `folder`; a problem with the folder; null without a folder. */
  list: { rows: ComputerRow[] } | { problem: FolderProblem } | null;
}

/** A device in the history (the statistics filter). */
export interface DeviceChoice {
  id: string;
  name: string;
}

/** Every successful reply names the window it answers. */
interface Ok {
  ok: true;
  window: WindowKind;
}
type WithSettings = Ok & { settings: Settings; policy?: SettingsPolicy; notice?: string };
type WithBreak = Ok & { break: BreakView };

/** Each request's own reply when it succeeds; a request type without an entry here is a type error. */
export interface Replies {
  hello: WithBreak & { settings: Settings; policy?: SettingsPolicy };
  /** The language every window shows: the `language` setting, or the OS's choice for `system`. */
  'locale:get': Ok & { locale: string };
  'break:start': WithBreak;
  'break:snooze': WithBreak;
  'break:skip': WithBreak;
  'break:finish': WithBreak;
  'break:progress': Ok;
  'settings:get': WithSettings;
  'settings:set': WithSettings;
  'settings:reset': WithSettings;
  'shortcut:try': WithSettings;
  /** `devices`: every computer in the history with its records' share of the stats (empty with one computer). */
  'stats:get': Ok & { stats: Stats; devices: (DeviceChoice & { total: Stats['total'] })[] };
  'data:open-folder': Ok;
  'notification:test': Ok;
  'history:export': Ok & { exported: HistoryExport };
  'computers:get': Ok & { computers: ComputersView };
  'computers:pick-folder': Ok & { folder: string | null };
  /** `problem`: the folder was refused (nothing saved). */
  'computers:set-folder': Ok & { computers: ComputersView; problem: FolderProblem | null };
  'computers:rename': Ok & { computers: ComputersView };
}

/** Why a request was refused; settings problems name their fields. */
export interface Failure {
  ok: false;
  error: string;
  problems?: SettingProblem[];
}

export type ReplyTo<T extends RequestType> = Replies[T] | Failure;

/** Any reply: what main's handler and the transports carry. */
export type Reply = ReplyTo<RequestType>;

// Compile-time check that every request type has a reply type and no reply type lacks a request.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const everyRequestHasAReply: Exact<keyof Replies, RequestType> = true;
void everyRequestHasAReply;

export type MainToRenderer =
  | { type: 'break'; view: BreakView }
  | { type: 'settings'; settings: Settings; policy?: SettingsPolicy; notice?: string }
  /** The language changed: every open window switches without a reload. */
  | { type: 'locale'; locale: string };

export function parseRequest(raw: unknown): { ok: true; request: Request } | { ok: false; error: string } {
  const r = v.safeParse(RequestSchema, raw);
  if (r.success) return { ok: true, request: r.output };
  // A failed parse always has at least one issue (valibot types it so).
  const first = r.issues[0];
  const where = first.path?.map((p) => String(p.key)).join('.') || 'message';
  return { ok: false, error: `invalid request: ${where}: ${first.message}` };
}

/** The API the renderer sees as `window.limber`. Built identically by preload.ts and by the test harness. */
export interface LimberApi {
  request<R extends Request>(req: R): Promise<ReplyTo<R['type']>>;
  onPush(cb: (m: MainToRenderer) => void): () => void;
}

export function createApi(
  invoke: (req: Request) => Promise<Reply>,
  subscribe: (cb: (m: MainToRenderer) => void) => () => void,
): LimberApi {
  return Object.freeze({
    // Main answers each request with its own reply (Replies); the transport only carries it.
    request: <R extends Request>(req: R) => invoke(req) as Promise<ReplyTo<R['type']>>,
    onPush: (cb: (m: MainToRenderer) => void) => subscribe(cb),
  });
}

/**
 * Only our own pages may talk to main: app://limber/ pages of the built renderer (or the harness origin in tests). The URL
 * must start with the prefix both as sent and as the URL parser resolves it, and no part of it may be a `..`
 * segment, written plainly or percent-encoded (`%2e%2e`, `.%2e`, `%5c` for a backslash).
 */
export function isTrustedSender(url: string, trustedPrefix: string): boolean {
  if (!url.startsWith(trustedPrefix)) return false;
  let resolved: URL;
  let decoded: string;
  try {
    resolved = new URL(url);
    decoded = decodeURIComponent(url);
  } catch {
    return false;
  }
  return !decoded.split(/[\\/]/).includes('..') && resolved.href.startsWith(trustedPrefix);
}
