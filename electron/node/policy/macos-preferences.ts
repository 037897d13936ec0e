// macOS configuration profiles (DESIGN §1): the managed preferences of `app.limber.Limber`, which the system writes to
// /Library/Managed Preferences/app.limber.Limber.plist (for the computer) and /Library/Managed Preferences/<user>/…
// (for one user). Their values are forced: managed. Values inside a `Recommended` dictionary are recommended (a
// profile cannot mark a value "set once" in a form Limber can read without native calls). The computer's file wins
// over the user's. The files are binary plists: `plutil -convert xml1 -o - FILE` turns them into XML, parsed here.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { combineSources, type Policy, type PolicySourcePort } from '../../core/policy.ts';
import { coerce } from './values.ts';

export const PREFERENCE_DOMAIN = 'app.limber.Limber';
export const MANAGED_PREFERENCES = '/Library/Managed Preferences';
export const RECOMMENDED_KEY = 'Recommended';
const MAX_PLIST_BYTES = 1024 * 1024;

type XmlNode = { nodeType: number; nodeName: string; textContent: string | null; childNodes: { length: number; [i: number]: XmlNode } };

function elements(n: XmlNode): XmlNode[] {
  const out: XmlNode[] = [];
  for (let i = 0; i < n.childNodes.length; i++) if (n.childNodes[i]!.nodeType === 1) out.push(n.childNodes[i]!);
  return out;
}

function plistValue(n: XmlNode): unknown {
  const text = n.textContent ?? '';
  switch (n.nodeName) {
    case 'dict': {
      const out: Record<string, unknown> = {};
      const kids = elements(n);
      for (let i = 0; i + 1 < kids.length; i += 2) {
        if (kids[i]!.nodeName !== 'key') throw new Error(`a <dict> holds <${kids[i]!.nodeName}> where a <key> belongs`);
        out[kids[i]!.textContent ?? ''] = plistValue(kids[i + 1]!);
      }
      if (kids.length % 2) throw new Error('a <dict> ends with a key without a value');
      return out;
    }
    case 'array':
      return elements(n).map(plistValue);
    case 'string':
    case 'date':
    case 'data':
      return text;
    case 'integer':
      return Number.parseInt(text, 10);
    case 'real':
      return Number.parseFloat(text);
    case 'true':
      return true;
    case 'false':
      return false;
    default:
      throw new Error(`<${n.nodeName}> is not a property-list value`);
  }
}

/** An XML property list (as `plutil -convert xml1` writes it) to plain values; throws with a reason when it is not one. */
export function parseXmlPlist(xml: string): unknown {
  const errors: string[] = [];
  const doc = new DOMParser({
    errorHandler: { warning: () => undefined, error: (m: string) => void errors.push(m), fatalError: (m: string) => void errors.push(m) },
  }).parseFromString(xml, 'text/xml') as unknown as { documentElement: XmlNode | null };
  if (errors.length) throw new Error(`not well-formed XML (${errors[0]!.split('\n')[0]})`);
  const root = doc.documentElement;
  if (!root || root.nodeName !== 'plist') throw new Error('not a property list (no <plist>)');
  const [top] = elements(root);
  if (!top) throw new Error('an empty property list');
  return plistValue(top);
}

type Source = { kind: 'managed' | 'recommended'; source: string; data: unknown };

/** One managed-preferences dictionary: forced values managed, the `Recommended` dictionary recommended. */
export function preferenceSources(prefs: unknown, source: string): { sources: Source[]; problems: string[] } {
  if (typeof prefs !== 'object' || prefs === null || Array.isArray(prefs)) return { sources: [], problems: [`${source}: not a dictionary of preferences; ignored`] };
  const { [RECOMMENDED_KEY]: recommended, ...forced } = prefs as Record<string, unknown>;
  const problems: string[] = [];
  const sources: Source[] = [];
  const typed = (d: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(d)) {
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) out[k] = Object.fromEntries(Object.entries(v).map(([s, x]) => [s, coerce(`${k}.${s}`, x)]));
      else out[k] = coerce(k, v);
    }
    return out;
  };
  if (recommended !== undefined) {
    if (typeof recommended === 'object' && recommended !== null && !Array.isArray(recommended)) {
      sources.push({ kind: 'recommended', source: `${source} (${RECOMMENDED_KEY})`, data: typed(recommended as Record<string, unknown>) });
    } else problems.push(`${source}: ${RECOMMENDED_KEY} must be a dictionary of settings; ignored`);
  }
  // Keys macOS adds to every managed domain (PayloadUUID and the like) are not settings.
  const settings = Object.fromEntries(Object.entries(forced).filter(([k]) => !/^(Payload|PolicyVersion|mcx_)/.test(k)));
  if (Object.keys(settings).length) sources.push({ kind: 'managed', source, data: typed(settings) });
  return { sources, problems };
}

export type PlistReader = (file: string) => Promise<{ ok: true; xml: string } | { ok: false; missing: boolean; error: string }>;

/** `plutil -convert xml1 -o - FILE`: binary and XML plists alike come out as XML. */
export const plutilReader: PlistReader = async (file) => {
  try {
    const st = fs.statSync(file);
    if (st.size > MAX_PLIST_BYTES) return { ok: false, missing: false, error: `too large (${st.size} bytes)` };
  } catch (e) {
    return { ok: false, missing: (e as NodeJS.ErrnoException).code === 'ENOENT', error: (e as Error).message };
  }
  return new Promise((resolve) => {
    execFile('plutil', ['-convert', 'xml1', '-o', '-', file], { maxBuffer: 4 * MAX_PLIST_BYTES, timeout: 5000 }, (err, stdout, stderr) =>
      resolve(err ? { ok: false, missing: false, error: `${stderr}`.trim() || err.message } : { ok: true, xml: stdout }),
    );
  });
};

/** The files read, lowest priority first: the user's, then the computer's (it wins). */
export function managedPreferenceFiles(user: string = os.userInfo().username): string[] {
  return [path.join(MANAGED_PREFERENCES, user, `${PREFERENCE_DOMAIN}.plist`), path.join(MANAGED_PREFERENCES, `${PREFERENCE_DOMAIN}.plist`)];
}

export async function readManagedPreferences(files: readonly string[], reader: PlistReader = plutilReader): Promise<Policy> {
  const sources: Source[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const r = await reader(file);
    if (!r.ok) {
      if (!r.missing) problems.push(`${file}: cannot be read (${r.error}); ignored`);
      continue;
    }
    let prefs: unknown;
    try {
      prefs = parseXmlPlist(r.xml);
    } catch (e) {
      problems.push(`${file}: ${(e as Error).message}; ignored`);
      continue;
    }
    const found = preferenceSources(prefs, file);
    sources.push(...found.sources);
    problems.push(...found.problems);
  }
  return combineSources(sources, problems);
}

/** Managed preferences as a policy port: read before the app starts (`ready`), then followed by watching the folder. */
export class MacManagedPreferences implements PolicySourcePort {
  readonly locations: readonly string[];
  private policy: Policy = combineSources([]);

  constructor(
    private readonly files: readonly string[] = managedPreferenceFiles(),
    private readonly reader: PlistReader = plutilReader,
    private readonly pollMs = 30_000,
  ) {
    this.locations = [...files].reverse();
  }

  async ready(): Promise<this> {
    this.policy = await readManagedPreferences(this.files, this.reader);
    return this;
  }

  read(): Policy {
    return this.policy;
  }

  watch(cb: (policy: Policy) => void): () => void {
    let last = JSON.stringify(this.policy);
    const timer = setInterval(() => {
      void readManagedPreferences(this.files, this.reader).then((p) => {
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
