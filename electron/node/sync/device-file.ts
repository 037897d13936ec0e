// device.json in the data folder: this computer's identity among several ({"id": "<uuid>", "name": "<host name>"}).
// Made once; the name is the user's to change. Written 0600 (it names the computer).
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { DeviceIdSchema, DeviceNameSchema } from '../../core/sync/wire.ts';

export const DeviceSchema = v.object({ id: DeviceIdSchema, name: DeviceNameSchema });
export type Device = v.InferOutput<typeof DeviceSchema>;

/** The host name as a device name: trimmed, never empty, at most 64 characters. */
export function defaultDeviceName(): string {
  const h = hostname().trim().slice(0, 64);
  return h || 'computer';
}

function write(file: string, d: Device): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(d, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
}

/**
 * This computer's identity; made on first use. A damaged file is moved aside and a new identity made, with a
 * message (the other computers then see a new computer; nothing else is lost).
 */
export function loadDevice(dataDir: string): { device: Device; message: string | null } {
  const file = join(dataDir, 'device.json');
  if (existsSync(file)) {
    try {
      const r = v.safeParse(DeviceSchema, JSON.parse(readFileSync(file, 'utf8')));
      if (r.success) return { device: r.output, message: null };
    } catch {
      // falls through to a new identity
    }
    const aside = `${file}.corrupt-${Date.now()}`;
    renameSync(file, aside);
    const device = { id: randomUUID(), name: defaultDeviceName() };
    write(file, device);
    return { device, message: `device.json was damaged and was moved to ${aside}; this computer has a new id among your computers.` };
  }
  const device = { id: randomUUID(), name: defaultDeviceName() };
  write(file, device);
  return { device, message: null };
}

/** Rename this computer (the settings window); the id stays. */
export function renameDevice(dataDir: string, device: Device, name: string): { ok: true; device: Device } | { ok: false; message: string } {
  const r = v.safeParse(DeviceNameSchema, name);
  if (!r.success) return { ok: false, message: `the computer's name ${r.issues[0].message}` };
  const next = { id: device.id, name: r.output };
  write(join(dataDir, 'device.json'), next);
  return { ok: true, device: next };
}

/** Another computer writes with this id (a cloned disk image): this one takes a new id. */
export function renewDeviceId(dataDir: string, device: Device): Device {
  const next = { id: randomUUID(), name: device.name };
  write(join(dataDir, 'device.json'), next);
  return next;
}
