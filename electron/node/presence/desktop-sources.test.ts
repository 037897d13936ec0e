// The one place presence and holds are built (the Electron entry and the preview both use it).
import { describe, expect, it } from 'vitest';
import { ScriptedActivity } from '../../../e2e/harness/test-ports.ts';
import { VirtualClock } from '../../core/clock.ts';
import { DesktopPresence } from './desktop-presence.ts';
import { desktopSources } from './desktop-sources.ts';
import { HoldMonitor } from './hold-monitor.ts';
import { FakeBus } from './test-helpers.ts';

const MUTTER = 'org.gnome.Mutter.IdleMonitor org.gnome.Mutter.IdleMonitor';

describe('desktopSources', () => {
  it('on Linux, idle time comes from the desktop service that answers (Mutter), not the fallback', async () => {
    const clock = new VirtualClock('2026-11-23T09:00:00Z');
    const bus = new FakeBus();
    bus.methods.set(`${MUTTER}.GetIdletime`, () => [120_000]);
    bus.methods.set(`${MUTTER}.AddIdleWatch`, () => [1]);
    bus.methods.set(`${MUTTER}.AddUserActiveWatch`, () => [2]);
    const fallback = new ScriptedActivity(() => clock.now());
    const d = desktopSources({ platform: 'linux', env: { XDG_CURRENT_DESKTOP: 'GNOME' }, bus, clock, fallback, ownPids: [1] });
    expect(d.activity).toBeInstanceOf(DesktopPresence);
    expect(d.holds).toBeInstanceOf(HoldMonitor);
    expect((await d.start())?.idle).toBe('gnome-mutter');
    expect(d.activity.idleSeconds()).toBe(120);
    d.stop();
  });

  it('elsewhere the fallback is the activity, and there is nothing to start', async () => {
    const clock = new VirtualClock('2026-11-23T09:00:00Z');
    const fallback = new ScriptedActivity(() => clock.now());
    const d = desktopSources({ platform: 'darwin', env: {}, bus: new FakeBus(), clock, fallback, ownPids: [1] });
    expect(d.activity).toBe(fallback);
    expect(await d.start()).toBeNull();
  });
});
