// Limber composed: the core wired to a set of ports. main.ts supplies Electron's ports, the harness supplies test ports;
// everything behavioural lives here or in core/, never in either of them.
import { isInstanceCommand, parseArgs, toSchedulerAction } from './cli/parse.ts';
import type { Cancel } from './core/clock.ts';
import type { HistoryRecord } from './core/history.ts';
import { buildRoutine } from './core/routine.ts';
import { Scheduler, type BreakKind, type SchedulerAction, type SchedulerEvent } from './core/scheduler.ts';
import { applySettingsPatch, defaultSettings, type SettingProblem, type Settings } from './core/settings.ts';
import { computeStats, localDateKeyer, toCsv, toJson, weekStartOf, type Stats } from './core/stats.ts';
import { MENU, nextTooltipChange, trayView } from './core/tray-model.ts';
import { parseRequest, type BreakView, type HistoryExport, type Reply, type RoutineView, type WindowKind } from './ipc.ts';
import type { Ports, WindowHandle } from './ports.ts';

export interface Sender {
  window: WindowKind;
  /** URL of the frame that sent the message. */
  url: string;
}

export interface AppOptions {
  /** Only frames whose URL starts with this may send requests. */
  trustedUrlPrefix: string;
  timeZone?: string;
  /** Called when the user asks to quit from the tray. */
  onQuit?: () => void;
  /** Open the data folder in the file manager. */
  openDataFolder?: () => void;
  /** The About panel (the platform's own, where it has one). */
  onAbout?: () => void;
  /** First run: show the welcome window once. */
  welcome?: { due: boolean; markShown: () => void };
}

const RECENT_ROUTINES = 8;

export class LimberApp {
  private settings: Settings = defaultSettings();
  private readonly scheduler: Scheduler;
  private breakWindow: WindowHandle | null = null;
  private breakView: BreakView = { screen: 'idle' };
  private recent: string[][] = [];
  private routine: RoutineView | null = null;
  private trayTimer: Cancel | undefined;
  private stopped = false;
  private shortcutActive: string | null = null;
  private settingsWindow: WindowHandle | null = null;
  private stopWatchingSettings: Cancel | undefined;
  /** What the player reported doing, recorded when the break ends. */
  private finishedExercises: string[] = [];
  /** Messages for the user that are shown once (settings problems, a missing notification daemon). */
  readonly notices: string[] = [];

  constructor(
    private readonly ports: Ports,
    private readonly opts: AppOptions,
  ) {
    const loaded = ports.settings.load();
    this.settings = loaded.settings;
    if (loaded.message) this.notice(loaded.message);
    else {
      for (const p of loaded.problems) this.notice(p.message);
      if (loaded.movedAside) this.notice(`Your settings file could not be read; it was kept as ${loaded.movedAside} and defaults are in use.`);
    }
    this.recent = ports.history
      .readAll()
      .filter((r) => r.exercises.length > 0)
      .slice(-RECENT_ROUTINES)
      .map((r) => r.exercises);
    this.scheduler = new Scheduler({ clock: ports.clock, activity: ports.activity, settings: this.settings });
    this.scheduler.onEvent((e) => this.onSchedulerEvent(e));
  }

  start(): void {
    this.ports.tray.onMenu((id) => this.onMenu(id));
    this.ports.tray.onClick(() => this.startBreak());
    this.ports.activity.onPower((e) => this.scheduler.power(e));
    this.registerShortcut(this.settings.shortcut);
    this.ports.autostart.set(this.settings.startAtLogin);
    this.stopWatchingSettings = this.ports.settings.onExternalChange?.((r) => this.onSettingsEdited(r.settings, r.problems));
    this.scheduler.start();
    this.refreshTray();
    // A damaged settings file is news the user should get once, even with no window open.
    if (this.notices.length) this.ports.notifier.notify({ title: 'Limber', body: this.notices.join(' '), actions: [] }, () => {});
    if (this.opts.welcome?.due) {
      this.ports.windows.open('welcome', { focus: true, onClosed: () => {} });
      this.opts.welcome.markShown();
    }
  }

  stop(): void {
    this.stopped = true;
    this.scheduler.stop();
    this.trayTimer?.();
    this.stopWatchingSettings?.();
    this.ports.shortcuts.unregisterAll();
    this.breakWindow?.close();
  }

  currentSettings(): Settings {
    return this.settings;
  }

  status() {
    return this.scheduler.status();
  }

  /** Actions from the tray, the notification, the shortcut and the command line all arrive here. */
  act(action: SchedulerAction): void {
    this.scheduler.dispatch(action);
    this.refreshTray();
  }

  startBreak(kind?: BreakKind): void {
    if (this.scheduler.status().phase === 'on-break') {
      this.showBreakWindow(true);
      return;
    }
    this.act(kind ? { do: 'start-break', kind } : { do: 'start-break' });
  }

  /** A command forwarded from a second launch (`limber pause 30`); returns what that launch should print. */
  handleCommandLine(argv: readonly string[]): { exitCode: number; output: string } {
    const parsed = parseArgs(argv, { lenient: true });
    if (parsed.kind === 'help') return { exitCode: 0, output: parsed.text };
    if (parsed.kind === 'error') return { exitCode: 2, output: `${parsed.message}\n${parsed.usage}` };
    const cmd = parsed.command;
    if (!isInstanceCommand(cmd)) return { exitCode: 2, output: `${cmd.name} works on the data folder: run it without the app` };
    if (cmd.name === 'status') {
      const status = this.scheduler.status();
      return { exitCode: 0, output: cmd.json ? JSON.stringify(status) : trayView(status, this.ports.clock.now(), this.opts.timeZone).tooltip };
    }
    if (cmd.name === 'break') this.startBreak(cmd.kind ?? undefined);
    else {
      const action = toSchedulerAction(cmd);
      if (action) {
        if (action.do === 'snooze' || action.do === 'skip') this.closeBreakWindow();
        this.act(action);
      }
    }
    return { exitCode: 0, output: trayView(this.scheduler.status(), this.ports.clock.now(), this.opts.timeZone).tooltip };
  }

  /** Every renderer message comes through here: validated, sender-checked, then acted on. */
  async handleRequest(sender: Sender, raw: unknown): Promise<Reply> {
    if (!sender.url.startsWith(this.opts.trustedUrlPrefix)) {
      this.ports.log('warn', `refused a message from an untrusted frame: ${sender.url}`);
      return { ok: false, error: 'untrusted sender' };
    }
    const parsed = parseRequest(raw);
    if (!parsed.ok) {
      this.ports.log('warn', `refused a message from the ${sender.window} window: ${parsed.error}`);
      return { ok: false, error: parsed.error };
    }
    const req = parsed.request;
    const base = { ok: true as const, window: sender.window };
    const onBreak = this.scheduler.status().phase === 'on-break';
    switch (req.type) {
      case 'hello':
        return { ...base, break: this.breakView, settings: this.settings };
      case 'break:start':
        if (!onBreak) this.act({ do: 'start-break', kind: this.routine?.kind ?? 'micro' });
        return { ...base, break: this.breakView };
      case 'break:snooze':
        this.act({ do: 'snooze' });
        this.closeBreakWindow();
        return { ...base, break: this.breakView };
      case 'break:skip':
        this.act({ do: 'skip' });
        this.closeBreakWindow();
        return { ...base, break: this.breakView };
      case 'break:finish':
        if (!onBreak) return { ok: false, error: 'no break is running' };
        this.finishedExercises = req.exercises;
        this.act({ do: 'finish' });
        this.closeBreakWindow();
        return { ...base, break: this.breakView };
      case 'break:progress':
        if (!onBreak) return { ok: false, error: 'no break is running' };
        this.finishedExercises = req.exercises;
        return base;
      case 'settings:get': {
        const notice = this.unseenNotices();
        return { ...base, settings: this.settings, ...(notice ? { notice } : {}) };
      }
      case 'settings:set':
        return this.updateSettings(req.patch);
      case 'settings:reset':
        return this.resetSettings();
      case 'shortcut:try':
        return this.tryShortcut(req.accelerator);
      case 'stats:get':
        return { ...base, stats: this.statsFor(req.days) };
      case 'notification:test': {
        let failed: string | null = null;
        // notify-send reports a failure synchronously enough for the reply; a later one still becomes a notice.
        this.ports.notifier.notify({ title: 'Limber', body: 'This is how Limber tells you a break is coming.', actions: [] }, (a) => {
          if (a.kind !== 'failed') return;
          failed = a.reason;
          this.notice(`Desktop notifications are not available (${a.reason}); the tray shows when a break is due.`);
        });
        return failed ? { ok: false, error: failed } : base;
      }
      case 'data:open-folder':
        this.opts.openDataFolder?.();
        return base;
      case 'history:export':
        return { ...base, exported: this.exportHistory(req.format) };
    }
  }

  /** Notices the settings window has not shown yet: each is shown there once. */
  private unseenNotices(): string | undefined {
    const fresh = this.notices.filter((n) => !this.noticesShown.has(n));
    for (const n of fresh) this.noticesShown.add(n);
    return fresh.length ? fresh.join(' ') : undefined;
  }

  private readonly noticesShown = new Set<string>();

  /** Defaults for everything; if the default shortcut is held elsewhere, the working one stays rather than failing the reset. */
  private resetSettings(): Reply {
    const defaults = defaultSettings();
    const r = this.updateSettings(defaults);
    if (r.ok || defaults.shortcut === this.settings.shortcut) return r;
    return this.updateSettings({ ...defaults, shortcut: this.settings.shortcut });
  }

  /** The recorder's keys: registered first, saved only once they are ours; the previous shortcut stays otherwise. */
  private tryShortcut(accelerator: string): Reply {
    const checked = applySettingsPatch(this.settings, { shortcut: accelerator });
    if (!checked.ok) return { ok: false, error: checked.problems.map((p) => p.message).join('; '), problems: checked.problems };
    const previous = this.settings.shortcut;
    if (!this.registerShortcut(accelerator)) {
      // The window says so in its own words; no need to repeat it as a notice later.
      for (const n of this.notices) this.noticesShown.add(n);
      return { ok: false, error: `${accelerator} is in use by another application; ${previous} stays active` };
    }
    return this.updateSettings({ shortcut: accelerator });
  }

  /** Statistics over whole weeks ending this week, so the chart's first week is never cut short. */
  private statsFor(days: number): Stats {
    const now = this.ports.clock.now();
    const timeZone = this.opts.timeZone ?? new Intl.DateTimeFormat().resolvedOptions().timeZone;
    const today = localDateKeyer(timeZone)(now);
    const sinceMonday = Math.round((Date.parse(today) - Date.parse(weekStartOf(today))) / 86_400_000);
    const span = (Math.ceil(days / 7) - 1) * 7 + sinceMonday + 1;
    return computeStats(this.ports.history.readAll(), { now, days: span, timeZone });
  }

  private exportHistory(format: 'csv' | 'json'): HistoryExport {
    const records = this.ports.history.readAll();
    const timeZone = this.opts.timeZone ?? new Intl.DateTimeFormat().resolvedOptions().timeZone;
    const date = localDateKeyer(timeZone)(this.ports.clock.now());
    return {
      format,
      fileName: `limber-history-${date}.${format}`,
      text: format === 'csv' ? toCsv(records) : toJson(records),
      records: records.length,
    };
  }

  private updateSettings(patch: unknown): Reply {
    const r = applySettingsPatch(this.settings, patch);
    if (!r.ok) return { ok: false, error: r.problems.map((p) => p.message).join('; '), problems: r.problems };
    const previous = this.settings;
    if (r.settings.shortcut !== previous.shortcut && !this.registerShortcut(r.settings.shortcut)) {
      return { ok: false, error: `shortcut ${r.settings.shortcut} is taken by another application; ${previous.shortcut} stays active` };
    }
    const saved = this.ports.settings.save(r.settings);
    let notice: string | undefined;
    if (!saved.ok) {
      notice = `Settings are in use but could not be saved: ${saved.message}`;
      this.notice(notice);
    }
    this.settings = r.settings;
    if (previous.startAtLogin !== r.settings.startAtLogin) this.ports.autostart.set(r.settings.startAtLogin);
    this.scheduler.setSettings(r.settings);
    this.refreshTray();
    return { ok: true, window: 'settings', settings: this.settings, ...(notice ? { notice } : {}) };
  }

  /** The settings file was edited by hand: valid values take effect, rejected ones are reported, the window follows. */
  private onSettingsEdited(settings: Settings, problems: readonly SettingProblem[]): void {
    for (const p of problems) this.notice(`${p.message} — the edit was not applied`);
    const previous = this.settings;
    if (settings.shortcut !== previous.shortcut && !this.registerShortcut(settings.shortcut)) settings = { ...settings, shortcut: previous.shortcut };
    this.settings = settings;
    if (previous.startAtLogin !== settings.startAtLogin) this.ports.autostart.set(settings.startAtLogin);
    this.scheduler.setSettings(settings);
    this.refreshTray();
    this.settingsWindow?.send({ type: 'settings', settings, ...(problems.length ? { notice: problems.map((p) => p.message).join('; ') } : {}) });
  }

  private registerShortcut(accelerator: string): boolean {
    if (accelerator === this.shortcutActive) return true;
    const previous = this.shortcutActive;
    this.ports.shortcuts.unregisterAll();
    if (this.ports.shortcuts.register(accelerator, () => this.startBreak())) {
      this.shortcutActive = accelerator;
      return true;
    }
    this.notice(`The shortcut ${accelerator} is held by another application.`);
    if (previous) this.ports.shortcuts.register(previous, () => this.startBreak());
    this.shortcutActive = previous;
    return false;
  }

  private onMenu(id: string): void {
    const pause = /^pause:(\d+|tomorrow|forever)$/.exec(id);
    if (pause) {
      const arg = pause[1];
      if (arg === 'tomorrow') this.act({ do: 'pause', until: 'tomorrow' });
      else if (arg === 'forever') this.act({ do: 'pause' });
      else this.act({ do: 'pause', minutes: Number(arg) });
      return;
    }
    switch (id) {
      case MENU.startMicro:
        return this.startBreak('micro');
      case MENU.startLong:
        return this.startBreak('long');
      case MENU.snooze:
        this.closeBreakWindow();
        return this.act({ do: 'snooze' });
      case MENU.skip:
        this.closeBreakWindow();
        return this.act({ do: 'skip' });
      case MENU.resume:
        return this.act({ do: 'resume' });
      case MENU.settings:
        this.settingsWindow = this.ports.windows.open('settings', { focus: true, onClosed: () => (this.settingsWindow = null) });
        return;
      case MENU.stats:
        this.ports.windows.open('stats', { focus: true, onClosed: () => {} });
        return;
      case MENU.about:
        this.opts.onAbout?.();
        return;
      case MENU.quit:
        this.stop();
        this.opts.onQuit?.();
        return;
      default:
        this.ports.log('info', `menu item without an action: ${id}`);
    }
  }

  private onSchedulerEvent(e: SchedulerEvent): void {
    switch (e.type) {
      case 'heads-up':
        this.headsUp(e.kind, e.breakAt);
        break;
      case 'break-prompt':
        this.routine = this.makeRoutine(e.kind);
        this.setBreakView({ screen: 'prompt', routine: this.routine, sound: this.settings.sound });
        this.showBreakWindow(false);
        break;
      case 'break-start':
        if (!this.routine || this.routine.kind !== e.kind) this.routine = this.makeRoutine(e.kind);
        this.setBreakView({ screen: 'player', routine: this.routine, sound: this.settings.sound });
        this.showBreakWindow(e.manual);
        break;
      case 'break-end':
        this.record({
          at: new Date(e.at).toISOString(),
          kind: e.kind,
          outcome: e.outcome,
          seconds: e.seconds,
          exercises: e.outcome === 'completed' ? this.finishedExercises : [],
        });
        this.finishedExercises = [];
        this.routine = null;
        this.setBreakView({ screen: 'idle' });
        break;
      case 'natural-break':
        this.record({ at: new Date(e.at).toISOString(), kind: e.kind, outcome: 'natural', seconds: e.seconds, exercises: [] });
        break;
      default:
        break;
    }
    this.refreshTray();
  }

  private record(r: HistoryRecord): void {
    try {
      this.ports.history.append(r);
    } catch (err) {
      this.notice(`A break could not be written to the history: ${(err as Error).message}`);
    }
    if (r.exercises.length) this.recent = [...this.recent, r.exercises].slice(-RECENT_ROUTINES);
  }

  private makeRoutine(kind: BreakKind): RoutineView {
    return buildRoutine(kind, this.settings, this.recent);
  }

  private headsUp(kind: BreakKind, breakAt: number): void {
    const seconds = Math.max(1, Math.round((breakAt - this.ports.clock.now()) / 1000));
    const what = kind === 'long' ? 'A stretch session' : 'A movement break';
    this.ports.notifier.notify(
      { title: 'Limber', body: `${what} starts in ${seconds < 90 ? `${seconds} seconds` : `${Math.round(seconds / 60)} minutes`}.`, actions: ['Start now', 'Snooze', 'Skip'] },
      (answer) => {
        if (answer.kind === 'clicked' || (answer.kind === 'action' && answer.index === 0)) this.startBreak(kind);
        else if (answer.kind === 'action' && answer.index === 1) this.act({ do: 'snooze' });
        else if (answer.kind === 'action' && answer.index === 2) this.act({ do: 'skip' });
        else if (answer.kind === 'failed') this.notice(`Desktop notifications are not available (${answer.reason}); the tray shows when a break is due.`);
      },
    );
  }

  private setBreakView(view: BreakView): void {
    this.breakView = view;
    this.breakWindow?.send({ type: 'break', view });
  }

  private showBreakWindow(focus: boolean): void {
    if (this.breakWindow?.isOpen()) {
      this.breakWindow.send({ type: 'break', view: this.breakView });
      return;
    }
    this.breakWindow = this.ports.windows.open('break', { focus, onClosed: () => this.onBreakWindowClosed() });
  }

  private closeBreakWindow(): void {
    const w = this.breakWindow;
    this.breakWindow = null;
    w?.close();
  }

  /** Closing the window by hand ends the break: finished if it was running, skipped if it was only offered. */
  private onBreakWindowClosed(): void {
    if (this.breakWindow === null) return;
    this.breakWindow = null;
    const phase = this.scheduler.status().phase;
    if (phase === 'on-break') this.act({ do: 'finish' });
    else if (phase === 'prompt') this.act({ do: 'skip' });
  }

  private refreshTray(): void {
    if (this.stopped) return;
    const now = this.ports.clock.now();
    const status = this.scheduler.status();
    this.ports.tray.render(trayView(status, now, this.opts.timeZone));
    this.trayTimer?.();
    const at = nextTooltipChange(status, now);
    this.trayTimer = at === null ? undefined : this.ports.clock.setTimer(at, () => this.refreshTray());
  }

  private notice(message: string): void {
    if (this.notices.includes(message)) return;
    this.notices.push(message);
    this.ports.log('warn', message);
  }
}
