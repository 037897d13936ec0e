// Limber composed: the core wired to a set of ports. main.ts supplies Electron's ports, the harness supplies test ports;
// everything behavioural lives here, in app/ or in core/, never in either of them.
import type { Cancel } from './core/clock.ts';
import { isInstanceCommand, type Command } from './core/commands.ts';
import { Scheduler, type BreakKind, type SchedulerAction, type SchedulerEvent } from './core/scheduler.ts';
import type { Settings } from './core/settings.ts';
import { currentTimeZone } from './core/work-hours.ts';
import { findMenuItem, nextTooltipChange, trayView, type TrayStatus, type TrayView } from './core/tray-model.ts';
import { SyncNode, type RoutedEvent } from './core/sync/node.ts';
import { isTrustedSender, parseRequest, type Reply, type ReplyTo, type Request, type WindowKind } from './ipc.ts';
import { parseArgs } from './node/command-line.ts';
import type { Ports } from './ports.ts';
import { BreakController } from './app/break-controller.ts';
import { commandAction, dispatch, type CommandResult, type CommandTarget } from './app/commands.ts';
import { allowedActions, policyView, refusal, type AllowedActions, type Refusal } from './core/policy.ts';
import { exportHistory, statsByDevice } from './app/data-requests.ts';
import { ComputersRequests } from './app/computers.ts';
import { NOTIFICATION_TITLE, headsUpActions, headsUpBody, holdNoticeBody, notAnInstanceCommand, noticeText, speak, testNotificationBody } from './app/messages.ts';
import { Notices } from './app/notices.ts';
import { SettingsController } from './app/settings-controller.ts';
import { LanguageController } from './app/language.ts';

export interface Sender {
  window: WindowKind;
  /** URL of the frame that sent the message. */
  url: string;
}

/** Which presence sources work on this desktop, and what to tell the user when idle time cannot be read. */
export interface PresenceReport {
  idle: string;
  lock: string[];
  problem: string | null;
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
  /** The OS's preferred languages, best first (the `language` setting `system` follows them); none → English. */
  preferredLanguages?: () => readonly string[];
}

/** Settings each computer keeps for itself (DESIGN §1); every other one is shared through the sync folder. */
const PER_COMPUTER = new Set(['shortcut', 'startAtLogin', 'language', 'sync']);

function sharedPart(s: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(s).filter(([k]) => !PER_COMPUTER.has(k)));
}

/** The heads-up notification's buttons, in the order the notifier numbers them. */
const HEADS_UP_ACTIONS = ['start', 'snooze', 'skip'] as const;
/** The heads-up's tag: one bubble, its countdown updated in place, taken back once the break is settled. */
const HEADS_UP_TAG = 'heads-up';
/** How often the heads-up's countdown is rewritten, where the desktop can rewrite it in place. */
const HEADS_UP_TICK_MS = 15_000;
/** Scheduler events after which the heads-up asks a question already answered (the break started, held, moved). */
const SETTLES_HEADS_UP: ReadonlySet<SchedulerEvent['type']> = new Set(['break-prompt', 'break-start', 'break-end', 'snoozed', 'natural-break', 'paused', 'break-held', 'withdrawn']);
const HEADS_UP_COMMANDS = {
  start: (kind: BreakKind): Command => ({ name: 'break', kind }),
  snooze: (): Command => ({ name: 'snooze' }),
  skip: (): Command => ({ name: 'skip' }),
} as const;

export class LimberApp {
  private readonly scheduler: Scheduler;
  /** With a sync folder: this computer among the user's others (core/sync); the scheduler is its. */
  private readonly node: SyncNode | null = null;
  private unwatch: Cancel | undefined;
  private readonly noticeBoard: Notices;
  private readonly settings: SettingsController;
  private readonly breaks: BreakController;
  private readonly computers: ComputersRequests;
  private readonly language: LanguageController;
  private trayTimer: Cancel | undefined;
  private trayShown: TrayView | null = null;
  /** The heads-up's countdown timer while it is on screen; undefined when none is shown. */
  private headsUpShown: { tick: Cancel | undefined } | undefined;
  private stopped = false;
  /** What the desktop lets Limber see of the user's presence (null until reported). */
  private presence: PresenceReport | null = null;
  /** Messages for the user that are shown once (settings problems, a missing notification daemon). */
  readonly notices: string[];

  constructor(
    private readonly ports: Ports,
    private readonly opts: AppOptions,
  ) {
    this.noticeBoard = new Notices((m) => ports.log('warn', m));
    this.language = new LanguageController(opts.preferredLanguages ?? (() => []));
    this.notices = this.noticeBoard.list;
    this.settings = new SettingsController({
      ports,
      notices: this.noticeBoard,
      onShortcut: () => this.run({ name: 'break', kind: null }),
      onChanged: (s) => {
        if (this.node) this.node.setSettings(s);
        else this.scheduler.setSettings(s);
        this.shareSettings(s);
        this.refreshTray();
        void this.followLanguage();
      },
    });
    this.breaks = new BreakController({
      ports,
      notices: this.noticeBoard,
      settings: () => this.settings.current,
      phase: () => this.scheduler.status().phase,
      act: (a) => this.act(a),
      tell: (m) => this.tell(m),
      canSkip: () => this.allowed().skip,
    });
    this.computers = new ComputersRequests({
      ...(ports.computers ? { computers: ports.computers } : {}),
      windows: ports.windows,
      inUse: ports.sync?.describe().folder ?? null,
      folder: () => this.settings.current.sync.folder ?? null,
      saveFolder: (folder) => this.settings.update({ sync: { ...this.settings.current.sync, folder } }),
      renamed: (name) => this.node?.setName(name),
    });
    const holds = ports.holds;
    const sync = ports.sync;
    if (sync) {
      // Several computers: the scheduler sees the user's presence and the others' decisions (DESIGN §1).
      this.node = new SyncNode({
        id: sync.deviceId,
        name: sync.deviceName,
        clock: ports.clock,
        own: ports.activity,
        settings: this.settings.current,
        ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
        ...(holds ? { requestOwnHoldCheck: () => holds.check() } : {}),
        publish: (st) => sync.write(st),
        previous: sync.previous(),
      });
      this.scheduler = this.node.scheduler;
      this.node.onEvent((r) => this.onRouted(r));
    } else {
      this.scheduler = new Scheduler({
        clock: ports.clock,
        activity: ports.activity,
        settings: this.settings.current,
        ...(holds ? { requestHoldCheck: () => holds.check() } : {}),
      });
      this.scheduler.onEvent((e) => this.onSchedulerEvent(e));
    }
  }

  /** With several computers: what happens here is handled as on one computer; a break taken elsewhere takes back what is shown here. */
  private onRouted(r: RoutedEvent): void {
    if (r.here) return this.onSchedulerEvent(r.event);
    if (r.event.type === 'break-start') {
      // The same path as a hold taking a notice back: the prompt window closes, a heads-up is withdrawn.
      this.onSchedulerEvent({ type: 'withdrawn', at: r.event.at, kind: r.event.kind, what: 'heads-up' });
      this.onSchedulerEvent({ type: 'withdrawn', at: r.event.at, kind: r.event.kind, what: 'prompt' });
    }
    this.refreshTray();
  }

  /** When the shared settings last changed (here, or the newer change taken from another computer). */
  private settingsChangedAt = 0;
  private applyingShared = false;

  /** A change made here reaches the other computers (all but the per-computer settings). */
  private shareSettings(s: Settings): void {
    if (!this.ports.sync || this.applyingShared) return;
    this.settingsChangedAt = this.ports.clock.now();
    this.ports.sync.writeSettings({ changedAt: this.settingsChangedAt, settings: sharedPart(s) });
  }

  /** Another computer's settings: the newest change wins; values are checked by the same schema (a bad one is dropped). */
  private takeSharedSettings(shared: { changedAt: number; settings: Record<string, unknown> }): void {
    if (shared.changedAt <= this.settingsChangedAt) return;
    this.settingsChangedAt = shared.changedAt;
    this.applyingShared = true;
    try {
      const patch = sharedPart(shared.settings);
      const r = this.settings.update(patch);
      if (!r.ok) this.ports.log('warn', `settings from another computer were not taken: ${'error' in r ? String(r.error) : 'invalid'}`);
    } finally {
      this.applyingShared = false;
    }
  }

  /** The computers sharing the sync folder (this one first), for `devices` and `status --json`; null without a folder. */
  devices(): ReturnType<SyncNode['devices']> | null {
    return this.node ? this.node.devices() : null;
  }

  start(): void {
    // The notification words are process-wide; a new app speaks its own language, not the last app's.
    speak(this.language.t);
    this.ports.tray.onMenu((id) => this.onMenu(id));
    this.ports.tray.onClick(() => this.run({ name: 'break', kind: null }));
    const node = this.node;
    this.ports.activity.onPower((e) => (node ? node.ownPower(e) : this.scheduler.power(e)));
    this.ports.holds?.start((active) => {
      if (this.stopped) return;
      if (node) node.ownHolds(active);
      else this.scheduler.setHolds(active);
      this.refreshTray();
    });
    this.settings.start();
    const sync = this.ports.sync;
    if (node && sync) {
      node.start();
      const peers = sync.peers();
      for (const p of peers) node.peer(p);
      // A restart continues the cycle: a running computer's, or this one's own if it stopped within awayAfter.
      const now = this.ports.clock.now();
      const running = peers.filter((p) => p.power !== 'off' && p.cycle).sort((a, b) => b.at - a.at)[0];
      const own = sync.previous();
      if (running?.cycle) node.continueCycle(running.cycle, 0);
      else if (own?.cycle) node.continueCycle(own.cycle, now - own.cycle.at);
      const newest = sync.newestSettings();
      if (newest) this.takeSharedSettings(newest);
      this.unwatch = sync.watch(
        (st) => {
          if (this.stopped) return;
          node.peer(st);
          this.refreshTray();
        },
        (shared) => {
          if (!this.stopped) this.takeSharedSettings(shared);
        },
      );
    } else this.scheduler.start();
    this.refreshTray();
    void this.followLanguage();
    // A damaged settings file is news the user should get once, even with no window open.
    if (this.notices.length) this.ports.notifier.notify({ title: NOTIFICATION_TITLE, body: this.notices.join(' '), actions: [] }, () => {});
    if (this.opts.welcome?.due) {
      this.ports.windows.open('welcome', { focus: true, onClosed: () => {} });
      this.opts.welcome.markShown();
    }
  }

  stop(): void {
    // A heads-up left behind would offer buttons nobody answers.
    this.withdrawHeadsUp();
    this.stopped = true;
    this.unwatch?.();
    if (this.node) this.node.stop();
    else this.scheduler.stop();
    this.ports.holds?.stop();
    this.trayTimer?.();
    this.settings.stop();
    this.breaks.stop();
    const unwritten = this.ports.history.close?.();
    if (unwritten) this.ports.log('error', unwritten);
  }

  /** The desktop's presence sources answered (or not): a problem is told once and shown by status. */
  reportPresence(report: PresenceReport): void {
    this.presence = report;
    if (report.problem) this.noticeBoard.add(report.problem);
  }

  currentSettings(): Settings {
    return this.settings.current;
  }

  status() {
    return this.scheduler.status();
  }

  /**
   * Every user action arrives here as a command: from the tray, the command line, the windows, a notification's
   * buttons and the shortcut (electron/app/commands.ts says what each does).
   */
  run(command: Command): CommandResult {
    return dispatch(command, this.commandTarget);
  }

  private readonly commandTarget: CommandTarget = {
    startBreak: (kind) => this.startBreak(kind ?? undefined),
    act: (action) => this.act(action),
    closeBreakWindow: () => this.breaks.close(),
    openWindow: (kind) => (kind === 'settings' ? this.settings.openWindow() : void this.ports.windows.open(kind, { focus: true, onClosed: () => {} })),
    openDataFolder: () => this.opts.openDataFolder?.(),
    about: () => this.opts.onAbout?.(),
    quit: () => {
      this.stop();
      this.opts.onQuit?.();
    },
    testNotification: () => {
      let failed: string | null = null;
      // notify-send reports a failure synchronously enough for the reply; a later one still becomes a notice.
      this.ports.notifier.notify({ title: NOTIFICATION_TITLE, body: testNotificationBody(), actions: [] }, (a) => {
        if (a.kind !== 'failed') return;
        failed = a.reason;
        this.noticeBoard.add(noticeText.notificationsUnavailable(a.reason));
      });
      return failed;
    },
    refusal: (command) => {
      const action = commandAction(command);
      return action ? (this.refused(action)?.message ?? null) : null;
    },
    statusText: (json) => {
      const status = this.scheduler.status();
      const devices = this.node ? { devices: this.node.devices() } : {};
      if (json) return JSON.stringify({ ...status, ...(this.presence ? { presence: this.presence } : {}), policy: this.policyInForce(), ...devices });
      const text = this.tooltip();
      return this.presence?.problem ? `${text}\n${this.presence.problem}` : text;
    },
  };

  /** The process is ending (quit, log-off): a break still running is recorded as its window's closing would record it. */
  endRunningBreak(): void {
    if (this.scheduler.status().phase === 'on-break') this.act({ do: 'finish' });
  }

  /** Scheduler actions: the commands' handlers and the break window's own closing (finish, skip). */
  private act(action: SchedulerAction): void {
    // Commands were refused with a message by the dispatcher; this catches the prompt window's closing (a skip).
    const no = this.refused(action);
    if (no) {
      this.ports.log('info', `refused ${action.do}: ${no.message}`);
      return;
    }
    if (this.node) this.node.act(action);
    else this.scheduler.dispatch(action);
    this.refreshTray();
  }

  /** What the organisation's policy refuses now (DESIGN §1), decided by electron/core/policy.ts. */
  private refused(action: SchedulerAction): Refusal | null {
    return refusal(action, this.settings.currentPolicy.rules, this.policyContext());
  }

  private allowed(): AllowedActions {
    return allowedActions(this.settings.currentPolicy.rules, this.policyContext());
  }

  private policyContext() {
    return { now: this.ports.clock.now(), settings: this.settings.current, timeZone: this.opts.timeZone ?? currentTimeZone() };
  }

  /** The policy in force for `status --json`: what is managed and recommended, the rules, where each came from. */
  policyInForce() {
    return { ...policyView(this.settings.currentPolicy), problems: this.settings.policyProblems };
  }

  private startBreak(kind?: BreakKind): void {
    if (this.scheduler.status().phase === 'on-break') {
      this.breaks.show(true);
      return;
    }
    this.act(kind ? { do: 'start-break', kind } : { do: 'start-break' });
  }

  /** A command forwarded from a second launch (`limber pause 30`); returns what that launch should print. */
  /**
   * Limber was launched again while running. A command is carried out; a plain launch (a double-click on the app)
   * shows the settings window, so the user sees Limber is there; a launch at login (`--hidden`) changes nothing.
   */
  secondLaunch(argv: readonly string[]): string {
    if (argv.includes('--hidden')) return 'Limber is running.';
    if (parseArgs(argv, { lenient: true }).kind !== 'error') return this.handleCommandLine(argv).output;
    this.settings.openWindow();
    return 'Limber is running; settings shown.';
  }

  handleCommandLine(argv: readonly string[]): { exitCode: number; output: string } {
    const parsed = parseArgs(argv, { lenient: true });
    if (parsed.kind === 'help') return { exitCode: 0, output: parsed.text };
    if (parsed.kind === 'error') return { exitCode: 2, output: `${parsed.message}\n${parsed.usage}` };
    const { userDataDir: _dir, ...command } = parsed.command;
    if (!isInstanceCommand(command)) return { exitCode: 2, output: notAnInstanceCommand(command.name) };
    const result = this.run(command);
    if (!result.ok) return { exitCode: 1, output: result.error };
    return { exitCode: 0, output: result.output !== undefined ? result.output : this.tooltip() };
  }

  /** Every renderer message comes through here: validated, sender-checked, then acted on. */
  handleRequest<R extends Request>(sender: Sender, raw: R): Promise<ReplyTo<R['type']>>;
  handleRequest(sender: Sender, raw: unknown): Promise<Reply>;
  async handleRequest(sender: Sender, raw: unknown): Promise<Reply> {
    if (!isTrustedSender(sender.url, this.opts.trustedUrlPrefix)) {
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
        return { ...base, break: this.breaks.view, settings: this.settings.current, policy: this.settings.policyState };
      case 'locale:get':
        return { ...base, locale: await this.languageReady() };
      case 'break:start':
        if (!onBreak) this.run({ name: 'break', kind: this.breaks.offeredKind ?? 'micro' });
        return { ...base, break: this.breaks.view };
      case 'break:snooze':
        this.run({ name: 'snooze' });
        return { ...base, break: this.breaks.view };
      case 'break:skip': {
        const r = this.run({ name: 'skip' });
        return r.ok ? { ...base, break: this.breaks.view } : r;
      }
      case 'break:finish':
        if (!onBreak) return { ok: false, error: 'no break is running' };
        this.breaks.progress(req.exercises, req.seconds, true);
        this.act({ do: 'finish' });
        this.breaks.close();
        return { ...base, break: this.breaks.view };
      case 'break:progress':
        if (!onBreak) return { ok: false, error: 'no break is running' };
        this.breaks.progress(req.exercises, req.seconds);
        return base;
      case 'settings:get': {
        const notice = this.noticeBoard.unseen();
        return { ...base, settings: this.settings.current, policy: this.settings.policyState, ...(notice ? { notice } : {}) };
      }
      case 'settings:set':
        return this.settings.update(req.patch);
      case 'settings:reset':
        return this.settings.reset();
      case 'shortcut:try':
        return this.settings.tryShortcut(req.accelerator);
      case 'stats:get': {
        const names = new Map<string, string>();
        const list = this.computers.view().list;
        if (list && 'rows' in list) for (const r of list.rows) names.set(r.id, r.name);
        return { ...base, ...statsByDevice(this.ports, this.opts.timeZone, req.days, req.device, names) };
      }
      case 'computers:get':
        return { ...base, computers: this.computers.view() };
      case 'computers:pick-folder':
        return { ...base, folder: await this.computers.pickFolder() };
      case 'computers:set-folder': {
        const r = this.computers.setFolder(req.folder);
        if (r.error) return { ok: false, error: r.error };
        return { ...base, computers: this.computers.view(), problem: r.problem };
      }
      case 'computers:rename': {
        const r = this.computers.rename(req.name);
        return r.ok ? { ...base, computers: this.computers.view() } : { ok: false, error: r.error };
      }
      case 'notification:test': {
        const result = this.run({ name: 'test-notification' });
        return result.ok ? base : result;
      }
      case 'data:open-folder':
        this.run({ name: 'data-folder' });
        return base;
      case 'history:export':
        return { ...base, exported: exportHistory(this.ports, this.opts.timeZone, req.format) };
    }
  }

  /** A notice that cannot wait for a window: shown once as a quiet desktop notification too. */
  private tell(message: string): void {
    if (this.noticeBoard.list.includes(message)) return;
    this.noticeBoard.add(message);
    this.ports.notifier.notify({ title: NOTIFICATION_TITLE, body: message, actions: [] }, () => {});
  }

  /** The platform reports a click by the item's id; the item shown names its command. */
  private onMenu(id: string): void {
    const command = findMenuItem(this.trayShown?.menu ?? [], id)?.command;
    if (command) this.run(command);
    else this.ports.log('info', `menu item without a command: ${id}`);
  }

  /** The tooltip in English: the command line's `status` prints it, and the command line stays English. */
  private tooltip(): string {
    return trayView(this.trayStatus(), this.ports.clock.now(), this.opts.timeZone).tooltip;
  }

  /**
   * Take the heads-up notification back, if one is on screen: its question is settled (the break started from the
   * tray or the shortcut, was held, or was taken on another computer). Safe to call at any time.
   */
  withdrawHeadsUp(): void {
    if (!this.headsUpShown) return;
    this.headsUpShown.tick?.();
    this.headsUpShown = undefined;
    this.ports.notifier.withdraw(HEADS_UP_TAG);
  }

  private onSchedulerEvent(e: SchedulerEvent): void {
    if (SETTLES_HEADS_UP.has(e.type)) this.withdrawHeadsUp();
    if (e.type === 'heads-up') this.headsUp(e.kind, e.breakAt);
    else if (e.type === 'withdrawn') {
      // A hold began: the prompt on screen goes (a notification already shown cannot be taken back everywhere).
      if (e.what === 'prompt') this.breaks.close();
    } else if (e.type === 'hold-notice') {
      const body = holdNoticeBody(e.kind, this.scheduler.status().held?.reason ?? null);
      this.ports.notifier.notify({ title: NOTIFICATION_TITLE, body, actions: [], aboutBreak: true, quiet: true }, () => {});
    } else this.breaks.onSchedulerEvent(e);
    this.refreshTray();
  }

  /** The heads-up, then its countdown rewritten in the same bubble until the break is due or settled. */
  private headsUp(kind: BreakKind, breakAt: number, update = false): void {
    this.headsUpShown?.tick?.();
    const now = this.ports.clock.now();
    const seconds = Math.max(1, Math.round((breakAt - now) / 1000));
    const words = headsUpActions();
    // A button the policy forbids is not offered (Skip where skipping is not allowed).
    const offered = HEADS_UP_ACTIONS.filter((a) => a !== 'skip' || this.allowed().skip);
    const actions = offered.map((a) => words[a]);
    const req = { title: NOTIFICATION_TITLE, body: headsUpBody(kind, seconds), actions, tag: HEADS_UP_TAG, aboutBreak: true, ...(update ? { update } : {}) };
    this.ports.notifier.notify(req, (answer) => {
      const chosen = answer.kind === 'clicked' ? 'start' : answer.kind === 'action' ? offered[answer.index] : undefined;
      if (chosen) this.run(HEADS_UP_COMMANDS[chosen](kind));
      else if (answer.kind === 'failed') this.noticeBoard.add(noticeText.notificationsUnavailable(answer.reason));
    });
    const next = now + HEADS_UP_TICK_MS;
    const shown: { tick: Cancel | undefined } = { tick: undefined };
    this.headsUpShown = shown;
    if (breakAt - next >= HEADS_UP_TICK_MS / 3) {
      shown.tick = this.ports.clock.setTimer(next, () => {
        if (this.headsUpShown === shown) this.headsUp(kind, breakAt, true);
      });
    }
  }

  private languageLoad: Promise<unknown> = Promise.resolve();

  /** The language code every window should show, once a change under way has loaded. */
  private async languageReady(): Promise<string> {
    await this.languageLoad;
    return this.language.code;
  }

  /** The `language` setting (or the OS's languages) decides; a change reaches the tray and every open window. */
  private followLanguage(): Promise<void> {
    const load = this.language.follow(this.settings.current.language).then((changed) => {
      if (!changed || this.stopped) return;
      speak(this.language.t);
      this.refreshTray();
      this.ports.windows.broadcast({ type: 'locale', locale: this.language.code });
    });
    this.languageLoad = load.catch(() => {});
    return load.catch((e: unknown) => this.ports.log('error', `could not load the language: ${String(e)}`));
  }

  /** The scheduler's status, and where a break running on another computer is. */
  private trayStatus(): TrayStatus {
    return { ...this.scheduler.status(), breakOn: this.node?.breakElsewhere() ?? null };
  }

  private refreshTray(): void {
    if (this.stopped) return;
    const now = this.ports.clock.now();
    const status = this.trayStatus();
    this.trayShown = trayView(status, now, this.opts.timeZone, this.language.t, this.allowed());
    this.ports.tray.render(this.trayShown);
    this.trayTimer?.();
    const at = nextTooltipChange(status, now);
    this.trayTimer = at === null ? undefined : this.ports.clock.setTimer(at, () => this.refreshTray());
  }
}
