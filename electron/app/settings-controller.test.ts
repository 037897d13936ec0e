// The settings in force, driven directly: what loading says, edits from the window and by hand, the shortcut that
// can or cannot be had, start at login, and saving that fails.
import { describe, expect, it } from 'vitest';
import { FakeShortcuts } from '../../e2e/harness/test-ports.ts';
import { defaultSettings, type SettingProblem, type Settings } from '../core/settings.ts';
import type { MainToRenderer } from '../ipc.ts';
import type { SettingsStorePort } from '../ports.ts';
import { noticeText, shortcutErrors } from './messages.ts';
import { Notices } from './notices.ts';
import { SettingsController } from './settings-controller.ts';
import { combineSources, type Policy, type PolicySourcePort } from '../core/policy.ts';

type Load = ReturnType<SettingsStorePort['load']>;
type Edit = (r: { settings: Settings; problems: SettingProblem[] }) => void;

function setup(opts: { load?: Partial<Load>; saveFails?: string; held?: string[]; policy?: PolicySourcePort } = {}) {
  const shortcuts = new FakeShortcuts();
  for (const k of opts.held ?? []) shortcuts.heldElsewhere.add(k);
  const autostart: boolean[] = [];
  const saved: Settings[] = [];
  const savedChanged: (readonly string[] | undefined)[] = [];
  const changed: Settings[] = [];
  const sent: MainToRenderer[] = [];
  const windowsOpened: string[] = [];
  const focused: boolean[] = [];
  let edit: Edit | null = null;
  let watching = false;
  let onClosed: () => void = () => {};
  let pressed = 0;
  const store: SettingsStorePort = {
    load: () => ({ settings: defaultSettings(), problems: [], movedAside: null, ...opts.load }),
    save: (s, changedKeys) => {
      if (opts.saveFails) return { ok: false, message: opts.saveFails };
      saved.push(s);
      savedChanged.push(changedKeys);
      return { ok: true };
    },
    onExternalChange: (cb) => {
      edit = cb;
      watching = true;
      return () => (watching = false);
    },
  };
  const notices = new Notices(() => {});
  const c = new SettingsController({
    ports: {
      settings: store,
      ...(opts.policy ? { policy: opts.policy } : {}),
      shortcuts,
      autostart: { set: (on) => autostart.push(on) },
      windows: {
        open: (kind, o) => {
          windowsOpened.push(kind);
          focused.push(o.focus);
          onClosed = o.onClosed;
          return { send: (m) => sent.push(m), close: () => {}, isOpen: () => true };
        },
        broadcast: () => {},
        pickFolder: () => Promise.resolve(null),
      },
    },
    notices,
    onShortcut: () => pressed++,
    onChanged: (s) => changed.push(s),
  });
  return {
    c,
    shortcuts,
    autostart,
    saved,
    savedChanged,
    changed,
    sent,
    notices,
    windowsOpened,
    focused,
    edit: (settings: Settings, problems: SettingProblem[] = []) => edit!({ settings, problems }),
    watching: () => watching,
    close: () => onClosed(),
    pressed: () => pressed,
  };
}

const DEFAULT_KEYS = 'CommandOrControl+Alt+B';

describe('loading', () => {
  it('a store message is the one notice; otherwise each problem and the moved-aside file are', () => {
    expect(setup({ load: { message: 'the file was repaired', problems: [{ path: 'x', message: 'x is wrong' }], movedAside: '/d/s.json.corrupt-1' } }).notices.list).toEqual([
      'the file was repaired',
    ]);
    expect(setup({ load: { problems: [{ path: 'x', message: 'x is wrong' }], movedAside: '/d/s.json.corrupt-1' } }).notices.list).toEqual([
      'x is wrong',
      noticeText.settingsMovedAside('/d/s.json.corrupt-1'),
    ]);
    expect(setup().notices.list).toEqual([]);
  });

  it('start registers the shortcut, sets start at login and watches the file; stop undoes the first and the last', () => {
    const t = setup();
    t.c.start();
    expect([...t.shortcuts.registered.keys()]).toEqual([DEFAULT_KEYS]);
    t.shortcuts.press(DEFAULT_KEYS);
    expect(t.pressed()).toBe(1);
    expect(t.autostart).toEqual([true]);
    expect(t.watching()).toBe(true);
    t.c.stop();
    expect(t.shortcuts.registered.size).toBe(0);
    expect(t.watching()).toBe(false);
  });
});

describe('edits from the settings window', () => {
  it('a valid edit is saved, applied and announced; start at login follows only when it changes', () => {
    const t = setup();
    t.c.start();
    const r = t.c.update({ microBreak: { everyMinutes: 45 } });
    expect(r).toMatchObject({ ok: true, window: 'settings', settings: { microBreak: { everyMinutes: 45 } } });
    expect(r).not.toHaveProperty('notice');
    expect(t.saved.map((s) => s.microBreak.everyMinutes)).toEqual([45]);
    expect(t.changed.map((s) => s.microBreak.everyMinutes)).toEqual([45]);
    expect(t.c.current.microBreak.everyMinutes).toBe(45);
    expect(t.autostart).toEqual([true]);
    t.c.update({ startAtLogin: false });
    expect(t.autostart).toEqual([true, false]);
  });

  it('an invalid edit is refused with every problem, and nothing changes', () => {
    const t = setup();
    const r = t.c.update({ microBreak: { everyMinutes: 2 }, snoozeMinutes: 0 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems!.map((p) => p.path)).toEqual(['microBreak.everyMinutes', 'snoozeMinutes']);
    expect(r.error).toBe(r.problems!.map((p) => p.message).join('; '));
    expect(t.saved).toEqual([]);
    expect(t.changed).toEqual([]);
  });

  it('settings that cannot be saved are still in force, with a notice', () => {
    const t = setup({ saveFails: 'EACCES: permission denied' });
    const r = t.c.update({ sound: false });
    expect(r).toMatchObject({ ok: true, settings: { sound: false }, notice: noticeText.settingsNotSaved('EACCES: permission denied') });
    expect(t.notices.list).toEqual([noticeText.settingsNotSaved('EACCES: permission denied')]);
    expect(t.c.current.sound).toBe(false);
  });

  it('a shortcut held elsewhere is refused and the previous one stays registered', () => {
    const t = setup({ held: ['CommandOrControl+Shift+K'] });
    t.c.start();
    const r = t.c.update({ shortcut: 'CommandOrControl+Shift+K' });
    expect(r).toEqual({ ok: false, error: shortcutErrors.taken('CommandOrControl+Shift+K', DEFAULT_KEYS) });
    expect([...t.shortcuts.registered.keys()]).toEqual([DEFAULT_KEYS]);
    expect(t.notices.list).toEqual([noticeText.shortcutHeld('CommandOrControl+Shift+K')]);
    t.shortcuts.press(DEFAULT_KEYS);
    expect(t.pressed()).toBe(1);
    expect(t.saved).toEqual([]);
  });

  it('a new shortcut replaces the old one', () => {
    const t = setup();
    t.c.start();
    expect(t.c.update({ shortcut: 'Alt+F9' }).ok).toBe(true);
    expect([...t.shortcuts.registered.keys()]).toEqual(['Alt+F9']);
    t.shortcuts.press('Alt+F9');
    expect(t.pressed()).toBe(1);
  });
});

describe('reset', () => {
  it('goes back to the defaults', () => {
    const t = setup({ load: { settings: { ...defaultSettings(), sound: false, shortcut: 'Alt+F9' } } });
    t.c.start();
    expect(t.c.reset()).toMatchObject({ ok: true, settings: defaultSettings() });
    expect([...t.shortcuts.registered.keys()]).toEqual([DEFAULT_KEYS]);
  });

  it('keeps the working shortcut when the default one is held elsewhere', () => {
    const t = setup({ load: { settings: { ...defaultSettings(), sound: false, shortcut: 'Alt+F9' } }, held: [DEFAULT_KEYS] });
    t.c.start();
    const r = t.c.reset();
    expect(r).toMatchObject({ ok: true, settings: { ...defaultSettings(), shortcut: 'Alt+F9' } });
    expect([...t.shortcuts.registered.keys()]).toEqual(['Alt+F9']);
  });
});

describe('trying a shortcut from the recorder', () => {
  it('a malformed one is refused with the problem', () => {
    const t = setup();
    t.c.start();
    const r = t.c.tryShortcut('not a shortcut');
    expect(r).toMatchObject({ ok: false, problems: [{ path: 'shortcut' }] });
    expect([...t.shortcuts.registered.keys()]).toEqual([DEFAULT_KEYS]);
  });

  it('one held elsewhere is refused in the window\'s own words, and its notice counts as seen', () => {
    const t = setup({ held: ['Alt+F9'] });
    t.c.start();
    expect(t.c.tryShortcut('Alt+F9')).toEqual({ ok: false, error: shortcutErrors.inUse('Alt+F9', DEFAULT_KEYS) });
    expect(t.notices.unseen()).toBeUndefined();
    expect([...t.shortcuts.registered.keys()]).toEqual([DEFAULT_KEYS]);
  });

  it('a free one is registered and saved', () => {
    const t = setup();
    t.c.start();
    expect(t.c.tryShortcut('Alt+F9')).toMatchObject({ ok: true, settings: { shortcut: 'Alt+F9' } });
    expect(t.saved.map((s) => s.shortcut)).toEqual(['Alt+F9']);
  });
});

describe('the file edited by hand', () => {
  it('valid values take effect and the open window follows; rejected ones become notices', () => {
    const t = setup();
    t.c.start();
    t.c.openWindow();
    expect(t.windowsOpened).toEqual(['settings']);
    expect(t.focused).toEqual([true]);
    const edited = { ...defaultSettings(), snoozeMinutes: 10 };
    t.edit(edited, [{ path: 'headsUpSeconds', message: 'headsUpSeconds must be from 0 to 300' }]);
    expect(t.c.current.snoozeMinutes).toBe(10);
    expect(t.changed.at(-1)!.snoozeMinutes).toBe(10);
    expect(t.notices.list).toEqual([noticeText.editNotApplied('headsUpSeconds must be from 0 to 300')]);
    expect(t.sent).toMatchObject([{ type: 'settings', settings: edited, notice: 'headsUpSeconds must be from 0 to 300' }]);
    t.edit(edited, [
      { path: 'a', message: 'a is wrong' },
      { path: 'b', message: 'b is wrong' },
    ]);
    expect(t.sent.at(-1)).toMatchObject({ notice: 'a is wrong; b is wrong' });
    t.edit({ ...edited, sound: false });
    expect(t.sent.at(-1)).toMatchObject({ type: 'settings', settings: { ...edited, sound: false } });
  });

  it('a shortcut held elsewhere keeps the working one; a closed window is not written to', () => {
    const t = setup({ held: ['Alt+F9'] });
    t.c.start();
    t.c.openWindow();
    t.close();
    t.edit({ ...defaultSettings(), shortcut: 'Alt+F9', sound: false });
    expect(t.c.current).toMatchObject({ shortcut: DEFAULT_KEYS, sound: false });
    expect([...t.shortcuts.registered.keys()]).toEqual([DEFAULT_KEYS]);
    expect(t.sent).toEqual([]);
  });
});

/** A policy source in memory: the real sources (files, registry, preferences) have their own tests in electron/node/policy. */
function policySource(managed: unknown, recommended: unknown = {}) {
  let cb: ((p: Policy) => void) | null = null;
  const make = (m: unknown, r: unknown) =>
    combineSources([
      { kind: 'recommended', source: 'rec.json', data: r },
      { kind: 'managed', source: 'man.json', data: m },
    ]);
  const port: PolicySourcePort = { locations: ['memory'], read: () => make(managed, recommended), watch: (c) => ((cb = c), () => (cb = null)) };
  return { port, change: (m: unknown, r: unknown = {}) => cb!(make(m, r)) };
}

describe('the organisation’s policy', () => {
  it('a managed setting is in force and refused when changed, naming it; the rest of the change is not applied either', () => {
    const t = setup({ policy: policySource({ microBreak: { everyMinutes: 50 } }).port });
    expect(t.c.current.microBreak.everyMinutes).toBe(50);
    const r = t.c.update({ microBreak: { everyMinutes: 20 }, sound: false });
    expect(r).toMatchObject({ ok: false, error: 'microBreak.everyMinutes is set by your organisation and cannot be changed' });
    expect(t.c.current.sound).toBe(true);
    expect(t.saved).toEqual([]);
    // The window sends whole groups: a locked member at its value in force is no change.
    expect(t.c.update({ microBreak: { ...t.c.current.microBreak, durationSeconds: 90 } })).toMatchObject({ ok: true, policy: { locked: ['microBreak.everyMinutes'] } });
  });

  it('a locked shortcut is refused by the recorder too', () => {
    const t = setup({ policy: policySource({ shortcut: 'Ctrl+Alt+P' }).port });
    expect(t.c.tryShortcut('Ctrl+Alt+K')).toMatchObject({ ok: false, error: 'shortcut is set by your organisation and cannot be changed' });
  });

  it('settings the user did not change follow the recommendation; those they changed are recorded as theirs', () => {
    const t = setup({ policy: policySource({}, { snoozeMinutes: 10, headsUpSeconds: 120 }).port });
    expect(t.c.current.snoozeMinutes).toBe(10);
    t.c.update({ snoozeMinutes: 3 });
    expect(t.savedChanged.at(-1)).toEqual(['snoozeMinutes']);
    expect(t.c.policyState.origin).toMatchObject({ snoozeMinutes: 'user', headsUpSeconds: 'recommended' });
    t.c.reset();
    expect(t.c.current.snoozeMinutes).toBe(10);
    expect(t.savedChanged.at(-1)).toEqual([]);
  });

  it('a changed policy applies without a restart, and the open window shows the new lock', () => {
    const src = policySource({});
    const t = setup({ policy: src.port });
    t.c.start();
    t.c.openWindow();
    src.change({ headsUpSeconds: 0 });
    expect(t.c.current.headsUpSeconds).toBe(0);
    expect(t.changed.at(-1)?.headsUpSeconds).toBe(0);
    expect(t.sent.at(-1)).toMatchObject({ type: 'settings', settings: { headsUpSeconds: 0 }, policy: { locked: ['headsUpSeconds'] } });
    t.c.stop();
  });

  it('keeps the user’s own value under a lock, so it comes back when the lock goes', () => {
    const src = policySource({ sound: false });
    const t = setup({ policy: src.port, load: { settings: { ...defaultSettings(), sound: true, snoozeMinutes: 7 }, changed: ['sound', 'snoozeMinutes'] } });
    t.c.start();
    expect(t.c.current.sound).toBe(false);
    t.c.update({ snoozeMinutes: 8 });
    expect(t.saved.at(-1)?.sound).toBe(true);
    src.change({});
    expect(t.c.current.sound).toBe(true);
    t.c.stop();
  });
});
