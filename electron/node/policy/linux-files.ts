// Linux policy files (DESIGN §1): /etc/limber/policies/managed/*.json and …/recommended/*.json, read in name order (a
// later file wins per key), size-capped, and followed while running. The root is fixed: no environment variable or
// flag of the app can move it; unit tests pass their own root to the constructor, e2e tests use a private mount
// namespace (scripts/with-desktop.sh).
import fs from 'node:fs';
import path from 'node:path';
import { combineSources, type Policy, type PolicySourcePort } from '../../core/policy.ts';
import { errorText } from '../files.ts';

export const LINUX_POLICY_ROOT = '/etc/limber/policies';
/** A policy file is a few hundred bytes; anything past this is not one. */
export const MAX_POLICY_FILE_BYTES = 256 * 1024;
const KINDS = ['recommended', 'managed'] as const;

export interface LinuxPolicyOptions {
  /** Unit tests only: the packaged app always reads LINUX_POLICY_ROOT. */
  root?: string;
  /** Quiet time after a change before the files are read (an editor writes in several steps). */
  debounceMs?: number;
  /** How often the folders are checked where they cannot be watched (or do not exist yet). */
  pollMs?: number;
}

type Source = { kind: 'managed' | 'recommended'; source: string; data: unknown };

/** One policy folder's files, in code-point name order; each unusable file is one message. */
export function readPolicyFolder(dir: string, kind: 'managed' | 'recommended'): { sources: Source[]; problems: string[] } {
  const sources: Source[] = [];
  const problems: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') problems.push(`${dir}: cannot be read (${errorText(e)}); its policies are not applied`);
    return { sources, problems };
  }
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const file = path.join(dir, name);
    let text: string;
    try {
      const st = fs.statSync(file);
      if (!st.isFile()) {
        problems.push(`${file}: not a file; ignored`);
        continue;
      }
      if (st.size > MAX_POLICY_FILE_BYTES) {
        problems.push(`${file}: too large (${st.size} bytes, at most ${MAX_POLICY_FILE_BYTES}); ignored`);
        continue;
      }
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      problems.push(`${file}: cannot be read (${errorText(e)}); ignored`);
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      problems.push(`${file}: not valid JSON (${(e as Error).message}); ignored`);
      continue;
    }
    sources.push({ kind, source: file, data });
  }
  return { sources, problems };
}

export class LinuxPolicyFiles implements PolicySourcePort {
  readonly root: string;
  readonly locations: readonly string[];
  private readonly debounceMs: number;
  private readonly pollMs: number;

  constructor(opts: LinuxPolicyOptions = {}) {
    this.root = opts.root ?? LINUX_POLICY_ROOT;
    this.locations = KINDS.map((k) => path.join(this.root, k, '*.json')).reverse();
    this.debounceMs = opts.debounceMs ?? 200;
    this.pollMs = opts.pollMs ?? 5000;
  }

  read(): Policy {
    const sources: Source[] = [];
    const problems: string[] = [];
    for (const kind of KINDS) {
      const r = readPolicyFolder(path.join(this.root, kind), kind);
      sources.push(...r.sources);
      problems.push(...r.problems);
    }
    return combineSources(sources, problems);
  }

  /** Watches both folders (and the root, so a folder made later is seen); a change is applied without a restart. */
  watch(cb: (policy: Policy) => void): () => void {
    let last = JSON.stringify(this.read());
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      timer = undefined;
      const p = this.read();
      const text = JSON.stringify(p);
      if (text === last) return;
      last = text;
      cb(p);
    };
    const poke = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(check, this.debounceMs);
    };
    const watchers: fs.FSWatcher[] = [];
    const dirs = [this.root, ...KINDS.map((k) => path.join(this.root, k))];
    const watchDirs = () => {
      for (const w of watchers.splice(0)) w.close();
      for (const dir of dirs) {
        try {
          const w = fs.watch(dir, { persistent: false }, poke);
          w.on('error', () => undefined);
          watchers.push(w);
        } catch {
          // Not there (yet), or no inotify watches left: the poll below sees it.
        }
      }
    };
    watchDirs();
    // A folder made or removed later, and file systems without events: a slow look at the folders themselves.
    const onStat = () => {
      watchDirs();
      poke();
    };
    for (const dir of dirs) fs.watchFile(dir, { persistent: false, interval: this.pollMs }, onStat);
    return () => {
      if (timer) clearTimeout(timer);
      for (const w of watchers.splice(0)) w.close();
      for (const dir of dirs) fs.unwatchFile(dir, onStat);
    };
  }
}
