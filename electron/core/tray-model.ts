// The tray as plain data: icon state, tooltip and menu, derived from the scheduler's status.
// The platform layer only renders this, so every menu rule is testable without Electron.
import type { HoldReason } from './holds.ts';
import type { SchedulerStatus } from './scheduler.ts';

export type TrayIcon = 'working' | 'soon' | 'break' | 'paused' | 'held';

/** Why a break waits, as the tray, `limber status` and the hold notice say it. */
export const holdReasonText: Record<HoldReason, string> = {
  call: 'you’re in a call',
  'screen-sharing': 'you’re sharing your screen',
  presentation: 'you’re presenting',
  fullscreen: 'a fullscreen app is in front',
  'do-not-disturb': 'do not disturb is on',
};

export interface MenuItem {
  id: string;
  label: string;
  enabled?: boolean;
  separator?: boolean;
  submenu?: MenuItem[];
}

export interface TrayView {
  icon: TrayIcon;
  tooltip: string;
  /** Shown beside the icon on macOS only. */
  title: string;
  menu: MenuItem[];
}

/** Menu item ids: the platform reports clicks by these. */
export const MENU = {
  startMicro: 'break:micro',
  startLong: 'break:long',
  snooze: 'snooze',
  skip: 'skip',
  pause30: 'pause:30',
  pause60: 'pause:60',
  pause120: 'pause:120',
  pauseTomorrow: 'pause:tomorrow',
  pauseIndefinitely: 'pause:forever',
  resume: 'resume',
  today: 'today',
  stats: 'stats',
  settings: 'settings',
  about: 'about',
  quit: 'quit',
} as const;

const SOON_MS = 5 * 60_000;

/** Minutes to go, coarse when far away: the tooltip changes rarely, so it costs few wake-ups. */
export function roundedMinutes(ms: number): number {
  const min = Math.max(0, Math.ceil(ms / 60_000));
  return min > 10 ? Math.ceil(min / 5) * 5 : min;
}

/** When the tooltip text next changes (so one timer can refresh it), or null if it never does on its own. */
export function nextTooltipChange(status: SchedulerStatus, now: number): number | null {
  if (!status.nextBreak) return status.pausedUntil;
  const left = status.nextBreak.at - now;
  if (left <= 0) return null;
  const shown = roundedMinutes(left);
  // The first moment the rounded figure drops below what is shown now.
  const step = shown > 10 ? 5 : 1;
  const nextShown = shown - step;
  return status.nextBreak.at - nextShown * 60_000 + 1;
}

function clock(t: number, timeZone?: string): string {
  return new Date(t).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', ...(timeZone ? { timeZone } : {}) });
}

export function trayIcon(status: SchedulerStatus, now: number): TrayIcon {
  if (status.held && status.phase !== 'paused' && status.phase !== 'on-break') return 'held';
  switch (status.phase) {
    case 'paused':
    case 'off-hours':
    case 'disabled':
      return 'paused';
    case 'on-break':
    case 'prompt':
      return 'break';
    case 'heads-up':
      return 'soon';
    default:
      return status.nextBreak && status.nextBreak.at - now <= SOON_MS ? 'soon' : 'working';
  }
}

export function trayTooltip(status: SchedulerStatus, now: number, timeZone?: string): { tooltip: string; title: string } {
  if (status.held && status.phase !== 'paused' && status.phase !== 'on-break') {
    return { tooltip: `Limber — Break waiting — ${holdReasonText[status.held.reason]} (since ${clock(status.held.since, timeZone)})`, title: 'waiting' };
  }
  switch (status.phase) {
    case 'paused':
      return status.pausedUntil
        ? { tooltip: `Limber — paused until ${clock(status.pausedUntil, timeZone)}`, title: 'paused' }
        : { tooltip: 'Limber — paused', title: 'paused' };
    case 'on-break':
      return { tooltip: 'Limber — on a break', title: 'break' };
    case 'prompt':
      return { tooltip: 'Limber — time for a break', title: 'break' };
    case 'off-hours':
      return { tooltip: 'Limber — outside work hours', title: '' };
    case 'disabled':
      return { tooltip: 'Limber — breaks are turned off', title: '' };
    case 'away':
      return { tooltip: 'Limber — away (counts as a break)', title: '' };
    default: {
      if (!status.nextBreak) return { tooltip: 'Limber', title: '' };
      const min = roundedMinutes(status.nextBreak.at - now);
      const what = status.nextBreak.kind === 'long' ? 'Stretch session' : 'Next break';
      const when = min <= 1 ? 'in a minute' : `in ${min} min`;
      return { tooltip: `Limber — ${what} ${when}`, title: `${min}m` };
    }
  }
}

export function trayMenu(status: SchedulerStatus): MenuItem[] {
  const paused = status.phase === 'paused';
  const breakPending = status.phase === 'prompt' || status.phase === 'heads-up';
  return [
    { id: MENU.startMicro, label: 'Start break now', enabled: status.phase !== 'on-break' },
    { id: MENU.startLong, label: 'Start stretch session', enabled: status.phase !== 'on-break' },
    { id: MENU.snooze, label: 'Snooze', enabled: breakPending },
    { id: MENU.skip, label: 'Skip this break', enabled: breakPending },
    {
      id: 'pause',
      label: 'Pause',
      enabled: !paused,
      submenu: [
        { id: MENU.pause30, label: 'For 30 minutes' },
        { id: MENU.pause60, label: 'For 1 hour' },
        { id: MENU.pause120, label: 'For 2 hours' },
        { id: MENU.pauseTomorrow, label: 'Until tomorrow' },
        { id: MENU.pauseIndefinitely, label: 'Until I resume' },
      ],
    },
    { id: MENU.resume, label: 'Resume', enabled: paused },
    { id: 'sep1', label: '', separator: true },
    { id: MENU.today, label: `Breaks today: ${status.breaksToday}`, enabled: false },
    { id: MENU.stats, label: 'Statistics…' },
    { id: MENU.settings, label: 'Settings…' },
    { id: MENU.about, label: 'About Limber' },
    { id: 'sep2', label: '', separator: true },
    { id: MENU.quit, label: 'Quit Limber' },
  ];
}

export function trayView(status: SchedulerStatus, now: number, timeZone?: string): TrayView {
  return { icon: trayIcon(status, now), ...trayTooltip(status, now, timeZone), menu: trayMenu(status) };
}
