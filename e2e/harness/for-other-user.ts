// Test support: a Node script bundled into one file in a fresh temp folder that any user can read, so a test can run
// it as another (unprivileged) user wherever the checkout sits — also in a folder only its owner may enter.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
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

/** The unprivileged user tests act as: a second local user on the same computer. */
export const OTHER_UID = 65534;

/**
 * Runs a short Node script (`node -e`) as the other user; `args` arrive as `process.argv.slice(1)`. Null when no such
 * child can be started (not root, or Node's binary sits where that user cannot run it): the caller skips and says so.
 */
export function spawnAsOtherUser(script: string, args: readonly string[], opts: { timeoutMs?: number } = {}): { code: number | null; stdout: string; stderr: string } | null {
  if (process.getuid?.() !== 0) return null;
  const r = spawnSync(process.execPath, ['-e', script, '--', ...args], {
    cwd: os.tmpdir(),
    encoding: 'utf8',
    uid: OTHER_UID,
    gid: OTHER_UID,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: os.tmpdir() },
    timeout: opts.timeoutMs ?? 20_000,
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') return null;
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Starts a long-running Node script as the other user (a squatter listening on a socket, say); null as above. */
export function startAsOtherUser(script: string, args: readonly string[]): ChildProcess | null {
  if (process.getuid?.() !== 0) return null;
  return spawn(process.execPath, ['-e', script, '--', ...args], {
    cwd: os.tmpdir(),
    stdio: ['ignore', 'pipe', 'pipe'],
    uid: OTHER_UID,
    gid: OTHER_UID,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: os.tmpdir() },
  });
}
