import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program to its end; a non-zero exit is a result, not an error. */
export function runProcess(file: string, args: readonly string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CliResult> {
  return new Promise((done) => {
    execFile(file, args, opts, (e, stdout, stderr) => {
      const code = e ? (typeof e.code === 'number' ? e.code : 1) : 0;
      done({ code, stdout, stderr: stderr || (e && typeof e.code !== 'number' ? e.message : '') });
    });
  });
}

/** `limber ARGS` as in development (`npm run -s cli -- ARGS`): the command line's own entry under Node. */
export function nodeCli(...args: string[]): Promise<CliResult> {
  return runProcess(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/cli/main.ts'), ...args], { cwd: ROOT });
}

export interface DunstNotification {
  appname: string;
  summary: string;
  body: string;
  icon: string;
  /** The server's id: a replaced notification keeps it. */
  id: number;
  desktopEntry: string;
  category: string;
  urgency: string;
  /** Action key → label, as dunst holds them. */
  actions: Record<string, string>;
}

/** Notifications the session's daemon received, read from dunst's -print log (set up by scripts/with-desktop.sh). */
export function dunstNotifications(): DunstNotification[] {
  const log = process.env.LIMBER_DUNST_LOG;
  if (!log) throw new Error('LIMBER_DUNST_LOG is not set: run the e2e suite through scripts/with-desktop.sh');
  let text: string;
  try {
    text = readFileSync(log, 'utf8');
  } catch {
    return [];
  }
  const field = (block: string, name: string) => new RegExp(`^\\s*${name}: '([^']*)'`, 'm').exec(block)?.[1] ?? '';
  const plain = (block: string, name: string) => new RegExp(`^\\s*${name}: (\\S*)`, 'm').exec(block)?.[1] ?? '';
  return text
    .split(/^\{$/m)
    .filter((b) => b.includes('appname:'))
    .map((b) => ({
      appname: field(b, 'appname'),
      summary: field(b, 'summary'),
      body: field(b, 'body'),
      icon: field(b, 'icon'),
      id: Number(plain(b, 'id')),
      desktopEntry: field(b, 'desktop_entry'),
      category: plain(b, 'category'),
      urgency: plain(b, 'urgency'),
      actions: Object.fromEntries([...(/actions: \{([^}]*)\}/.exec(b)?.[1] ?? '').matchAll(/"([^"]*)": "([^"]*)"/g)].map((m) => [m[1]!, m[2]!])),
    }));
}

/**
 * Run the page's (fake) clock forward in steps, so each timer and render happens in order; stops if the window closes.
 * With `app`, main's clock moves in step first: main checks the seconds a window reports against its own clock.
 */
export async function runPageClock(page: Page, seconds: number, app?: { advance(ms: number): Promise<void> }): Promise<void> {
  for (let i = 0; i < seconds && !page.isClosed(); i += 5) {
    await app?.advance(5_000);
    await page.clock.runFor(5_000).catch((e: Error) => {
      if (!page.isClosed()) throw e;
    });
  }
}
