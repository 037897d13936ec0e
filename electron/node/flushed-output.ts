// Output that can be waited for: process.stdout to a pipe is asynchronous, and Electron's app.exit() ends the process
// at once, cutting what is still queued. Exit only once every write has been handed to the OS.
export interface FlushedOutput {
  out(text: string): void;
  err(text: string): void;
  /** Resolves when every write so far has completed (or failed: a closed pipe must not keep the app alive). */
  flushed(): Promise<void>;
}

type Writable = Pick<NodeJS.WritableStream, 'write'>;

export function flushedOutput(stdout: Writable, stderr: Writable): FlushedOutput {
  const pending = new Set<Promise<void>>();
  const write = (stream: Writable, text: string) => {
    const p = new Promise<void>((done) => {
      stream.write(text, () => done());
    });
    pending.add(p);
    void p.then(() => pending.delete(p));
  };
  return {
    out: (t) => write(stdout, t),
    err: (t) => write(stderr, t),
    flushed: async () => {
      while (pending.size) await Promise.all([...pending]);
    },
  };
}
