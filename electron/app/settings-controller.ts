// The settings in force: loaded once, changed from the settings window or by editing the file, saved, and followed by
// the global shortcut and start-at-login. The app hears of each change to move the scheduler and tray along.
import type { Cancel } from '../core/clock.ts';
import { applySettingsPatch, defaultSettings, type SettingProblem, type Settings } from '../core/settings.ts';
import type { Failure, ReplyTo } from '../ipc.ts';
import type { Ports, WindowHandle } from '../ports.ts';
import { noticeText, shortcutErrors } from './messages.ts';
import type { Notices } from './notices.ts';

export interface SettingsControllerDeps {
  ports: Pick<Ports, 'settings' | 'shortcuts' | 'autostart' | 'windows'>;
  notices: Notices;
  /** What the global shortcut does. */
  onShortcut: () => void;
  /** New settings are in force (not called for the ones loaded at start). */
  onChanged: (settings: Settings) => void;
}

const problemsReply = (problems: SettingProblem[]): Failure => ({ ok: false, error: problems.map((p) => p.message).join('; '), problems });

export class SettingsController {
  private settings: Settings;
  private shortcutActive: string | null = null;
  private window: WindowHandle | null = null;
  private stopWatching: Cancel | undefined;

  constructor(private readonly deps: SettingsControllerDeps) {
    const loaded = deps.ports.settings.load();
    this.settings = loaded.settings;
    if (loaded.message) deps.notices.add(loaded.message);
    else {
      for (const p of loaded.problems) deps.notices.add(p.message);
      if (loaded.movedAside) deps.notices.add(noticeText.settingsMovedAside(loaded.movedAside));
    }
  }

  get current(): Settings {
    return this.settings;
  }

  start(): void {
    this.registerShortcut(this.settings.shortcut);
    this.deps.ports.autostart.set(this.settings.startAtLogin);
    this.stopWatching = this.deps.ports.settings.onExternalChange?.((r) => this.onEdited(r.settings, r.problems));
  }

  stop(): void {
    this.stopWatching?.();
    this.deps.ports.shortcuts.unregisterAll();
  }

  openWindow(): void {
    this.window = this.deps.ports.windows.open('settings', { focus: true, onClosed: () => (this.window = null) });
  }

  update(patch: unknown): ReplyTo<'settings:set'> {
    const r = applySettingsPatch(this.settings, patch);
    if (!r.ok) return problemsReply(r.problems);
    const previous = this.settings;
    if (r.settings.shortcut !== previous.shortcut && !this.registerShortcut(r.settings.shortcut)) {
      return { ok: false, error: shortcutErrors.taken(r.settings.shortcut, previous.shortcut) };
    }
    const saved = this.deps.ports.settings.save(r.settings);
    let notice: string | undefined;
    if (!saved.ok) {
      notice = noticeText.settingsNotSaved(saved.message);
      this.deps.notices.add(notice);
    }
    this.apply(r.settings);
    return { ok: true, window: 'settings', settings: this.settings, ...(notice ? { notice } : {}) };
  }

  /** Defaults for everything; if the default shortcut is held elsewhere, the working one stays rather than failing the reset. */
  reset(): ReplyTo<'settings:reset'> {
    const defaults = defaultSettings();
    const r = this.update(defaults);
    if (r.ok || defaults.shortcut === this.settings.shortcut) return r;
    return this.update({ ...defaults, shortcut: this.settings.shortcut });
  }

  /** The recorder's keys: registered first, saved only once they are ours; the previous shortcut stays otherwise. */
  tryShortcut(accelerator: string): ReplyTo<'shortcut:try'> {
    const checked = applySettingsPatch(this.settings, { shortcut: accelerator });
    if (!checked.ok) return problemsReply(checked.problems);
    const previous = this.settings.shortcut;
    if (!this.registerShortcut(accelerator)) {
      this.deps.notices.markAllSeen();
      return { ok: false, error: shortcutErrors.inUse(accelerator, previous) };
    }
    return this.update({ shortcut: accelerator });
  }

  /** The settings file was edited by hand: valid values take effect, rejected ones are reported, the window follows. */
  private onEdited(settings: Settings, problems: readonly SettingProblem[]): void {
    for (const p of problems) this.deps.notices.add(noticeText.editNotApplied(p.message));
    if (settings.shortcut !== this.settings.shortcut && !this.registerShortcut(settings.shortcut)) settings = { ...settings, shortcut: this.settings.shortcut };
    this.apply(settings);
    this.window?.send({ type: 'settings', settings, ...(problems.length ? { notice: problems.map((p) => p.message).join('; ') } : {}) });
  }

  private apply(settings: Settings): void {
    const previous = this.settings;
    this.settings = settings;
    if (previous.startAtLogin !== settings.startAtLogin) this.deps.ports.autostart.set(settings.startAtLogin);
    this.deps.onChanged(settings);
  }

  /** Only one shortcut is ever ours: a new one replaces the old, and if it cannot be had the old one comes back. */
  private registerShortcut(accelerator: string): boolean {
    if (accelerator === this.shortcutActive) return true;
    const previous = this.shortcutActive;
    const { shortcuts } = this.deps.ports;
    shortcuts.unregisterAll();
    if (shortcuts.register(accelerator, () => this.deps.onShortcut())) {
      this.shortcutActive = accelerator;
      return true;
    }
    this.deps.notices.add(noticeText.shortcutHeld(accelerator));
    if (previous) shortcuts.register(previous, () => this.deps.onShortcut());
    this.shortcutActive = previous;
    return false;
  }
}
