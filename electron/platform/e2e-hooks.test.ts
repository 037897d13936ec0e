// The Electron e2e project's hooks behave like the harness's test ports: a spec on the driver sees the same on both.
import { describe, expect, it } from 'vitest';
import { MENU, MENU_COMMANDS, type TrayView } from '../core/tray-model.ts';
import type { Ports, WindowHandle } from '../ports.ts';
import { FakeShortcuts, MemoryHistory, MemorySettings, RecordingNotifier, RecordingTray, ScriptedActivity } from '../../e2e/harness/test-ports.ts';
import { e2eEnabled, instrument } from './e2e-hooks.ts';

const START = Date.parse('2026-11-23T09:00:00+01:00');

function setUp() {
  const inner = {
    tray: new RecordingTray(),
    shortcuts: new FakeShortcuts(),
    notifier: new RecordingNotifier(),
    activity: new ScriptedActivity(),
    opened: [] as string[],
  };
  const handle: WindowHandle = { send: () => {}, close: () => {}, isOpen: () => true };
  const ports: Ports = {
    clock: { now: () => 0, setTimeout: () => () => {} } as unknown as Ports['clock'],
    activity: inner.activity,
    tray: inner.tray,
    notifier: inner.notifier,
    shortcuts: inner.shortcuts,
    windows: { open: (kind) => (inner.opened.push(kind), handle), broadcast: () => {}, pickFolder: () => Promise.resolve(null) },
    settings: new MemorySettings(),
    history: new MemoryHistory(),
    autostart: { set: () => {} },
    log: () => {},
  };
  return { inner, ...instrument(ports, START) };
}

const view = (menu: TrayView['menu']): TrayView => ({ icon: 'working', tooltip: 'Limber', title: '', menu });

describe('e2e hooks', () => {
  it('are on only with LIMBER_E2E=1', () => {
    expect(e2eEnabled({ LIMBER_E2E: '1' })).toBe(true);
    expect(e2eEnabled({})).toBe(false);
    expect(e2eEnabled({ LIMBER_E2E: 'yes' })).toBe(false);
  });

  it('click only a tray item that exists and is enabled, at any depth', () => {
    const { ports, hooks } = setUp();
    const clicked: string[] = [];
    ports.tray.onMenu((id) => clicked.push(id));
    expect(() => hooks.clickMenu('settings')).toThrow('the tray was never rendered');
    const pause30 = { id: MENU.pause30, label: '30 min', command: MENU_COMMANDS.pause30 };
    const resume = { id: MENU.resume, label: 'Resume', command: MENU_COMMANDS.resume, enabled: false };
    ports.tray.render(view([{ id: 'pause', label: 'Pause', submenu: [pause30, resume] }]));
    hooks.clickMenu(MENU.pause30);
    expect(() => hooks.clickMenu(MENU.resume)).toThrow(`menu item ${MENU.resume} is disabled`);
    expect(() => hooks.clickMenu('nothing')).toThrow('no menu item nothing');
    expect(clicked).toEqual([MENU.pause30]);
    expect(hooks.trayViews).toHaveLength(1);
  });

  it('refuse keys another application holds, and list and press only the keys registered', () => {
    const { ports, hooks, inner } = setUp();
    let pressed = 0;
    hooks.heldElsewhere.add('CommandOrControl+Alt+K');
    expect(ports.shortcuts.register('CommandOrControl+Alt+K', () => pressed++)).toBe(false);
    expect(inner.shortcuts.registered.size).toBe(0);
    expect(ports.shortcuts.register('CommandOrControl+Alt+B', () => pressed++)).toBe(true);
    // What the OS refuses is refused here too.
    inner.shortcuts.heldElsewhere.add('Ctrl+J');
    expect(ports.shortcuts.register('Ctrl+J', () => pressed++)).toBe(false);
    expect(hooks.registeredShortcuts()).toEqual(['CommandOrControl+Alt+B']);
    hooks.pressShortcut('CommandOrControl+Alt+B');
    expect(pressed).toBe(1);
    expect(() => hooks.pressShortcut('CommandOrControl+Alt+K')).toThrow('is not registered');
    ports.shortcuts.unregisterAll();
    expect(hooks.registeredShortcuts()).toEqual([]);
  });

  it('script presence on the virtual clock: idle from when the user left, none once back', () => {
    const { ports, hooks } = setUp();
    expect(ports.clock).toBe(hooks.clock);
    expect(ports.activity.idleSeconds()).toBe(0);
    hooks.goIdle();
    hooks.clock.advanceBy(90_000);
    expect(ports.activity.idleSeconds()).toBe(90);
    expect(ports.activity.isLocked()).toBe(false);
    hooks.comeBack();
    expect(ports.activity.idleSeconds()).toBe(0);
  });

  it('record the notifications and windows the app asked for, and pass them on', () => {
    const { ports, hooks, inner } = setUp();
    const answers: unknown[] = [];
    ports.notifier.notify({ title: 'Limber', body: 'soon', actions: ['Start', 'Snooze'] }, (a) => answers.push(a));
    expect(hooks.notifications.map((n) => n.req.body)).toEqual(['soon']);
    expect(inner.notifier.sent).toHaveLength(1);
    hooks.notifications[0]!.answer({ kind: 'action', index: 1 });
    expect(answers).toEqual([{ kind: 'action', index: 1 }]);

    ports.windows.open('break', { focus: false, onClosed: () => {} });
    ports.windows.open('settings', { focus: true, onClosed: () => {} });
    expect(hooks.windowsOpened).toEqual([
      { kind: 'break', focus: false },
      { kind: 'settings', focus: true },
    ]);
    expect(inner.opened).toEqual(['break', 'settings']);
  });
});
