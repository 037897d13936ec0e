// The host functions the core may use: the ones both of its runtimes (Node in the main process, Chromium in the
// renderer) provide in the same form. Nothing Node-only (process, Buffer) or DOM-only (document, window) is here,
// so using those in electron/core fails `npm run typecheck` (tsconfig.core.json).
declare function setTimeout(callback: () => void, ms?: number): unknown;
declare function clearTimeout(handle: unknown): void;
declare function structuredClone<T>(value: T): T;
