// Two LimberApps sharing a sync folder (an in-memory one carrying each state after 2 s): the app's wiring of the
// several-computers rules — prompts on the computer in use only, the other's tray names where the break is, a break
// taken on one restarts the other's cycle, records once with their device, `status --json` lists the computers.
import { describe, expect, it } from 'vitest';
import { startTestApp } from '../e2e/harness/test-app.ts';
import { RecordingNotifier } from '../e2e/harness/test-ports.ts';
import { VirtualClock } from './core/clock.ts';
import type { DeviceState } from './core/sync/wire.ts';
import type { SyncPort } from './ports.ts';

const DELAY_MS = 2000;

type Shared = { changedAt: number; settings: Record<string, unknown> };

class MemoryFolder {
  readonly states = new Map<string, DeviceState>();
  readonly settings = new Map<string, Shared>();
  private readonly watchers = new Map<string, (s: DeviceState) => void>();
  private readonly settingsWatchers = new Map<string, (s: Shared) => void>();
  constructor(private readonly clock: VirtualClock) {}
  port(id: string, name: string): SyncPort {
    return {
      deviceId: id,
      deviceName: name,
      previous: () => this.states.get(id) ?? null,
      peers: () => [...this.states.values()].filter((s) => s.id !== id),
      write: (s) => {
        this.states.set(id, s);
        for (const [other, cb] of this.watchers) if (other !== id) this.clock.setTimer(this.clock.now() + DELAY_MS, () => cb(s));
      },
      watch: (cb, onSettings) => {
        this.watchers.set(id, cb);
        if (onSettings) this.settingsWatchers.set(id, onSettings);
        return () => this.watchers.delete(id);
      },
      writeSettings: (st) => {
        this.settings.set(id, st);
        for (const [other, cb] of this.settingsWatchers) if (other !== id) this.clock.setTimer(this.clock.now() + DELAY_MS, () => cb(st));
      },
      newestSettings: () => [...this.settings.entries()].filter(([k]) => k !== id).map(([, v]) => v).sort((a, b) => b.changedAt - a.changedAt)[0] ?? null,
      describe: () => ({ folder: '/memory', events: true }),
    };
  }
}

function twoComputers() {
  const clock = new VirtualClock('2026-11-23T09:00:00+01:00');
  const folder = new MemoryFolder(clock);
  const desk = startTestApp({ clock, sync: folder.port('desk', 'Desk'), notifier: new RecordingNotifier() });
  const laptop = startTestApp({ clock, sync: folder.port('laptop', 'Laptop'), notifier: new RecordingNotifier() });
  return { clock, folder, desk, laptop };
}

const MIN = 60_000;

describe('two computers, one work clock (app wiring)', () => {
  it('the heads-up comes only on the computer in use; the break there restarts the other one’s cycle', () => {
    const { clock, desk, laptop } = twoComputers();
    laptop.activity.goIdle();
    const start = clock.now();
    clock.advanceTo(start + 29 * MIN + 5000);
    const headsUps = (n: RecordingNotifier) => n.sent.filter((s) => s.req.actions.length > 0);
    expect(headsUps(desk.notifier as RecordingNotifier)).toHaveLength(1);
    expect(headsUps(laptop.notifier as RecordingNotifier)).toHaveLength(0);
    desk.app.run({ name: 'break', kind: null });
    clock.advanceTo(clock.now() + DELAY_MS + 1);
    expect(desk.app.status().phase).toBe('on-break');
    expect(laptop.app.status().phase).toBe('on-break');
    // The laptop's tray says where the break is.
    expect(laptop.tray.views.at(-1)!.tooltip).toBe('Limber — break on Desk');
    expect(laptop.tray.views.at(-1)!.menu[0]!.label).toBe('Break on Desk');
    expect(laptop.windows.opened).not.toContain('break');
    desk.app.run({ name: 'skip' });
    clock.advanceTo(clock.now() + DELAY_MS + 1);
    expect(laptop.app.status().phase).not.toBe('on-break');
    // Recorded once, on the desk, naming it; the laptop records nothing.
    expect(desk.history.records.map((r) => r.outcome)).toEqual(['skipped']);
    expect(laptop.history.records).toEqual([]);
    const next = laptop.app.status().nextBreak!.at;
    expect(next - clock.now()).toBeGreaterThan(29 * MIN);
  });

  it('settings are shared, the newest change winning; the shortcut stays each computer’s own', async () => {
    const { clock, desk, laptop } = twoComputers();
    const TRUSTED = { window: 'settings' as const, url: 'https://limber.invalid/settings.html' };
    await desk.app.handleRequest(TRUSTED, { type: 'settings:set', patch: { microBreak: { everyMinutes: 45 }, shortcut: 'Ctrl+Shift+K' } });
    clock.advanceTo(clock.now() + DELAY_MS + 1);
    expect(laptop.app.currentSettings().microBreak.everyMinutes).toBe(45);
    expect(laptop.app.currentSettings().shortcut).toBe('CommandOrControl+Alt+B');
    clock.advanceTo(clock.now() + 60_000);
    await laptop.app.handleRequest(TRUSTED, { type: 'settings:set', patch: { microBreak: { everyMinutes: 50 } } });
    clock.advanceTo(clock.now() + DELAY_MS + 1);
    expect(desk.app.currentSettings().microBreak.everyMinutes).toBe(50);
  });

  it('status --json lists the computers, this one first', () => {
    const { clock, desk } = twoComputers();
    clock.advanceTo(clock.now() + 10_000);
    const out = desk.app.handleCommandLine(['status', '--json']).output;
    const status = JSON.parse(out) as { devices: Array<{ id: string; self: boolean; state: string }> };
    expect(status.devices.map((d) => [d.id, d.self])).toEqual([
      ['desk', true],
      ['laptop', false],
    ]);
  });

  it('without a sync port the status has no devices (one computer, as before)', () => {
    const one = startTestApp();
    expect(JSON.parse(one.app.handleCommandLine(['status', '--json']).output)).not.toHaveProperty('devices');
  });
});
