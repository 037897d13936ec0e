// macOS: Focus (no supported API without a signed, entitled build — the best available signals, limits in README),
// apps keeping the display awake (`pmset -g assertions`: presentations, video, most meeting apps), and the
// microphone in use (CoreAudio's "running somewhere", read through koffi).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HoldSource, HoldVerdict } from '../../core/holds.ts';
import { execTool, type Exec } from './tool.ts';

/**
 * Focus from `~/Library/DoNotDisturb/DB/Assertions.json` (macOS 12+): an active Focus leaves an assertion record.
 * Null when the file cannot be read (macOS 14+ asks for Full Disk Access) or has an unknown shape.
 */
export function focusFromAssertions(json: string): boolean | null {
  try {
    const data = (JSON.parse(json) as { data?: { storeAssertionRecords?: unknown[] }[] }).data;
    if (!Array.isArray(data)) return null;
    return data.some((d) => Array.isArray(d.storeAssertionRecords) && d.storeAssertionRecords.length > 0);
  } catch {
    return null;
  }
}

/** The Control Center key says the Focus icon is shown in the menu bar — on while a Focus is on, unless pinned. */
export function focusFromDefaults(r: Awaited<ReturnType<Exec>>): HoldVerdict {
  if (r.ok) return r.stdout.trim() === '1' ? { state: 'held', reason: 'do-not-disturb', detail: 'a Focus seems to be on (menu bar icon)' } : { state: 'free' };
  if (/does not exist/.test(r.stderr)) return { state: 'free' };
  return { state: 'unknown', why: r.why };
}

export function macFocus(exec: Exec = execTool, home = os.homedir(), majorVersion = Number(os.release().split('.')[0]) - 9): HoldSource {
  const assertions = path.join(home, 'Library/DoNotDisturb/DB/Assertions.json');
  // macOS 26 renamed the key (Control Center's "VisibleCC").
  const key = majorVersion >= 26 ? 'NSStatusItem VisibleCC FocusModes' : 'NSStatusItem Visible FocusModes';
  return {
    id: 'macos-focus',
    reasons: ['do-not-disturb'],
    async check() {
      const text = await fs.promises.readFile(assertions, 'utf8').catch(() => null);
      const on = text === null ? null : focusFromAssertions(text);
      if (on !== null) return on ? { state: 'held', reason: 'do-not-disturb', detail: 'a Focus is on' } : { state: 'free' };
      return focusFromDefaults(await exec('defaults', ['read', 'com.apple.controlcenter', key]));
    },
  };
}

export interface Assertion {
  pid: number;
  process: string;
  type: string;
  name: string;
}

/** The per-process lines of `pmset -g assertions`. */
export function parseAssertions(stdout: string): Assertion[] {
  const out: Assertion[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^\s*pid (\d+)\(([^)]*)\): \[[^\]]*\](?: [\d:]+)? (\w+) named: "(.*)"\s*$/.exec(line);
    if (m) out.push({ pid: Number(m[1]), process: m[2]!, type: m[3]!, name: m[4]! });
  }
  return out;
}

/** Audio playback keeps coreaudiod's assertion up; powerd and our own process are not someone presenting. */
const NOT_PRESENTING = new Set(['coreaudiod', 'powerd', 'WindowServer']);
const DISPLAY_AWAKE = new Set(['PreventUserIdleDisplaySleep', 'NoDisplaySleepAssertion']);

export function displaySleepVerdict(stdout: string, ownPids: readonly number[]): HoldVerdict {
  if (!/Listed by owning process:/.test(stdout)) return { state: 'unknown', why: 'pmset printed something unexpected' };
  const a = parseAssertions(stdout).find((x) => DISPLAY_AWAKE.has(x.type) && !NOT_PRESENTING.has(x.process) && !ownPids.includes(x.pid));
  return a ? { state: 'held', reason: 'presentation', detail: `${a.process} keeps the display awake` } : { state: 'free' };
}

export function macDisplaySleep(ownPids: readonly number[], exec: Exec = execTool): HoldSource {
  return {
    id: 'macos-display-sleep',
    reasons: ['presentation'],
    async check() {
      const r = await exec('pmset', ['-g', 'assertions']);
      return r.ok ? displaySleepVerdict(r.stdout, ownPids) : { state: 'unknown', why: r.why };
    },
  };
}

/** What the microphone adapter needs from CoreAudio: is the default input device running in any process? */
export interface CoreAudioLike {
  defaultInputRunning(): boolean | null;
}

export function micVerdictMac(running: boolean | null): HoldVerdict {
  if (running === null) return { state: 'unknown', why: 'CoreAudio did not answer' };
  return running ? { state: 'held', reason: 'call', detail: 'the microphone is in use' } : { state: 'free' };
}

export function macMic(coreAudio: () => Promise<CoreAudioLike>): HoldSource {
  return {
    id: 'macos-mic',
    reasons: ['call'],
    async check() {
      return micVerdictMac((await coreAudio()).defaultInputRunning());
    },
  };
}

const fourcc = (s: string) => [...s].reduce((n, c) => (n << 8) | c.charCodeAt(0), 0) >>> 0;

/** CoreAudio through koffi: kAudioHardwarePropertyDefaultInputDevice, then kAudioDevicePropertyDeviceIsRunningSomewhere. */
export async function loadCoreAudio(): Promise<CoreAudioLike> {
  const koffi = (await import('koffi')).default;
  const lib = koffi.load('/System/Library/Frameworks/CoreAudio.framework/CoreAudio');
  koffi.struct('AudioObjectPropertyAddress', { mSelector: 'uint32', mScope: 'uint32', mElement: 'uint32' });
  const get = lib.func('int32 AudioObjectGetPropertyData(uint32 id, AudioObjectPropertyAddress *addr, uint32 qsize, void *q, _Inout_ uint32 *size, _Out_ uint32 *data)');
  const read = (id: number, selector: string): number | null => {
    const size = [4];
    const out = [0];
    const status = get(id, { mSelector: fourcc(selector), mScope: fourcc('glob'), mElement: 0 }, 0, null, size, out) as number;
    return status === 0 ? (out[0] ?? null) : null;
  };
  return {
    defaultInputRunning() {
      const device = read(1 /* kAudioObjectSystemObject */, 'dIn ');
      if (!device) return null;
      const running = read(device, 'gone');
      return running === null ? null : running !== 0;
    },
  };
}
