// The settings in force: loaded once, changed from the settings window or by editing the file, saved, and followed by
// the global shortcut and start-at-login. The app hears of each change to move the scheduler and tray along.
import type { Cancel } from '../core/clock.ts';
import {
  changedLeaves,
  differingFromDefaults,
  emptyPolicy,
  lockedChanges,
  lockedKeys,
  ownLeaves,
  resolveSettings,
  unlockedSettings,
  type Leaves,
  type Policy,
  type Resolved,
} from '../core/policy.ts';
import { applySettingsPatch, type SettingProblem, type Settings } from '../core/settings.ts';
import type { Failure, ReplyTo, SettingsPolicy } from '../ipc.ts';
import type { Ports, WindowHandle } from '../ports.ts';
import { noticeText, shortcutErrors } from './messages.ts';
import type { Notices } from './notices.ts';

export interface SettingsControllerDeps {
  ports: Pick<Ports, 'settings' | 'shortcuts' | 'autostart' | 'windows'> & Partial<Pick<Ports, 'policy' | 'log'>>;
  notices: Notices;
  /** What the global shortcut does. */
  onShortcut: () => void;
  /** New settings are in force (not called for the ones loaded at start). */
  onChanged: (settings: Settings) => void;
}

const problemsReply = (problems: SettingProblem[]): Failure => ({ ok: false, error: problems.map((p) => p.message).join('; '), problems });

/** Refused: a change to settings the organisation manages, naming each (and the rule, where a rule locks it). */
export function lockedReply(keys: readonly string[], rules?: Policy['rules']): Failure {
  const problems = keys.map((k) => ({
    path: k,
    message:
      k === 'sync.folder' && rules && !rules.allowSync
        ? 'Your organisation does not allow syncing across computers: sync.folder cannot be set'
        : `${k} is set by your organisation and cannot be changed`,
  }));
  return { ok: false, error: problems.map((p) => p.message).join('; '), problems };
}

export class SettingsController {
  /** The user's own values (what they changed); everything else follows the policy's recommendation or the default. */
  private own: Leaves;
  private policy: Policy;
  private resolved: Resolved;
  private shortcutActive: string | null = null;
  private window: WindowHandle | null = null;
  private stopWatching: Cancel | undefined;
  private stopPolicy: Cancel | undefined;

  constructor(private readonly deps: SettingsControllerDeps) {
    const loaded = deps.ports.settings.load();
    this.own = ownLeaves(loaded.settings, loaded.changed ?? differingFromDefaults(loaded.settings));
    this.policy = deps.ports.policy?.read() ?? emptyPolicy();
    this.resolved = resolveSettings(this.own, this.policy);
    this.logPolicyProblems();
    if (loaded.message) deps.notices.add(loaded.message);
    else {
      for (const p of loaded.problems) deps.notices.add(p.message);
      if (loaded.movedAside) deps.notices.add(noticeText.settingsMovedAside(loaded.movedAside));
    }
  }

  get current(): Settings {
    return this.resolved.settings;
  }

  /** What the organisation set, for the windows: locked keys, where each value comes from, the rules. */
  get policyState(): SettingsPolicy {
    return { locked: lockedKeys(this.policy), origin: { ...this.resolved.origin }, rules: { ...this.policy.rules } };
  }

  get currentPolicy(): Policy {
    return this.policy;
  }

  /** Every problem of the policy in force: bad values (source and key) and values that did not fit. */
  get policyProblems(): string[] {
    return [...this.policy.problems, ...this.resolved.problems];
  }

  start(): void {
    this.registerShortcut(this.current.shortcut);
    this.deps.ports.autostart.set(this.current.startAtLogin);
    this.stopWatching = this.deps.ports.settings.onExternalChange?.((r) => this.onEdited(r.settings, r.problems, r.changed));
    this.stopPolicy = this.deps.ports.policy?.watch?.((p) => this.onPolicy(p));
  }

  stop(): void {
    this.stopWatching?.();
    this.stopPolicy?.();
    this.deps.ports.shortcuts.unregisterAll();
  }

  openWindow(): void {
    this.window = this.deps.ports.windows.open('settings', { focus: true, onClosed: () => (this.window = null) });
  }

  /** A change from the window, IPC or the command line: managed keys are refused, the rest become the user's own. */
  update(patch: unknown): ReplyTo<'settings:set'> {
    const r = applySettingsPatch(this.current, patch);
    if (!r.ok) return problemsReply(r.problems);
    const changes = patch as Record<string, unknown>;
    const locked = lockedChanges(changes, this.current, this.policy);
    if (locked.length) return lockedReply(locked, this.policy.rules);
    return this.commit({ ...this.own, ...changedLeaves(changes, this.current, this.own) });
  }

  /** The user's own values become `own`: resolved, the shortcut taken, saved, applied. */
  private commit(own: Leaves): ReplyTo<'settings:set'> {
    const next = resolveSettings(own, this.policy);
    const previous = this.current;
    if (next.settings.shortcut !== previous.shortcut && !this.registerShortcut(next.settings.shortcut)) {
      return { ok: false, error: shortcutErrors.taken(next.settings.shortcut, previous.shortcut) };
    }
    const saved = this.deps.ports.settings.save(unlockedSettings(own, this.policy), Object.keys(own));
    let notice: string | undefined;
    if (!saved.ok) {
      notice = noticeText.settingsNotSaved(saved.message);
      this.deps.notices.add(notice);
    }
    this.own = own;
    this.apply(next);
    return { ok: true, window: 'settings', settings: this.current, policy: this.policyState, ...(notice ? { notice } : {}) };
  }

  /**
   * Nothing of the user's own: defaults, or the organisation's recommendation. If the default shortcut is held
   * elsewhere, the working one stays rather than failing the reset.
   */
  reset(): ReplyTo<'settings:reset'> {
    const r = this.commit({});
    if (r.ok || resolveSettings({}, this.policy).settings.shortcut === this.current.shortcut) return r;
    return this.commit({ shortcut: this.current.shortcut });
  }

  /** The recorder's keys: registered first, saved only once they are ours; the previous shortcut stays otherwise. */
  tryShortcut(accelerator: string): ReplyTo<'shortcut:try'> {
    const checked = applySettingsPatch(this.current, { shortcut: accelerator });
    if (!checked.ok) return problemsReply(checked.problems);
    const locked = lockedChanges({ shortcut: accelerator }, this.current, this.policy);
    if (locked.length) return lockedReply(locked, this.policy.rules);
    const previous = this.current.shortcut;
    if (!this.registerShortcut(accelerator)) {
      this.deps.notices.markAllSeen();
      return { ok: false, error: shortcutErrors.inUse(accelerator, previous) };
    }
    return this.update({ shortcut: accelerator });
  }

  /** The settings file was edited by hand: valid values take effect, rejected ones are reported, the window follows. */
  private onEdited(settings: Settings, problems: readonly SettingProblem[], changed: readonly string[] | undefined): void {
    for (const p of problems) this.deps.notices.add(noticeText.editNotApplied(p.message));
    let own = ownLeaves(settings, changed ?? differingFromDefaults(settings));
    let next = resolveSettings(own, this.policy);
    if (next.settings.shortcut !== this.current.shortcut && !this.registerShortcut(next.settings.shortcut)) {
      own = { ...own, shortcut: this.current.shortcut };
      next = resolveSettings(own, this.policy);
    }
    this.own = own;
    this.apply(next);
    this.sendToWindow(problems.length ? problems.map((p) => p.message).join('; ') : undefined);
  }

  /** A policy source changed while running: applied at once, the window shows the new locks. */
  private onPolicy(policy: Policy): void {
    this.policy = policy;
    this.logPolicyProblems();
    let next = resolveSettings(this.own, policy);
    if (next.settings.shortcut !== this.current.shortcut && !this.registerShortcut(next.settings.shortcut)) {
      next = resolveSettings({ ...this.own, shortcut: this.current.shortcut }, policy);
    }
    this.apply(next);
    this.sendToWindow();
  }

  private sendToWindow(notice?: string): void {
    this.window?.send({ type: 'settings', settings: this.current, policy: this.policyState, ...(notice ? { notice } : {}) });
  }

  private logPolicyProblems(): void {
    for (const p of this.policyProblems) this.deps.ports.log?.('warn', `policy: ${p}`);
  }

  private apply(next: Resolved): void {
    const previous = this.current;
    this.resolved = next;
    const settings = next.settings;
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
