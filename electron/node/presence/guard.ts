// Every source answers within 500 ms or counts as unknown — a hanging or failing source never holds a break and
// never slows a decision down.
import type { Cancel } from '../../core/clock.ts';
import type { HoldSource, HoldVerdict } from '../../core/holds.ts';

export const SOURCE_TIMEOUT_MS = 500;

export interface GuardOptions {
  timeoutMs?: number;
  /** Injected for tests; a real timer by default. */
  after?: (ms: number, fn: () => void) => Cancel;
}

const realAfter = (ms: number, fn: () => void): Cancel => {
  const h = setTimeout(fn, ms);
  return () => clearTimeout(h);
};

/** Ask a source once: its answer, or `unknown` when it throws, rejects or takes longer than the limit. */
export function askWithin(source: HoldSource, opts: GuardOptions = {}): Promise<HoldVerdict> {
  const ms = opts.timeoutMs ?? SOURCE_TIMEOUT_MS;
  const after = opts.after ?? realAfter;
  return new Promise((resolve) => {
    let done = false;
    const finish = (v: HoldVerdict) => {
      if (done) return;
      done = true;
      cancel();
      resolve(v);
    };
    const cancel = after(ms, () => finish({ state: 'unknown', why: `${source.id} did not answer within ${ms} ms` }));
    let pending: Promise<HoldVerdict>;
    try {
      pending = source.check();
    } catch (e) {
      finish({ state: 'unknown', why: `${source.id} failed: ${(e as Error).message}` });
      return;
    }
    pending.then(
      (v) => finish(v.state === 'held' && !source.reasons.includes(v.reason) ? { state: 'unknown', why: `${source.id} named an unexpected reason` } : v),
      (e: unknown) => finish({ state: 'unknown', why: `${source.id} failed: ${e instanceof Error ? e.message : String(e)}` }),
    );
  });
}

/** Start following a source; a watcher that throws is treated as having nothing to follow. */
export function watchSafely(source: HoldSource, onChange: () => void, log: (m: string) => void): Cancel {
  if (!source.watch) return () => {};
  try {
    const stop = source.watch(onChange);
    return () => {
      try {
        stop();
      } catch (e) {
        log(`${source.id}: stopping its watch failed: ${(e as Error).message}`);
      }
    };
  } catch (e) {
    log(`${source.id}: cannot follow changes: ${(e as Error).message}`);
    return () => {};
  }
}
