// What one computer writes for the others (`<folder>/Limber/devices/<id>/state.json`), and the schema every reader
// checks it with: peers' files are untrusted input. Only presence, hold reasons, decisions about breaks, the cycle and
// the device's name — never window titles, app names or input details.
import * as v from 'valibot';
import { HOLD_REASONS } from '../holds.ts';

export const WIRE_VERSION = 1;
/** A state file larger than this is not read (a sane one is a few kilobytes). */
export const STATE_MAX_BYTES = 64 * 1024;
/** Decisions kept in the state file: enough for every peer to catch up after the longest sync delay. */
export const ACTIONS_KEPT = 20;

/** Device ids: a UUID for the app, short names in the simulator; both only `a-z 0-9 -`. */
export const DeviceIdSchema = v.pipe(v.string('must be a text'), v.regex(/^[a-z0-9-]{1,64}$/, 'must be 1–64 characters of a-z, 0-9 and -'));
export const DeviceNameSchema = v.pipe(v.string('must be a text'), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(64, 'must be at most 64 characters'));

const time = v.pipe(v.number('must be a time'), v.finite(), v.minValue(0), v.maxValue(8.64e15));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));

export const WireActionSchema = v.object({
  seq: count,
  at: time,
  do: v.picklist(['start-break', 'snooze', 'skip', 'finish', 'pause', 'resume']),
  kind: v.optional(v.picklist(['micro', 'long'])),
  minutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_080))),
  until: v.optional(v.literal('tomorrow')),
  /** Breaks closed on the sender before this decision: a decision about a break already closed here is stale. */
  n: count,
  /** The sender was showing this break (notice or window) when it decided: it records it. */
  shown: v.boolean(),
});
export type WireAction = v.InferOutput<typeof WireActionSchema>;

export const CycleSnapshotSchema = v.object({
  at: time,
  workedMs: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1e10)),
  /** Idle going on as it was written, not in `workedMs` (absent in older files: 0). */
  idleMs: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1e10))),
  sinceLong: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)),
  snoozedUntil: v.nullable(time),
  paused: v.boolean(),
  pausedUntil: v.nullable(time),
});
export type CycleSnapshot = v.InferOutput<typeof CycleSnapshotSchema>;

export const DeviceStateSchema = v.object({
  v: v.literal(WIRE_VERSION),
  id: DeviceIdSchema,
  name: DeviceNameSchema,
  /** The writer's clock when written. */
  at: time,
  /** Grows with every write. */
  seq: count,
  /** Breaks closed so far (names the break at hand alike on every computer). */
  n: count,
  lastInputAt: time,
  /** Input was going on as it wrote (idle about 0): it counts as in use until its promised next write is late. */
  using: v.boolean(),
  /** It writes again within this many milliseconds, unless it goes off (null: nothing promised, it is not in use). */
  refreshBy: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3_600_000))),
  power: v.picklist(['active', 'locked', 'asleep', 'off']),
  holds: v.pipe(v.array(v.picklist(HOLD_REASONS)), v.maxLength(HOLD_REASONS.length)),
  actions: v.pipe(v.array(WireActionSchema), v.maxLength(ACTIONS_KEPT)),
  /** The break this computer shows now (its `n`), and how. */
  showing: v.nullable(v.object({ n: count, what: v.picklist(['notice', 'window']) })),
  cycle: v.nullable(CycleSnapshotSchema),
});
export type DeviceState = v.InferOutput<typeof DeviceStateSchema>;

/** Parse a peer's state; the message names what is wrong. */
export function parseDeviceState(input: unknown): { ok: true; state: DeviceState } | { ok: false; message: string } {
  const r = v.safeParse(DeviceStateSchema, input);
  if (r.success) return { ok: true, state: r.output };
  const i = r.issues[0];
  const path = (i.path ?? []).map((p) => String(p.key)).join('.') || '(file)';
  return { ok: false, message: `${path} ${i.message}` };
}
