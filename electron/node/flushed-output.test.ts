import { describe, expect, it } from 'vitest';
import { flushedOutput } from './flushed-output.ts';

/** A stream whose writes complete only when the test says so, like a pipe whose reader is slow. */
function slowStream() {
  const written: string[] = [];
  const callbacks: (() => void)[] = [];
  return {
    written,
    complete: () => callbacks.splice(0).forEach((cb) => cb()),
    write: ((text: string, cb: () => void) => {
      written.push(text);
      callbacks.push(cb);
      return false;
    }) as unknown as NodeJS.WritableStream['write'],
  };
}

describe('flushedOutput', () => {
  it('flushed() waits for every pending write on both streams', async () => {
    const out = slowStream();
    const err = slowStream();
    const io = flushedOutput(out, err);
    io.out('a');
    io.err('b');
    let done = false;
    const flushed = io.flushed().then(() => (done = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    out.complete();
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    err.complete();
    await flushed;
    expect(done).toBe(true);
    expect([out.written, err.written]).toEqual([['a'], ['b']]);
  });

  it('with nothing written, flushed() resolves at once', async () => {
    await expect(flushedOutput(slowStream(), slowStream()).flushed()).resolves.toBeUndefined();
  });
});
