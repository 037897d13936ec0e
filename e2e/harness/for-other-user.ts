// Test support: a Node script bundled into one file in a fresh temp folder that any user can read, so a test can run
// it as another (unprivileged) user wherever the checkout sits — also in a folder only its owner may enter.
import { chmodSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';

/** Bundles `entry` (TypeScript, with its npm dependencies) into `<temp>/main.mjs` and returns that path. */
export async function bundleForOtherUser(entry: string): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'limber-other-user-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    // Everything in one file: the other user cannot read the checkout's node_modules either.
    ssr: { noExternal: true },
    build: {
      ssr: entry,
      outDir: dir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      // Left out: koffi, a native module loaded only on macOS and Windows (a dynamic import), and the D-Bus client's
      // optional helpers (x11 authentication, usocket), which it requires only when present.
      rollupOptions: { external: ['koffi', 'x11', 'usocket'], output: { format: 'es', entryFileNames: 'main.mjs', codeSplitting: false } },
    },
  });
  chmodSync(dir, 0o755);
  for (const f of readdirSync(dir)) chmodSync(path.join(dir, f), 0o644);
  return path.join(dir, 'main.mjs');
}
