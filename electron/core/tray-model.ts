// The tray as plain data: icon state, tooltip and menu, derived from the scheduler's status.
// The platform layer only renders this, so every menu rule is testable without Electron.
import { tEnglish, type T } from './i18n/locales.ts';
import type { SchedulerStatus } from './scheduler.ts';

export type TrayIcon = 'working' | 'soon' | 'break' | 'paused';

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

/** The tooltip and macOS title, in the words of `t` (English by default: the command line's `status` prints it). */
export function trayTooltip(status: SchedulerStatus, now: number, timeZone?: string, t: T = tEnglish): { tooltip: string; title: string } {
  switch (status.phase) {
    case 'paused':
      return status.pausedUntil
        ? { tooltip: t('tray.tooltip.pausedUntil', { time: clock(status.pausedUntil, timeZone) }), title: t('tray.title.paused') }
        : { tooltip: t('tray.tooltip.paused'), title: t('tray.title.paused') };
    case 'on-break':
      return { tooltip: t('tray.tooltip.onBreak'), title: t('tray.title.break') };
    case 'prompt':
      return { tooltip: t('tray.tooltip.prompt'), title: t('tray.title.break') };
    case 'off-hours':
      return { tooltip: t('tray.tooltip.offHours'), title: '' };
    case 'disabled':
      return { tooltip: t('tray.tooltip.disabled'), title: '' };
    case 'away':
      return { tooltip: t('tray.tooltip.away'), title: '' };
    default: {
      if (!status.nextBreak) return { tooltip: t('tray.tooltip.idle'), title: '' };
      const min = roundedMinutes(status.nextBreak.at - now);
      // Under a minute still reads "in a minute".
      const count = Math.max(1, min);
      const tooltip = status.nextBreak.kind === 'long' ? t('tray.tooltip.nextLong', { count }) : t('tray.tooltip.nextMicro', { count });
      return { tooltip, title: t('tray.title.minutes', { min }) };
    }
  }
}

export function trayMenu(status: SchedulerStatus, t: T = tEnglish): MenuItem[] {
  const paused = status.phase === 'paused';
  const breakPending = status.phase === 'prompt' || status.phase === 'heads-up';
  return [
    { id: MENU.startMicro, label: t('tray.menu.startMicro'), enabled: status.phase !== 'on-break' },
    { id: MENU.startLong, label: t('tray.menu.startLong'), enabled: status.phase !== 'on-break' },
    { id: MENU.snooze, label: t('tray.menu.snooze'), enabled: breakPending },
    { id: MENU.skip, label: t('tray.menu.skip'), enabled: breakPending },
    {
      id: 'pause',
      label: t('tray.menu.pause'),
      enabled: !paused,
      submenu: [
        { id: MENU.pause30, label: t('tray.menu.pause30') },
        { id: MENU.pause60, label: t('tray.menu.pause60') },
        { id: MENU.pause120, label: t('tray.menu.pause120') },
        { id: MENU.pauseTomorrow, label: t('tray.menu.pauseTomorrow') },
        { id: MENU.pauseIndefinitely, label: t('tray.menu.pauseIndefinitely') },
      ],
    },
    { id: MENU.resume, label: t('tray.menu.resume'), enabled: paused },
    { id: 'sep1', label: '', separator: true },
    { id: MENU.today, label: t('tray.menu.today', { count: status.breaksToday }), enabled: false },
    { id: MENU.stats, label: t('tray.menu.stats') },
    { id: MENU.settings, label: t('tray.menu.settings') },
    { id: MENU.about, label: t('tray.menu.about') },
    { id: 'sep2', label: '', separator: true },
    { id: MENU.quit, label: t('tray.menu.quit') },
  ];
}

export function trayView(status: SchedulerStatus, now: number, timeZone?: string, t: T = tEnglish): TrayView {
  return { icon: trayIcon(status, now), ...trayTooltip(status, now, timeZone, t), menu: trayMenu(status, t) };
}
