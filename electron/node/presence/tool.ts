// Running the desktop's own command-line tools: one short answer (execFile) or a stream of lines (spawn).
// Both are injectable so every adapter can be tested on recorded output.
import { execFile, spawn } from 'node:child_process';
import type { Cancel } from '../../core/clock.ts';

export type ToolResult = { ok: true; stdout: string } | { ok: false; why: string; missing: boolean; stdout: string; stderr: string };

/** Run a tool once; never rejects. `timeoutMs` kills a tool that hangs. */
export type Exec = (cmd: string, args: readonly string[], opts?: { timeoutMs?: number }) => Promise<ToolResult>;

/** Follow a tool that prints a line per event; returns how to stop it. `onExit` fires if it ends by itself. */
export type SpawnLines = (cmd: string, args: readonly string[], onLine: (line: string) => void, onExit?: (why: string) => void) => Cancel;

/** The tools see this environment (the app's own by default; tests point them at a private desktop). */
export type ToolEnv = Record<string, string | undefined>;

export const DEFAULT_TOOL_TIMEOUT_MS = 500;

export function makeExec(env: ToolEnv = process.env, timeoutMs = DEFAULT_TOOL_TIMEOUT_MS): Exec {
  return (cmd, args, opts = {}) =>
    new Promise((resolve) => {
      const options = { timeout: opts.timeoutMs ?? timeoutMs, killSignal: 'SIGKILL' as const, maxBuffer: 8 * 1024 * 1024, env: { ...env, LC_ALL: 'C' } };
      execFile(cmd, [...args], options, (err, stdout, stderr) => {
        if (!err) return resolve({ ok: true, stdout });
        const e = err as NodeJS.ErrnoException & { killed?: boolean };
        const missing = e.code === 'ENOENT';
        const why = missing ? `${cmd} is not installed` : e.killed ? `${cmd} did not answer in time` : `${cmd} failed: ${firstLine(stderr) || e.message}`;
        resolve({ ok: false, why, missing, stdout: String(stdout ?? ''), stderr: String(stderr ?? '') });
      });
    });
}

export function makeSpawnLines(env: ToolEnv = process.env): SpawnLines {
  return (cmd, args, onLine, onExit) => {
    let stopped = false;
    const child = spawn(cmd, [...args], { stdio: ['ignore', 'pipe', 'ignore'], env: { ...env, LC_ALL: 'C' } });
    let buf = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        onLine(line);
      }
    });
    child.on('error', (e) => {
      if (!stopped) onExit?.(`${cmd}: ${e.message}`);
    });
    child.on('exit', (code) => {
      if (!stopped) onExit?.(`${cmd} exited (${code})`);
    });
    return () => {
      stopped = true;
      child.kill('SIGTERM');
    };
  };
}

export const execTool: Exec = makeExec();
export const spawnLines: SpawnLines = makeSpawnLines();

export function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.trim() ?? '';
}
