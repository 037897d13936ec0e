// Hold reasons: what may keep a due break from showing (docs/scheduling.md, "Holds").
// One source of truth for the reason names, their order, and what a hold source answers.
import type { Cancel } from './clock.ts';

/** Highest first: when several are active, a held break names the first of these. */
export const HOLD_REASONS = ['call', 'screen-sharing', 'presentation', 'fullscreen', 'do-not-disturb'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/** In these the user is at the desk even without input: idle there is not away. */
export const PRESENCE_REASONS: readonly HoldReason[] = ['call', 'screen-sharing', 'presentation'];

/** What one source says: held (with why), free, or unknown (missing, failed or too slow — never holds a break). */
export type HoldVerdict =
  | { state: 'held'; reason: HoldReason; detail: string }
  | { state: 'free' }
  | { state: 'unknown'; why: string };

/** A source of hold reasons (do-not-disturb, fullscreen, microphone…), asked at decision points. */
export interface HoldSource {
  /** Stable name shown by `limber doctor`, e.g. `gnome-dnd`, `pulse-mic`, `x11-fullscreen`. */
  readonly id: string;
  /** The reasons this source can report. */
  readonly reasons: readonly HoldReason[];
  check(): Promise<HoldVerdict>;
  /** Follow changes while a break is held; `onChange` means "ask again". Absent where there is no event to follow. */
  watch?(onChange: () => void): Cancel;
}

/** The highest-ranking reason of a set, or null. */
export function topReason(reasons: Iterable<HoldReason>): HoldReason | null {
  const set = new Set(reasons);
  return HOLD_REASONS.find((r) => set.has(r)) ?? null;
}

/** The hold sources (do-not-disturb, calls, fullscreen…): asked when the scheduler wants, answering through `start`'s callback. */
export interface HoldsPort {
  start(setHolds: (active: readonly HoldReason[]) => void): void;
  check(): void;
  stop(): void;
}
