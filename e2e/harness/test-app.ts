// LimberApp started on test ports, for the unit tests that drive the composed app through IPC, the tray and the
// notifier. The harness (harness.ts) does the same for the end-to-end tests, with real windows.
import type { PolicySourcePort } from '../../electron/core/policy.ts';
import { LimberApp } from '../../electron/app.ts';
import { VirtualClock } from '../../electron/core/clock.ts';
import type { MainToRenderer, WindowKind } from '../../electron/ipc.ts';
import type { HistoryStorePort, NotifierPort, SettingsStorePort, SyncPort, WindowHandle, WindowsPort } from '../../electron/ports.ts';
import { FakeShortcuts, MemoryHistory, MemorySettings, RecordingNotifier, RecordingTray, ScriptedActivity } from './test-ports.ts';

/** The origin the test app trusts as its own pages. */
export const TEST_ORIGIN = 'https://limber.invalid/';

/** Keeps which windows were opened and every message sent to them. */
export class RecordingWindows implements WindowsPort {
  opened: WindowKind[] = [];
  sent: MainToRenderer[] = [];
  open(kind: WindowKind): WindowHandle {
    this.opened.push(kind);
    let open = true;
    return { send: (m) => this.sent.push(m), close: () => (open = false), isOpen: () => open };
  }
  broadcast(m: MainToRenderer): void {
    this.sent.push(m);
  }
  /** Test port for the system folder picker: answers the queued choices in turn (null: the user cancelled). */
  picks: (string | null)[] = [];
  pickFolder(): Promise<string | null> {
    return Promise.resolve(this.picks.shift() ?? null);
  }
}

export interface TestAppOptions {
  notifier?: NotifierPort;
  /** Shortcuts another application holds. */
  held?: string[];
  settings?: SettingsStorePort;
  history?: (clock: VirtualClock) => HistoryStorePort;
  preferred?: string[];
  /** Several computers: a shared clock and this computer's sync port. */
  clock?: VirtualClock;
  sync?: SyncPort;
  policy?: PolicySourcePort;
}

/** A started LimberApp at 09:00 on a Monday, with the ports a test inspects. */
export function startTestApp(opts: TestAppOptions = {}) {
  const clock = opts.clock ?? new VirtualClock('2026-11-23T09:00:00+01:00');
  const shortcuts = new FakeShortcuts();
  for (const k of opts.held ?? []) shortcuts.heldElsewhere.add(k);
  const history = new MemoryHistory();
  const settings = new MemorySettings();
  const tray = new RecordingTray();
  const windows = new RecordingWindows();
  const logs: string[] = [];
  const activity = new ScriptedActivity(() => clock.now());
  const notifier = opts.notifier ?? new RecordingNotifier();
  const app = new LimberApp(
    {
      clock,
      activity,
      ...(opts.sync ? { sync: opts.sync } : {}),
      tray,
      notifier,
      shortcuts,
      windows,
      settings: opts.settings ?? settings,
      history: opts.history?.(clock) ?? history,
      autostart: { set: () => {} },
      ...(opts.policy ? { policy: opts.policy } : {}),
      log: (_level, m) => logs.push(m),
    },
    { trustedUrlPrefix: TEST_ORIGIN, ...(opts.preferred ? { preferredLanguages: () => opts.preferred! } : {}) },
  );
  app.start();
  return { app, clock, shortcuts, history, settings, tray, windows, logs, activity, notifier };
}
