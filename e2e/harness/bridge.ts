// The harness counterpart of preload.ts: installed into test pages as an init script, it builds `window.limber` with
// the same createApi() over Playwright bindings, so the renderer sees exactly the object preload.ts gives it.
import { createApi, type MainToRenderer, type Reply, type Request } from '../../electron/ipc.ts';

interface HarnessWindow {
  __limberInvoke(req: Request): Promise<Reply>;
  __limberPush?: (m: MainToRenderer) => void;
  limber?: unknown;
}

const w = window as unknown as HarnessWindow;
const listeners = new Set<(m: MainToRenderer) => void>();
// Main pushes by calling this function through page.evaluate.
w.__limberPush = (m) => {
  for (const l of listeners) l(m);
};
w.limber = createApi(
  (req) => w.__limberInvoke(req),
  (cb) => {
    listeners.add(cb);
    return () => listeners.delete(cb);
  },
);
