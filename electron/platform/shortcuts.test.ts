import type { GlobalShortcut } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createElectronShortcuts, type GlobalShortcutLike } from './shortcuts.ts';

vi.mock('electron', () => ({}));

/** Electron's globalShortcut, with keys another application may hold. */
class FakeGlobalShortcut implements GlobalShortcutLike {
  held = new Set<string>();
  /** register() says yes but the keys never arrive: what some desktops do when another app grabbed them first. */
  silentlyRefused = new Set<string>();
  mine = new Map<string, () => void>();
  register: GlobalShortcut['register'] = (accelerator, callback) => {
    if (!/^[A-Za-z]+(\+[A-Za-z0-9]+)*$/.test(accelerator)) throw new TypeError(`conversion failure: ${accelerator}`);
    if (this.held.has(accelerator)) return false;
    if (!this.silentlyRefused.has(accelerator)) this.mine.set(accelerator, callback);
    return true;
  };
  isRegistered: GlobalShortcut['isRegistered'] = (accelerator) => this.mine.has(accelerator);
  unregisterAll: GlobalShortcut['unregisterAll'] = () => this.mine.clear();
}

describe('createElectronShortcuts', () => {
  it('registers free keys and calls back when pressed', () => {
    const gs = new FakeGlobalShortcut();
    const s = createElectronShortcuts(gs);
    const cb = vi.fn();
    expect(s.register('CommandOrControl+Alt+B', cb)).toBe(true);
    gs.mine.get('CommandOrControl+Alt+B')!();
    expect(cb).toHaveBeenCalledOnce();
  });

  it('keys held by another application: false', () => {
    const gs = new FakeGlobalShortcut();
    gs.held.add('CommandOrControl+Alt+B');
    expect(createElectronShortcuts(gs).register('CommandOrControl+Alt+B', () => {})).toBe(false);
  });

  it('register() says yes but the keys are not ours: false', () => {
    const gs = new FakeGlobalShortcut();
    gs.silentlyRefused.add('CommandOrControl+Alt+B');
    expect(createElectronShortcuts(gs).register('CommandOrControl+Alt+B', () => {})).toBe(false);
  });

  it('an accelerator Electron cannot parse throws there: false, nothing thrown', () => {
    const gs = new FakeGlobalShortcut();
    expect(() => createElectronShortcuts(gs).register('Ctrl+++', () => {})).not.toThrow();
    expect(createElectronShortcuts(gs).register('Ctrl+++', () => {})).toBe(false);
  });

  it('unregisterAll releases the keys (on quit)', () => {
    const gs = new FakeGlobalShortcut();
    const s = createElectronShortcuts(gs);
    s.register('CommandOrControl+Alt+B', () => {});
    s.unregisterAll();
    expect(gs.mine.size).toBe(0);
  });
});
