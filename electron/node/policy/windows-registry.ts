// Windows Group Policy (DESIGN §1): HKLM\SOFTWARE\Policies\Limber (managed) and …\Limber\Recommended, then the same
// under HKCU; the machine wins. Read through `reg query KEY /s` (no native module), parsed from its published text
// format. A setting of a group is a value in a subkey named after the group (`…\Limber\microBreak`, value
// `everyMinutes`), the layout the ADMX templates write; a dotted value name in the key itself
// (`microBreak.everyMinutes`) is read too. REG_DWORD/REG_QWORD are numbers (0/1 for switches), REG_SZ strings (a
// JSON list for a list), REG_MULTI_SZ lists. Registry changes are followed by reading again every `pollMs`.
import { execFile } from 'node:child_process';
import { combineSources, type Policy, type PolicySourcePort } from '../../core/policy.ts';
import { coerce } from './values.ts';

export const POLICY_KEY = 'SOFTWARE\\Policies\\Limber';
export const RECOMMENDED_SUBKEY = 'Recommended';
export const HIVES = ['HKEY_CURRENT_USER', 'HKEY_LOCAL_MACHINE'] as const;

export interface RegValue {
  name: string;
  type: string;
  value: number | string | string[];
}

/** `reg query … /s` output: each key with its values. Keys are full paths as reg prints them. */
export function parseRegQuery(text: string): Map<string, RegValue[]> {
  const keys = new Map<string, RegValue[]>();
  let current: RegValue[] | null = null;
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '') continue;
    if (/^HKEY_/.test(raw)) {
      current = [];
      keys.set(raw.trim(), current);
      continue;
    }
    // "    name    REG_TYPE    data": four-space separated columns; the name may hold single spaces.
    const m = /^ {4}(.*?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/.exec(raw);
    if (!m || !current) continue;
    const [, name = '', type = '', data = ''] = m;
    current.push({ name: name === '(Default)' ? '' : name, type, value: regData(type, data) });
  }
  return keys;
}

function regData(type: string, data: string): number | string | string[] {
  switch (type) {
    case 'REG_DWORD':
    case 'REG_QWORD':
      return /^0x[0-9a-f]+$/i.test(data) ? Number.parseInt(data.slice(2), 16) : data;
    case 'REG_MULTI_SZ':
      return data === '' ? [] : data.split('\\0');
    default:
      return data;
  }
}

type Source = { kind: 'managed' | 'recommended'; source: string; data: unknown };

/**
 * One hive's policy keys as sources: every registry key under `root` is one source named by its path, with its values
 * placed at their settings (subkey = group). `root` is `HKEY_…\SOFTWARE\Policies\Limber`.
 */
export function registrySources(keys: Map<string, RegValue[]>, root: string): { sources: Source[]; problems: string[] } {
  const sources: Source[] = [];
  const problems: string[] = [];
  const lower = root.toLowerCase();
  // Recommended first: a hive's managed values are applied after (they win in their own layer anyway).
  const entries = [...keys.entries()].filter(([k]) => k.toLowerCase() === lower || k.toLowerCase().startsWith(lower + '\\'));
  for (const [key, values] of entries) {
    const rel = key.slice(root.length).split('\\').filter(Boolean);
    let kind: 'managed' | 'recommended' = 'managed';
    if (rel[0]?.toLowerCase() === RECOMMENDED_SUBKEY.toLowerCase()) {
      kind = 'recommended';
      rel.shift();
    }
    if (rel.length > 1) {
      problems.push(`${key}: Limber's settings are at most one key deep (a group such as microBreak); ignored`);
      continue;
    }
    const group = rel[0];
    const data: Record<string, unknown> = {};
    for (const v of values) {
      if (v.name === '') continue;
      const dotted = group ? `${group}.${v.name}` : v.name;
      data[dotted] = coerce(dotted, v.value);
    }
    if (Object.keys(data).length) sources.push({ kind, source: key, data });
  }
  return { sources, problems };
}

/** Runs `reg query KEY /s`; a missing key is no policy (reg exits 1 and says so). */
export type RegQuery = (key: string) => Promise<{ ok: true; stdout: string } | { ok: false; missing: boolean; error: string }>;

export const runRegQuery: RegQuery = (key) =>
  new Promise((resolve) => {
    execFile('reg', ['query', key, '/s'], { windowsHide: true, maxBuffer: 1024 * 1024, timeout: 5000 }, (err, stdout, stderr) => {
      if (!err) return resolve({ ok: true, stdout });
      const text = `${stderr}`.trim() || err.message;
      resolve({ ok: false, missing: /unable to find/i.test(text), error: text });
    });
  });

/** Every hive's sources in priority order (the user's first, the machine's last: it wins). */
export async function readRegistryPolicy(query: RegQuery = runRegQuery): Promise<Policy> {
  const sources: Source[] = [];
  const problems: string[] = [];
  for (const hive of HIVES) {
    const root = `${hive}\\${POLICY_KEY}`;
    const r = await query(root);
    if (!r.ok) {
      if (!r.missing) problems.push(`${root}: cannot be read (${r.error}); its policies are not applied`);
      continue;
    }
    const found = registrySources(parseRegQuery(r.stdout), root);
    problems.push(...found.problems);
    // Within a hive: recommended before managed only matters for messages; layers are kept apart by kind.
    sources.push(...found.sources);
  }
  return combineSources(sources, problems);
}

/**
 * The registry as a policy port. `reg` runs asynchronously, so the policy is read once before the app starts
 * (`ready`), then again every `pollMs` while watched.
 */
export class WindowsRegistryPolicy implements PolicySourcePort {
  readonly locations = HIVES.flatMap((h) => [`${h}\\${POLICY_KEY}`, `${h}\\${POLICY_KEY}\\${RECOMMENDED_SUBKEY}`]);
  private policy: Policy = combineSources([]);

  constructor(
    private readonly query: RegQuery = runRegQuery,
    private readonly pollMs = 60_000,
  ) {}

  /** Reads the registry; call before the app starts. */
  async ready(): Promise<this> {
    this.policy = await readRegistryPolicy(this.query);
    return this;
  }

  read(): Policy {
    return this.policy;
  }

  watch(cb: (policy: Policy) => void): () => void {
    let last = JSON.stringify(this.policy);
    const timer = setInterval(() => {
      void readRegistryPolicy(this.query).then((p) => {
        const text = JSON.stringify(p);
        if (text === last) return;
        last = text;
        this.policy = p;
        cb(p);
      });
    }, this.pollMs);
    timer.unref?.();
    return () => clearInterval(timer);
  }
}
