// Presence on Linux desktops: idle time from GNOME's Mutter idle monitor (its watches: no polling) or KDE's
// screensaver interface, and screen lock from logind and the GNOME / freedesktop screensaver signals — never from
// raw input devices. Elsewhere (and where none answers) the fallback (Electron's powerMonitor) is used, and where
// nothing can read idle time (Wayland without either service) `problem` says so.
import type { Cancel, Clock } from '../../core/clock.ts';
import type { PowerEvent } from '../../core/scheduler.ts';
import type { ActivityPort } from '../../core/scheduler.ts';
import type { DbusPort } from './dbus.ts';
import { isWaylandSession } from './hold-sources.ts';
import type { ToolEnv } from './tool.ts';

const MUTTER = { dest: 'org.gnome.Mutter.IdleMonitor', path: '/org/gnome/Mutter/IdleMonitor/Core', iface: 'org.gnome.Mutter.IdleMonitor' };
const KDE_SS = { dest: 'org.freedesktop.ScreenSaver', path: '/ScreenSaver', iface: 'org.freedesktop.ScreenSaver' };
const LOCKERS = [
  { id: 'gnome-screensaver', dest: 'org.gnome.ScreenSaver', path: '/org/gnome/ScreenSaver', iface: 'org.gnome.ScreenSaver' },
  { id: 'freedesktop-screensaver', dest: 'org.freedesktop.ScreenSaver', path: '/org/freedesktop/ScreenSaver', iface: 'org.freedesktop.ScreenSaver' },
  { id: 'kde-screensaver', dest: 'org.freedesktop.ScreenSaver', path: '/ScreenSaver', iface: 'org.freedesktop.ScreenSaver' },
] as const;
const LOGIND = { dest: 'org.freedesktop.login1', path: '/org/freedesktop/login1', manager: 'org.freedesktop.login1.Manager', session: 'org.freedesktop.login1.Session' };

/** Mutter tells us once idle passes this; shorter pauses are work anyway (away starts at minutes). */
export const IDLE_WATCH_MS = 30_000;

export type IdleSourceId = 'gnome-mutter' | 'kde-screensaver' | 'fallback';

export interface PresenceInfo {
  idle: IdleSourceId;
  /** Lock sources that answered. */
  lock: string[];
  /** Said to the user (status, doctor, settings) when idle time cannot be read here. */
  problem: string | null;
}

export const NO_IDLE_SOURCE =
  'Idle time cannot be read on this desktop (Wayland without GNOME’s or KDE’s idle service): time away is only noticed when the screen locks.';

export interface DesktopPresenceOptions {
  bus: DbusPort;
  clock: Clock;
  env: ToolEnv;
  /** Electron's powerMonitor (or a test's script): used where no desktop service answers, and for sleep events. */
  fallback: ActivityPort;
  pid?: number;
  log?: (m: string) => void;
  /** How long without input before Mutter's idle watch fires (IDLE_WATCH_MS; a test on a real compositor waits less). */
  idleWatchMs?: number;
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : null);

export class DesktopPresence implements ActivityPort {
  private idleSource: IdleSourceId = 'fallback';
  /** Mutter: when the current idle stretch began (null while active). */
  private idleSince: number | null = null;
  /** KDE: the last answer and when it came; refreshed whenever it is read. */
  private kdeIdle: { ms: number; at: number } | null = null;
  private lockedBy = new Set<string>();
  private lockSources: string[] = [];
  private readonly listeners = new Set<(e: PowerEvent) => void>();
  private stops: Cancel[] = [];
  private problem: string | null = null;

  constructor(private readonly o: DesktopPresenceOptions) {}

  /** Find the best sources and start following them; resolves once each has answered or failed. */
  async start(): Promise<PresenceInfo> {
    this.stops.push(this.o.fallback.onPower((e) => this.emit(e)));
    await Promise.all([this.startIdle(), this.startLock()]);
    if (this.idleSource === 'fallback' && isWaylandSession(this.o.env)) this.problem = NO_IDLE_SOURCE;
    return this.info();
  }

  info(): PresenceInfo {
    // Sources answer in whatever order the buses reply; report them sorted so `doctor` reads the same every run.
    return { idle: this.idleSource, lock: [...this.lockSources].sort(), problem: this.problem };
  }

  stop(): void {
    for (const s of this.stops) s();
    this.stops = [];
  }

  idleSeconds(): number {
    const now = this.o.clock.now();
    if (this.idleSource === 'gnome-mutter') return this.idleSince === null ? 0 : Math.max(0, (now - this.idleSince) / 1000);
    if (this.idleSource === 'kde-screensaver') {
      const k = this.kdeIdle;
      void this.refreshKde();
      // The last answer, grown by the time since (input in between shows at the next read).
      return k ? Math.max(0, (k.ms + (k.ms > 0 ? now - k.at : 0)) / 1000) : 0;
    }
    return this.o.fallback.idleSeconds();
  }

  isLocked(): boolean {
    return this.lockedBy.size > 0 || this.o.fallback.isLocked();
  }

  onPower(cb: (e: PowerEvent) => void): Cancel {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  private emit(e: PowerEvent): void {
    for (const l of this.listeners) l(e);
  }

  private setLocked(by: string, locked: boolean): void {
    const was = this.lockedBy.size > 0;
    if (locked) this.lockedBy.add(by);
    else this.lockedBy.delete(by);
    const is = this.lockedBy.size > 0;
    if (was !== is) this.emit(is ? 'lock' : 'unlock');
  }

  private async startIdle(): Promise<void> {
    const { bus, clock } = this.o;
    const watchMs = this.watchMs;
    try {
      const [ms] = await bus.call('session', MUTTER.dest, MUTTER.path, MUTTER.iface, 'GetIdletime');
      const idle = num(ms);
      if (idle === null) throw new Error('GetIdletime gave no number');
      // Watches first, so no change between the answer and the subscription is lost.
      this.stops.push(
        bus.onSignal('session', { sender: MUTTER.dest, path: MUTTER.path, iface: MUTTER.iface, member: 'WatchFired' }, ([id]) => this.watchFired(num(id))),
      );
      const [idleWatch] = await bus.call('session', MUTTER.dest, MUTTER.path, MUTTER.iface, 'AddIdleWatch', 't', [watchMs]);
      this.idleWatch = num(idleWatch);
      this.idleSource = 'gnome-mutter';
      // Already idle past the watch: Mutter fires it at once, in the reply's read or a later one. The stretch began
      // `idle` ago, not when the watch fired, and it gets one user-active watch, not one per report of it.
      const firedAlready = this.idleWatch !== null && this.firedEarly.delete(this.idleWatch);
      if (idle >= watchMs) this.becameIdle(clock.now() - idle);
      else if (firedAlready) this.becameIdle(clock.now() - watchMs);
      return;
    } catch (e) {
      this.o.log?.(`Mutter idle monitor: ${(e as Error).message}`);
    }
    try {
      const [ms] = await this.o.bus.call('session', KDE_SS.dest, KDE_SS.path, KDE_SS.iface, 'GetSessionIdleTime');
      const idle = num(ms);
      if (idle === null) throw new Error('GetSessionIdleTime gave no number');
      this.kdeIdle = { ms: idle, at: clock.now() };
      this.idleSource = 'kde-screensaver';
    } catch (e) {
      this.o.log?.(`KDE idle time: ${(e as Error).message}`);
    }
  }

  private idleWatch: number | null = null;
  private activeWatch: number | null = null;
  /** A user-active watch is being added (its id not known yet): at most one at a time. */
  private arming = false;
  /**
   * Watches Mutter reported before the reply that names them was handled (the signal came in the same read as
   * the reply, whose awaiting code runs later). Mutter sends WatchFired only to the watch's owner: only ours.
   */
  private readonly firedEarly = new Set<number>();

  private get watchMs(): number {
    return this.o.idleWatchMs ?? IDLE_WATCH_MS;
  }

  /** An idle stretch began at `since`: remembered once, with one user-active watch to end it. */
  private becameIdle(since: number): void {
    if (this.idleSince !== null) return;
    this.idleSince = since;
    void this.armActiveWatch();
  }

  private async armActiveWatch(): Promise<void> {
    if (this.arming || this.activeWatch !== null) return;
    this.arming = true;
    try {
      const [reply] = await this.o.bus.call('session', MUTTER.dest, MUTTER.path, MUTTER.iface, 'AddUserActiveWatch');
      const id = num(reply);
      // The user came back before the reply was handled: the watch has fired and is gone.
      if (id !== null && this.firedEarly.delete(id)) this.becameActive();
      else this.activeWatch = id;
    } catch (e) {
      this.o.log?.(`Mutter AddUserActiveWatch: ${(e as Error).message}`);
    } finally {
      this.arming = false;
    }
  }

  private becameActive(): void {
    // User-active watches fire once and are gone.
    this.activeWatch = null;
    this.idleSince = null;
  }

  private watchFired(id: number | null): void {
    if (id === null) return;
    if (id === this.idleWatch) this.becameIdle(this.o.clock.now() - this.watchMs);
    else if (id === this.activeWatch) this.becameActive();
    else {
      // Bounded: only our own watches fire, and each early one is taken by the reply that follows it.
      if (this.firedEarly.size >= 16) this.firedEarly.clear();
      this.firedEarly.add(id);
    }
  }

  private refreshing = false;
  private async refreshKde(): Promise<void> {
    if (this.refreshing) return;
    this.refreshing = true;
    try {
      const [ms] = await this.o.bus.call('session', KDE_SS.dest, KDE_SS.path, KDE_SS.iface, 'GetSessionIdleTime');
      const idle = num(ms);
      if (idle !== null) this.kdeIdle = { ms: idle, at: this.o.clock.now() };
    } catch {
      // Keep the last answer.
    } finally {
      this.refreshing = false;
    }
  }

  private async startLock(): Promise<void> {
    const { bus } = this.o;
    await Promise.all([
      ...LOCKERS.map(async (l) => {
        const stop = bus.onSignal('session', { sender: l.dest, path: l.path, iface: l.iface, member: 'ActiveChanged' }, ([active]) => this.setLocked(l.id, active === true));
        try {
          const [active] = await bus.call('session', l.dest, l.path, l.iface, 'GetActive');
          this.lockSources.push(l.id);
          this.setLocked(l.id, active === true);
          this.stops.push(stop);
        } catch {
          stop();
        }
      }),
      this.startLogind(),
    ]);
  }

  private async startLogind(): Promise<void> {
    const { bus, env } = this.o;
    try {
      const [path] = env.XDG_SESSION_ID
        ? await bus.call('system', LOGIND.dest, LOGIND.path, LOGIND.manager, 'GetSession', 's', [env.XDG_SESSION_ID])
        : await bus.call('system', LOGIND.dest, LOGIND.path, LOGIND.manager, 'GetSessionByPID', 'u', [this.o.pid ?? process.pid]);
      if (typeof path !== 'string') throw new Error('no session path');
      const on = (member: string, cb: (body: unknown[]) => void) => this.stops.push(bus.onSignal('system', { sender: LOGIND.dest, path, iface: LOGIND.session, member }, cb));
      on('Lock', () => this.setLocked('logind', true));
      on('Unlock', () => this.setLocked('logind', false));
      this.stops.push(
        bus.onSignal('system', { sender: LOGIND.dest, path, iface: 'org.freedesktop.DBus.Properties', member: 'PropertiesChanged' }, ([iface, changed]) => {
          const hint = (changed as Record<string, unknown> | undefined)?.LockedHint;
          if (iface === LOGIND.session && typeof hint === 'boolean') this.setLocked('logind', hint);
        }),
      );
      const hint = await bus.getProperty('system', LOGIND.dest, path, LOGIND.session, 'LockedHint');
      this.lockSources.push('logind');
      if (typeof hint === 'boolean') this.setLocked('logind', hint);
    } catch (e) {
      this.o.log?.(`logind: ${(e as Error).message}`);
    }
  }
}
