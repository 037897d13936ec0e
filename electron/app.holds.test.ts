// LimberApp with a hold port: the scheduler asks before a heads-up, a held break shows in the tray and in
// `limber status`, the hold notice is one quiet notification, and a presence problem is told.
import { describe, expect, it } from 'vitest';
import { MemoryHistory, MemorySettings, RecordingNotifier, RecordingTray, ScriptedActivity } from '../e2e/harness/test-ports.ts';
import { FakeShortcuts } from '../e2e/harness/test-ports.ts';
import { LimberApp } from './app.ts';
import { VirtualClock } from './core/clock.ts';
import type { HoldReason } from './core/holds.ts';
import type { HoldsPort, WindowHandle, WindowsPort } from './ports.ts';

class ScriptedHolds implements HoldsPort {
  active: HoldReason[] = [];
  checks = 0;
  private cb: (a: readonly HoldReason[]) => void = () => {};
  start(cb: (a: readonly HoldReason[]) => void): void {
    this.cb = cb;
  }
  check(): void {
    this.checks++;
    this.cb(this.active);
  }
  stop(): void {}
}

const windows: WindowsPort = { open: (): WindowHandle => ({ send: () => {}, close: () => {}, isOpen: () => true }), broadcast: () => {}, pickFolder: () => Promise.resolve(null) };
const MIN = 60_000;

function setup() {
  const clock = new VirtualClock('2026-11-23T09:00:00+01:00');
  const holds = new ScriptedHolds();
  const tray = new RecordingTray();
  const notifier = new RecordingNotifier();
  const app = new LimberApp(
    {
      clock,
      activity: new ScriptedActivity(() => clock.now()),
      tray,
      notifier,
      shortcuts: new FakeShortcuts(),
      windows,
      settings: new MemorySettings(),
      history: new MemoryHistory(),
      autostart: { set: () => {} },
      holds,
      log: () => {},
    },
    { trustedUrlPrefix: 'https://limber.invalid/', timeZone: 'Europe/Berlin' },
  );
  app.start();
  return { app, clock, holds, tray, notifier };
}

describe('held breaks in the app', () => {
  it('a call holds the break: no heads-up, the tray and status say why; it comes 2 minutes after the call', () => {
    const { app, clock, holds, tray, notifier } = setup();
    holds.active = ['call'];
    clock.advanceBy(29 * MIN + 30_000);
    expect(holds.checks).toBeGreaterThan(0);
    expect(notifier.sent).toHaveLength(0);
    expect(tray.current.icon).toBe('held');
    expect(tray.current.tooltip).toMatch(/^Limber — Break waiting — you’re in a call \(since 09:29\)$/);
    expect(app.handleCommandLine(['status']).output).toBe(tray.current.tooltip);
    expect(JSON.parse(app.handleCommandLine(['status', '--json']).output).held).toEqual({ reason: 'call', since: Date.parse('2026-11-23T09:29:00+01:00') });
    // The call ends; the scheduler's slow re-check finds out, and the break comes 2 minutes later (heads-up 1 before).
    holds.active = [];
    const seen: number[] = [];
    const check = holds.check.bind(holds);
    holds.check = () => {
      seen.push(clock.now());
      check();
    };
    const sentAt: number[] = [];
    const notify = notifier.notify.bind(notifier);
    notifier.notify = (req, cb) => {
      // The countdown's rewrites of the same bubble are not new heads-ups.
      if (!req.update) sentAt.push(clock.now());
      notify(req, cb);
    };
    clock.advanceBy(10 * MIN);
    expect(seen.length).toBeGreaterThan(0);
    expect(notifier.sent.filter((n) => !n.req.update).map((n) => n.req.body)).toEqual(['A movement break starts in 60 seconds.']);
    expect(sentAt).toEqual([seen[0]! + MIN]);
    expect(tray.current.icon).not.toBe('held');
  });

  it('a hold that meets the due break withdraws the heads-up on screen', () => {
    const { clock, holds, notifier } = setup();
    clock.advanceBy(29 * MIN);
    expect(notifier.sent).toHaveLength(1);
    holds.active = ['call'];
    clock.advanceBy(MIN);
    expect(notifier.withdrawn).toEqual(['heads-up']);
  });

  it('a call back during the heads-up that followed it withdraws that heads-up (the same hold, no second held event)', () => {
    const { clock, holds, notifier } = setup();
    holds.active = ['call'];
    clock.advanceBy(30 * MIN);
    holds.active = [];
    holds.check();
    // The heads-up comes a minute after the call ended, a minute before the break.
    clock.advanceBy(MIN);
    expect(notifier.sent.filter((n) => !n.req.update)).toHaveLength(1);
    expect(notifier.withdrawn).toEqual([]);
    holds.active = ['call'];
    holds.check();
    expect(notifier.withdrawn).toEqual(['heads-up']);
  });

  it('after the hold limit, one quiet notice without buttons', () => {
    const { clock, holds, notifier } = setup();
    holds.active = ['do-not-disturb'];
    clock.advanceBy(30 * MIN + 95 * MIN);
    expect(notifier.sent.map((n) => [n.req.body, n.req.actions])).toEqual([
      ['A movement break is waiting (do not disturb is on); it comes 2 minutes after you are done.', []],
    ]);
    // Low urgency, no sound, sorted with the breaks.
    expect(notifier.sent[0]!.req).toMatchObject({ quiet: true, aboutBreak: true });
  });

  it('a presence problem is told once and shown by status', () => {
    const { app } = setup();
    app.reportPresence({ idle: 'fallback', lock: [], problem: 'Idle time cannot be read here.' });
    expect(app.notices).toContain('Idle time cannot be read here.');
    expect(app.handleCommandLine(['status']).output).toMatch(/\nIdle time cannot be read here\.$/);
    expect(JSON.parse(app.handleCommandLine(['status', '--json']).output).presence.problem).toBe('Idle time cannot be read here.');
  });
});
