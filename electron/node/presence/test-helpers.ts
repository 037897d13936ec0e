// Shared by the presence tests: recorded outputs, a scripted tool runner, a fake D-Bus and a manual timer.
import fs from 'node:fs';
import path from 'node:path';
import type { Cancel } from '../../core/clock.ts';
import type { BusName, DbusPort, SignalRule } from './dbus.ts';
import type { Exec, SpawnLines, ToolResult } from './tool.ts';

export const fixture = (name: string): string => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');

export const ok = (stdout: string): ToolResult => ({ ok: true, stdout });
export const failed = (stderr: string, missing = false): ToolResult => ({ ok: false, why: missing ? 'not installed' : `failed: ${stderr}`, missing, stdout: '', stderr });

/** Answers each command line (`cmd arg arg`) from a table; anything else is "not installed". */
export function scriptedExec(table: Record<string, ToolResult | (() => ToolResult)>): Exec & { calls: string[] } {
  const calls: string[] = [];
  const exec = (cmd: string, args: readonly string[]) => {
    const line = [cmd, ...args].join(' ');
    calls.push(line);
    const r = table[line];
    return Promise.resolve(typeof r === 'function' ? r() : (r ?? failed('', true)));
  };
  return Object.assign(exec, { calls });
}

/** Records spawned followers; a test feeds them lines and sees which are still running. */
export function scriptedSpawn(): SpawnLines & { running: Map<string, (line: string) => void> } {
  const running = new Map<string, (line: string) => void>();
  const spawn: SpawnLines = (cmd, args, onLine) => {
    const key = [cmd, ...args].join(' ');
    running.set(key, onLine);
    return () => running.delete(key);
  };
  return Object.assign(spawn, { running });
}

export class FakeBus implements DbusPort {
  props = new Map<string, unknown>();
  signals = new Map<string, Set<(body: unknown[]) => void>>();
  gets = 0;
  /** `dest iface.member` → the reply's arguments (a promise lets a test decide which service answers first). */
  methods = new Map<string, () => unknown[] | Promise<unknown[]>>();
  call(_bus: BusName, dest: string, _path: string, iface: string, member: string): Promise<unknown[]> {
    const m = this.methods.get(`${dest} ${iface}.${member}`);
    return m ? Promise.resolve(m()) : Promise.reject(new Error(`The name ${dest} is not owned`));
  }
  getProperty(_bus: BusName, dest: string, _path: string, iface: string, name: string): Promise<unknown> {
    this.gets++;
    const key = `${dest} ${iface}.${name}`;
    return this.props.has(key) ? Promise.resolve(this.props.get(key)) : Promise.reject(new Error(`The name ${dest} is not owned`));
  }
  onSignal(_bus: BusName, rule: SignalRule, cb: (body: unknown[]) => void): Cancel {
    const key = `${rule.iface}.${rule.member}`;
    const set = this.signals.get(key) ?? new Set();
    set.add(cb);
    this.signals.set(key, set);
    return () => set.delete(cb);
  }
  emit(ifaceMember: string, body: unknown[]): void {
    for (const cb of this.signals.get(ifaceMember) ?? []) cb(body);
  }
  listeners(ifaceMember: string): number {
    return this.signals.get(ifaceMember)?.size ?? 0;
  }
  close(): void {}
}

/** A timer the test fires by hand. */
export function manualTimers() {
  const pending = new Set<{ ms: number; fn: () => void }>();
  const after = (ms: number, fn: () => void): Cancel => {
    const t = { ms, fn };
    pending.add(t);
    return () => pending.delete(t);
  };
  const fireAll = () => {
    const list = [...pending];
    pending.clear();
    for (const t of list) t.fn();
  };
  return { after, pending, fireAll };
}
