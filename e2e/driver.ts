// One way for specs to act as the user and observe Limber, whichever backend runs it:
//   HarnessDriver   the real LimberApp under Node, test ports, Chromium pages (runs everywhere)
//   ElectronDriver  the built app in real Electron via _electron.launch, with main's LIMBER_E2E hooks
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { HistoryRecord } from '../electron/core/history.ts';
import type { SchedulerStatus } from '../electron/core/scheduler.ts';
import { defaultSettings, type Settings } from '../electron/core/settings.ts';
import { SettingsFile } from '../electron/node/settings-file.ts';
import type { TrayView } from '../electron/core/tray-model.ts';
import type { E2EHooks } from '../electron/platform/e2e-hooks.ts';
import { startHarness, type Harness, type HarnessOptions } from './harness/harness.ts';

export interface Driver {
  readonly backend: 'harness' | 'electron';
  clickMenu(id: string): Promise<void>;
  pressShortcut(accelerator: string): Promise<void>;
  /** The break window's page, waiting for it to open. */
  breakPage(): Promise<Page>;
  isBreakOpen(): Promise<boolean>;
  /** Move main's virtual clock forward, firing what falls due on the way. */
  advance(ms: number): Promise<void>;
  history(): Promise<HistoryRecord[]>;
  status(): Promise<SchedulerStatus>;
  tray(): Promise<TrayView>;
  settings(): Promise<Settings>;
  notificationsSent(): Promise<number>;
  logs(): Promise<{ level: string; message: string }[]>;
  close(): Promise<void>;
}

export interface DriverOptions {
  start?: string;
  fakePageClock?: boolean;
  realNotifications?: boolean;
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
  /** Settings the app starts with (written to settings.json before an Electron launch). */
  settings?: Partial<Settings>;
}

export class HarnessDriver implements Driver {
  readonly backend = 'harness' as const;
  private constructor(readonly h: Harness) {}

  static async start(opts: DriverOptions & HarnessOptions = {}): Promise<HarnessDriver> {
    return new HarnessDriver(await startHarness(opts));
  }
  async clickMenu(id: string) {
    this.h.tray.clickMenu(id);
  }
  async pressShortcut(acc: string) {
    this.h.shortcuts.press(acc);
  }
  breakPage() {
    return this.h.windows.page('break');
  }
  async isBreakOpen() {
    return this.h.windows.isOpen('break');
  }
  async advance(ms: number) {
    this.h.clock.advanceBy(ms);
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
  async notificationsSent() {
    return this.h.notifier.sent.length;
  }
  async logs() {
    return this.h.logs;
  }
  private closing: Promise<void> | null = null;
  /** Closing twice (a spec, then the fixture) closes once. */
  close() {
    return (this.closing ??= this.h.close());
  }
}

type Hooked = { __limberE2E: E2EHooks };

export class ElectronDriver implements Driver {
  readonly backend = 'electron' as const;
  private constructor(
    private readonly app: ElectronApplication,
    private readonly dataDir: string,
  ) {}

  static async start(executablePath: string, opts: DriverOptions = {}): Promise<ElectronDriver> {
    const dataDir = mkdtempSync(join(tmpdir(), 'limber-e2e-'));
    if (opts.settings) new SettingsFile({ dataDir }).save({ ...defaultSettings(), ...opts.settings });
    const app = await _electron.launch({
      executablePath,
      // _electron.launch has no reducedMotion option: Chromium's own switch sets the media query from the start.
      args: [resolve(import.meta.dirname, '..'), '--user-data-dir', dataDir, ...(opts.reducedMotion === 'reduce' ? ['--force-prefers-reduced-motion'] : [])],
      ...(opts.colorScheme ? { colorScheme: opts.colorScheme } : {}),
      env: { ...process.env, LIMBER_E2E: '1', LIMBER_E2E_START: String(new Date(opts.start ?? '2026-11-23T09:00:00+01:00').getTime()) },
    });
    // Installed on the context before any window opens, so the renderer's timers are the fake ones from the start.
    if (opts.fakePageClock) await app.context().clock.install();
    return new ElectronDriver(app, dataDir);
  }
  private hooks<T, A>(fn: (h: E2EHooks, arg: A) => T, arg: A): Promise<Awaited<T>> {
    return this.app.evaluate((_electron, [src, a]) => {
      // The hook function travels as source text: evaluate() runs it in Electron's main process.
      const f = new Function(`return (${src})`)() as (h: E2EHooks, x: unknown) => T;
      return f((globalThis as unknown as Hooked).__limberE2E, a);
    }, [fn.toString(), arg] as const) as Promise<Awaited<T>>;
  }
  async clickMenu(id: string) {
    await this.hooks((h, x: string) => h.clickMenu(x), id);
  }
  async pressShortcut(acc: string) {
    await this.hooks((h, x: string) => h.pressShortcut(x), acc);
  }
  async breakPage() {
    const find = () => this.app.windows().find((p) => p.url().endsWith('/break.html'));
    return find() ?? (await this.app.waitForEvent('window', { predicate: (p) => p.url().endsWith('/break.html') }));
  }
  async isBreakOpen() {
    return this.app.windows().some((p) => p.url().endsWith('/break.html') && !p.isClosed());
  }
  async advance(ms: number) {
    await this.hooks((h, x: number) => h.clock.advanceBy(x), ms);
  }
  history() {
    return this.hooks((h) => h.history(), null);
  }
  status() {
    return this.hooks((h) => h.app!.status(), null);
  }
  tray() {
    return this.hooks((h) => h.trayViews.at(-1)!, null);
  }
  settings() {
    return this.hooks((h) => h.app!.currentSettings(), null);
  }
  notificationsSent() {
    return this.hooks((h) => h.notificationsSent, null);
  }
  logs() {
    return this.hooks((h) => h.logs, null);
  }
  private closing: Promise<void> | null = null;
  /** Closing twice (a spec, then the fixture) closes once. */
  close() {
    return (this.closing ??= this.app.close().then(() => rmSync(this.dataDir, { recursive: true, force: true })));
  }
}
