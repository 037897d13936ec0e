// One way for specs to act as the user and observe Limber, whichever backend runs it:
//   HarnessDriver   the real LimberApp under Node, test ports, Chromium pages (runs everywhere)
//   ElectronDriver  the built app in real Electron via _electron.launch, with main's LIMBER_E2E hooks
// Both run on a real data folder (settings.json, history.jsonl, the welcome marker, the control socket), so a spec
// reads files and runs the command line the same way against either.
import { _electron, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { HistoryRecord } from '../electron/core/history.ts';
import type { SchedulerStatus } from '../electron/core/scheduler.ts';
import { defaultSettings, type Settings } from '../electron/core/settings.ts';
import type { TrayView } from '../electron/core/tray-model.ts';
import { runCli } from '../electron/cli/run.ts';
import type { WindowKind } from '../electron/ipc.ts';
import { socketForwarder } from '../electron/node/control-socket.ts';
import { firstRun, WELCOME_MARKER } from '../electron/node/first-run.ts';
import { SettingsFile } from '../electron/node/settings-file.ts';
import type { E2EHooks } from '../electron/platform/e2e-hooks.ts';
import type { NotificationAnswer, NotificationRequest } from '../electron/ports.ts';
import { startHarness, type Harness } from './harness/harness.ts';
import { runProcess, type CliResult } from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '..');

export interface Driver {
  readonly backend: 'harness' | 'electron';
  /** The data folder the app runs on. */
  readonly dataDir: string;
  /** Click a tray menu item as the user would: only an item that exists and is enabled responds. */
  clickMenu(id: string): Promise<void>;
  pressShortcut(accelerator: string): Promise<void>;
  /** The keys registered as global shortcuts now. */
  registeredShortcuts(): Promise<string[]>;
  /** Another application takes these keys: registering them fails from now on. */
  holdKeysElsewhere(accelerator: string): Promise<void>;
  /** The page of this window, waiting for it to open. */
  page(kind: WindowKind): Promise<Page>;
  isOpen(kind: WindowKind): Promise<boolean>;
  breakPage(): Promise<Page>;
  isBreakOpen(): Promise<boolean>;
  /** Every window the app opened, in order, with whether it asked for focus. */
  windowsOpened(): Promise<{ kind: WindowKind; focus: boolean }[]>;
  /** Main's virtual clock. */
  now(): Promise<number>;
  /** Move main's virtual clock forward, firing what falls due on the way. */
  advance(ms: number): Promise<void>;
  /** The user stops using keyboard and mouse (from now), and comes back. */
  goIdle(): Promise<void>;
  comeBack(): Promise<void>;
  history(): Promise<HistoryRecord[]>;
  status(): Promise<SchedulerStatus>;
  tray(): Promise<TrayView>;
  settings(): Promise<Settings>;
  /** What the app has told the user once (a damaged file, a rejected hand edit). */
  notices(): Promise<string[]>;
  /** The notifications the app sent, in order (what reached the daemon: see dunstNotifications). */
  notifications(): Promise<NotificationRequest[]>;
  notificationsSent(): Promise<number>;
  /** The user answers the i-th notification (a click, a button). */
  answerNotification(index: number, answer: NotificationAnswer): Promise<void>;
  /** `limber ARGS --user-data-dir DATADIR`, the command line a user types while this instance runs. */
  cli(...args: string[]): Promise<CliResult>;
  logs(): Promise<{ level: string; message: string }[]>;
  close(): Promise<void>;
}

export interface DriverOptions {
  start?: string;
  /** The time zone main formats times in (the harness's option; Electron's TZ). Default: the machine's. */
  timeZone?: string;
  fakePageClock?: boolean;
  /** Harness only: whether notifications go to the daemon too. Electron always sends them (on Linux: node-notifier). */
  realNotifications?: boolean;
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
  /** Settings the app starts with, written to settings.json before it starts. */
  settings?: Partial<Settings>;
  /** An existing data folder to run on (left in place); default a fresh one, removed on close. */
  dataDir?: string;
  /** Default true: the welcome counts as shown, so it stays away. False: the folder decides, as on a first run. */
  markWelcomeShown?: boolean;
}

/** The data folder both backends start on, prepared the same way. */
function prepareDataDir(opts: DriverOptions): { dataDir: string; owned: boolean } {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'limber-e2e-'));
  if (opts.settings) new SettingsFile({ dataDir }).save({ ...defaultSettings(), ...opts.settings });
  if (opts.markWelcomeShown !== false) writeFileSync(join(dataDir, WELCOME_MARKER), `${new Date().toISOString()}\n`);
  return { dataDir, owned: !opts.dataDir };
}

export class HarnessDriver implements Driver {
  readonly backend = 'harness' as const;
  private constructor(
    readonly h: Harness,
    readonly dataDir: string,
    private readonly owned: boolean,
  ) {}

  /** `browser`: a Chromium to open the windows in (shared by a worker's tests); default one of its own. */
  static async start(opts: DriverOptions = {}, browser?: Browser): Promise<HarnessDriver> {
    const { dataDir, owned } = prepareDataDir(opts);
    const { settings: _written, dataDir: _dir, markWelcomeShown: _marked, ...rest } = opts;
    try {
      return new HarnessDriver(await startHarness({ ...rest, dataDir, welcome: firstRun(dataDir), ...(browser ? { browser } : {}) }), dataDir, owned);
    } catch (e) {
      if (owned) rmSync(dataDir, { recursive: true, force: true });
      throw e;
    }
  }
  async clickMenu(id: string) {
    this.h.tray.clickMenu(id);
  }
  async pressShortcut(acc: string) {
    this.h.shortcuts.press(acc);
  }
  async registeredShortcuts() {
    return [...this.h.shortcuts.registered.keys()];
  }
  async holdKeysElsewhere(acc: string) {
    this.h.shortcuts.heldElsewhere.add(acc);
  }
  page(kind: WindowKind) {
    return this.h.windows.page(kind);
  }
  async isOpen(kind: WindowKind) {
    return this.h.windows.isOpen(kind);
  }
  breakPage() {
    return this.page('break');
  }
  isBreakOpen() {
    return this.isOpen('break');
  }
  async windowsOpened() {
    return [...this.h.windows.opened];
  }
  async now() {
    return this.h.clock.now();
  }
  async advance(ms: number) {
    this.h.clock.advanceBy(ms);
  }
  async goIdle() {
    this.h.activity.goIdle();
  }
  async comeBack() {
    this.h.activity.comeBack();
  }
  async history() {
    return this.h.history.readAll();
  }
  async status() {
    return this.h.app.status();
  }
  async tray() {
    return this.h.tray.current;
  }
  async settings() {
    return this.h.app.currentSettings();
  }
  async notices() {
    return [...this.h.app.notices];
  }
  async notifications() {
    return this.h.notifier.sent.map((s) => s.req);
  }
  async notificationsSent() {
    return this.h.notifier.sent.length;
  }
  async answerNotification(index: number, answer: NotificationAnswer) {
    const n = this.h.notifier.sent[index];
    if (!n) throw new Error(`no notification ${index}`);
    n.answer(answer);
  }
  /** The command line's own code (runCli, as main runs it), in this process, over the instance's control socket. */
  async cli(...args: string[]) {
    const io = { stdout: '', stderr: '' };
    const code = await runCli([...args, '--user-data-dir', this.dataDir], {
      out: (t) => void (io.stdout += t),
      err: (t) => void (io.stderr += t),
      forwarder: socketForwarder,
      cwd: ROOT,
    });
    return { code, ...io };
  }
  async logs() {
    return this.h.logs;
  }
  private closing: Promise<void> | null = null;
  /** Closing twice (a spec, then the fixture) closes once. */
  close() {
    return (this.closing ??= this.h.close().then(() => {
      if (this.owned) rmSync(this.dataDir, { recursive: true, force: true });
    }));
  }
}

type Hooked = { __limberE2E?: E2EHooks };

export class ElectronDriver implements Driver {
  readonly backend = 'electron' as const;
  private constructor(
    private readonly app: ElectronApplication,
    private readonly executablePath: string,
    readonly dataDir: string,
    private readonly owned: boolean,
  ) {}

  static async start(executablePath: string, opts: DriverOptions = {}): Promise<ElectronDriver> {
    const { dataDir, owned } = prepareDataDir(opts);
    let app: ElectronApplication | null = null;
    try {
      app = await ElectronDriver.launch(executablePath, dataDir, opts);
      // Installed on the context before any window opens, so the renderer's timers are the fake ones from the start.
      if (opts.fakePageClock) await app.context().clock.install();
      // Main installs its hooks once the app has started (after `ready`); before that there is nothing to drive.
      for (let i = 0; !(await app.evaluate(() => Boolean((globalThis as unknown as Hooked).__limberE2E?.app))); i++) {
        if (i > 400) throw new Error('Limber did not start within 20 s (no LIMBER_E2E hooks)');
        await new Promise((r) => setTimeout(r, 50));
      }
      return new ElectronDriver(app, executablePath, dataDir, owned);
    } catch (e) {
      await app?.close().catch(() => {});
      if (owned) rmSync(dataDir, { recursive: true, force: true });
      throw e;
    }
  }
  private static launch(executablePath: string, dataDir: string, opts: DriverOptions): Promise<ElectronApplication> {
    return _electron.launch({
      executablePath,
      // _electron.launch has no reducedMotion option: Chromium's own switch sets the media query from the start.
      args: [ROOT, '--user-data-dir', dataDir, ...(opts.reducedMotion === 'reduce' ? ['--force-prefers-reduced-motion'] : [])],
      ...(opts.colorScheme ? { colorScheme: opts.colorScheme } : {}),
      env: {
        ...process.env,
        ...(opts.timeZone ? { TZ: opts.timeZone } : {}),
        LIMBER_E2E: '1',
        LIMBER_E2E_START: String(new Date(opts.start ?? '2026-11-23T09:00:00+01:00').getTime()),
      },
    });
  }
  private hooks<T, A>(fn: (h: E2EHooks, arg: A) => T, arg: A): Promise<Awaited<T>> {
    return this.app.evaluate((_electron, [src, a]) => {
      // The hook function travels as source text: evaluate() runs it in Electron's main process.
      const f = new Function(`return (${src})`)() as (h: E2EHooks, x: unknown) => T;
      return f((globalThis as unknown as Required<Hooked>).__limberE2E, a);
    }, [fn.toString(), arg] as const) as Promise<Awaited<T>>;
  }
  async clickMenu(id: string) {
    await this.hooks((h, x: string) => h.clickMenu(x), id);
  }
  async pressShortcut(acc: string) {
    await this.hooks((h, x: string) => h.pressShortcut(x), acc);
  }
  registeredShortcuts() {
    return this.hooks((h) => h.registeredShortcuts(), null);
  }
  async holdKeysElsewhere(acc: string) {
    await this.hooks((h, x: string) => void h.heldElsewhere.add(x), acc);
  }
  private find(kind: WindowKind): Page | undefined {
    return this.app.windows().find((p) => !p.isClosed() && p.url().endsWith(`/${kind}.html`));
  }
  /** Polled, like the harness's: a new window's URL is set a moment after its `window` event. */
  async page(kind: WindowKind, timeoutMs = 10_000) {
    const start = Date.now();
    while (Date.now() - start < timeoutMs) {
      const p = this.find(kind);
      if (p) return p;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`the ${kind} window did not open within ${timeoutMs} ms`);
  }
  async isOpen(kind: WindowKind) {
    return this.find(kind) !== undefined;
  }
  breakPage() {
    return this.page('break');
  }
  isBreakOpen() {
    return this.isOpen('break');
  }
  windowsOpened() {
    return this.hooks((h) => h.windowsOpened, null);
  }
  now() {
    return this.hooks((h) => h.clock.now(), null);
  }
  async advance(ms: number) {
    await this.hooks((h, x: number) => h.clock.advanceBy(x), ms);
  }
  async goIdle() {
    await this.hooks((h) => h.goIdle(), null);
  }
  async comeBack() {
    await this.hooks((h) => h.comeBack(), null);
  }
  history() {
    return this.hooks((h) => h.history(), null);
  }
  status() {
    return this.hooks((h) => h.app!.status(), null);
  }
  tray() {
    return this.hooks((h) => {
      const v = h.trayViews.at(-1);
      if (!v) throw new Error('the tray was never rendered');
      return v;
    }, null);
  }
  settings() {
    return this.hooks((h) => h.app!.currentSettings(), null);
  }
  notices() {
    return this.hooks((h) => [...h.app!.notices], null);
  }
  notifications() {
    return this.hooks((h) => h.notifications.map((n) => n.req), null);
  }
  notificationsSent() {
    return this.hooks((h) => h.notifications.length, null);
  }
  async answerNotification(index: number, answer: NotificationAnswer) {
    await this.hooks(
      (h, [i, a]: readonly [number, NotificationAnswer]) => {
        const n = h.notifications[i];
        if (!n) throw new Error(`no notification ${i}`);
        n.answer(a);
      },
      [index, answer] as const,
    );
  }
  /** A second launch of the binary with a command, as `limber ARGS` is in a packaged app. */
  cli(...args: string[]) {
    const { LIMBER_E2E: _e2e, LIMBER_E2E_START: _start, ...env } = process.env;
    return runProcess(this.executablePath, [ROOT, ...args, '--user-data-dir', this.dataDir], { cwd: ROOT, env });
  }
  logs() {
    return this.hooks((h) => h.logs, null);
  }
  private closing: Promise<void> | null = null;
  /** Closing twice (a spec, then the fixture) closes once. */
  close() {
    return (this.closing ??= this.app.close().then(() => {
      if (this.owned) rmSync(this.dataDir, { recursive: true, force: true });
    }));
  }
}
