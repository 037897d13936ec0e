// The renderer's only way to reach main: the object preload.ts exposes (or the harness bridge, identically).
import type { LimberApi } from '../../../electron/ipc.ts';

declare global {
  interface Window {
    limber?: LimberApi;
  }
}

export function api(): LimberApi {
  if (!window.limber) throw new Error('Limber bridge missing: this page must be opened by Limber');
  return window.limber;
}
