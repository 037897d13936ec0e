// A call on Linux, seen by the camera: a process of this user holds a video device open (/proc/PID/fd).
// Enumerating devices opens them for a moment, so changes are followed with a settling delay.
import fs from 'node:fs';
import path from 'node:path';
import type { Cancel } from '../../core/clock.ts';
import type { HoldSource, HoldVerdict } from '../../core/holds.ts';
import { spawnLines, type SpawnLines } from './tool.ts';

export interface CameraOptions {
  /** The video devices, e.g. every /dev/video*; injectable so tests can use stand-in files. */
  devices: () => string[];
  ownPids: readonly number[];
  /** Where processes are listed (`/proc`). */
  procDir?: string;
  /** Quiet time after an open or close before "ask again" (short opens for enumeration settle first). */
  settleMs?: number;
  spawn?: SpawnLines;
  after?: (ms: number, fn: () => void) => Cancel;
}

export const CAMERA_SETTLE_MS = 5000;

export function videoDevices(dir = '/dev', pattern = /^video\d+$/): () => string[] {
  return () => {
    try {
      return fs.readdirSync(dir).filter((n) => pattern.test(n)).map((n) => path.join(dir, n));
    } catch {
      return [];
    }
  };
}

/** Which of `devices` a process (other than ours) has open, by reading its file descriptors. */
export function cameraHolders(devices: readonly string[], procDir: string, ownPids: readonly number[]): { pid: number; device: string }[] {
  const wanted = new Set(devices);
  const own = new Set(ownPids);
  const found: { pid: number; device: string }[] = [];
  let pids: string[];
  try {
    pids = fs.readdirSync(procDir).filter((n) => /^\d+$/.test(n));
  } catch {
    return found;
  }
  for (const p of pids) {
    const pid = Number(p);
    if (own.has(pid)) continue;
    let fds: string[];
    try {
      fds = fs.readdirSync(path.join(procDir, p, 'fd'));
    } catch {
      continue; // another user's process, or gone
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = fs.readlinkSync(path.join(procDir, p, 'fd', fd));
      } catch {
        continue;
      }
      if (wanted.has(target)) {
        found.push({ pid, device: target });
        break;
      }
    }
  }
  return found;
}

export function cameraVerdict(devices: readonly string[], holders: readonly { pid: number; device: string }[]): HoldVerdict {
  if (devices.length === 0) return { state: 'unknown', why: 'no camera device' };
  const h = holders[0];
  return h ? { state: 'held', reason: 'call', detail: `${path.basename(h.device)} is in use (process ${h.pid})` } : { state: 'free' };
}

export function linuxCamera(opts: CameraOptions): HoldSource {
  const procDir = opts.procDir ?? '/proc';
  const settle = opts.settleMs ?? CAMERA_SETTLE_MS;
  const spawn = opts.spawn ?? spawnLines;
  const after =
    opts.after ??
    ((ms: number, fn: () => void): Cancel => {
      const h = setTimeout(fn, ms);
      return () => clearTimeout(h);
    });
  return {
    id: 'camera',
    reasons: ['call'],
    async check() {
      const devices = opts.devices();
      return cameraVerdict(devices, devices.length ? cameraHolders(devices, procDir, opts.ownPids) : []);
    },
    watch(onChange): Cancel {
      const devices = opts.devices();
      if (devices.length === 0) return () => {};
      let pending: Cancel | null = null;
      const stop = spawn('inotifywait', ['-m', '-q', '-e', 'open,close', ...devices], () => {
        pending?.();
        pending = after(settle, () => {
          pending = null;
          onChange();
        });
      });
      return () => {
        pending?.();
        stop();
      };
    },
  };
}
