// Limber's windows as real Chromium pages loading the built renderer. The bridge script gives each page the same
// `window.limber` that preload.ts exposes, and every request goes through the real LimberApp.handleRequest.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { WINDOW_SIZES, windowBounds, type MainToRenderer, type Reply, type WindowKind } from '../../electron/ipc.ts';
import { serveAppRequest } from '../../electron/node/app-protocol.ts';
import { launchAppWindow } from './chromium.ts';
import type { WindowHandle, WindowsPort } from '../../electron/ports.ts';

/**
 * The origin the harness serves the built renderer from (routed, never on the network). Chromium cannot be given
 * Electron's `app://` scheme, so this origin stands for it: the same handler answers (serveAppRequest), with the same
 * checks and the same Content-Security-Policy header.
 */
export const HARNESS_ORIGIN = 'https://limber.invalid/';

export interface ChromiumWindowsOptions {
  browser: Browser;
  rendererDir: string;
  bridgeScript: string;
  handle: (window: WindowKind, url: string, raw: unknown) => Promise<Reply>;
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
  /** Give pages Playwright's controllable clock, so a test can run a routine's minutes in an instant. */
  fakePageClock?: boolean;
  /**
   * For a person to look at (the preview): each window its own Chromium app window — no tab strip, no address bar —
   * at its real size, placed in this work area the way the Electron build places it (windowBounds).
   */
  appWindows?: { area: { x: number; y: number; width: number; height: number } };
}

interface OpenWindow {
  kind: WindowKind;
  page: Promise<Page>;
  closedByApp: boolean;
}

export class ChromiumWindows implements WindowsPort {
  private live = new Map<WindowKind, OpenWindow>();
  private contexts: BrowserContext[] = [];
  /** Pages still being created: closing waits for them, so a window opened at the very end cannot fail the run. */
  private pending = new Set<Promise<unknown>>();
  /** Every window ever opened, in order, with whether it was asked to take focus. */
  readonly opened: { kind: WindowKind; focus: boolean }[] = [];

  constructor(private readonly opts: ChromiumWindowsOptions) {}

  open(kind: WindowKind, { focus, onClosed }: { focus: boolean; onClosed: () => void }): WindowHandle {
    this.opened.push({ kind, focus });
    let w = this.live.get(kind);
    if (!w) {
      const entry: OpenWindow = { kind, page: this.newPage(kind), closedByApp: false };
      const settled = entry.page.catch(() => {});
      this.pending.add(settled);
      void settled.then(() => this.pending.delete(settled));
      w = entry;
      this.live.set(kind, entry);
      entry.page
        .then((page) =>
          page.on('close', () => {
            if (this.live.get(kind) === entry) this.live.delete(kind);
            if (!entry.closedByApp) onClosed();
          }),
        )
        .catch(() => {});
    }
    const entry = w;
    return {
      send: (m) => {
        void entry.page.then((p) => p.evaluate((msg) => (window as unknown as { __limberPush?: (x: unknown) => void }).__limberPush?.(msg), m)).catch(() => {});
      },
      close: () => {
        entry.closedByApp = true;
        if (this.live.get(kind) === entry) this.live.delete(kind);
        void entry.page.then((p) => p.close()).catch(() => {});
      },
      isOpen: () => this.live.get(kind) === entry,
    };
  }

  /**
   * Test port for the system folder picker (a native dialog Chromium has no counterpart of): answers the folders a
   * test queued, in turn; an empty queue is the user cancelling.
   */
  readonly picks: (string | null)[] = [];
  pickFolder(): Promise<string | null> {
    return Promise.resolve(this.picks.shift() ?? null);
  }

  broadcast(m: MainToRenderer): void {
    for (const entry of this.live.values()) {
      void entry.page.then((p) => p.evaluate((msg) => (window as unknown as { __limberPush?: (x: unknown) => void }).__limberPush?.(msg), m)).catch(() => {});
    }
  }

  /** The page of an open window, once it has loaded. */
  async page(kind: WindowKind, timeoutMs = 10_000): Promise<Page> {
    const start = Date.now();
    while (Date.now() - start < timeoutMs) {
      const w = this.live.get(kind);
      if (w) return w.page;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`the ${kind} window did not open within ${timeoutMs} ms`);
  }

  isOpen(kind: WindowKind): boolean {
    return this.live.has(kind);
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled([...this.pending]);
    for (const c of this.contexts) await c.close().catch(() => {});
    this.contexts = [];
    this.live.clear();
  }

  /** An app window is a Chromium of its own (app mode is per process); a test page is a context in the shared one. */
  private async newContext(kind: WindowKind): Promise<{ context: BrowserContext; page?: Page }> {
    const look = { colorScheme: this.opts.colorScheme ?? 'light', reducedMotion: this.opts.reducedMotion ?? 'no-preference' } as const;
    if (!this.opts.appWindows) return { context: await this.opts.browser.newContext({ viewport: WINDOW_SIZES[kind], ...look }) };
    return launchAppWindow(windowBounds(kind, this.opts.appWindows.area), look);
  }

  private async newPage(kind: WindowKind): Promise<Page> {
    const { context, page: first } = await this.newContext(kind);
    this.contexts.push(context);
    if (this.opts.fakePageClock) await context.clock.install();
    await context.route(`${HARNESS_ORIGIN}**`, async (route) => {
      const r = await serveAppRequest(this.opts.rendererDir, route.request().url(), HARNESS_ORIGIN);
      await route.fulfill({ status: r.status, headers: r.headers, body: r.body });
    });
    // Anything not ours is blocked, as the Electron build blocks navigation and remote content.
    await context.route((url) => !url.href.startsWith(HARNESS_ORIGIN), (route) => route.abort());
    await context.exposeBinding('__limberInvoke', (source, req: unknown) => this.opts.handle(kind, source.frame.url(), req));
    await context.addInitScript({ path: this.opts.bridgeScript });
    const page = first ?? (await context.newPage());
    // One context per window: it goes with its page, or every break would leave one behind (found by the soak).
    page.once('close', () => {
      this.contexts = this.contexts.filter((c) => c !== context);
      void context.close().catch(() => {});
    });
    await page.goto(`${HARNESS_ORIGIN}${kind}.html`);
    return page;
  }
}
