// The tray as plain data: icon state, tooltip and menu, derived from the scheduler's status.
// The platform layer only renders this, so every menu rule is testable without Electron.
import { LABEL_KEYS, commandId, commandLabel, label, type Command } from './commands.ts';
import type { HoldReason } from './holds.ts';
import { tEnglish, type T } from './i18n/locales.ts';
import type { SchedulerStatus } from './scheduler.ts';
import type { AllowedActions } from './policy.ts';

export type TrayIcon = 'working' | 'soon' | 'break' | 'paused' | 'held';

/** Why a break waits, as the tray, `limber status` and the hold notice say it. */
export function holdReasonText(reason: HoldReason, t: T = tEnglish): string {
  return t(`hold.reason.${reason}`);
}

interface MenuFields {
  id: string;
  label: string;
  enabled?: boolean;
  separator?: boolean;
  submenu?: MenuItem[];
  command?: Command;
  /** Information only ("Breaks today: 3"), never clickable. */
  info?: true;
}

/** An item names its command, or is a submenu, a separator or information: anything else is a type error. */
export type MenuItem =
  | (MenuFields & { command: Command; submenu?: never; separator?: never })
  | (MenuFields & { submenu: MenuItem[]; command?: never; separator?: never })
  | (MenuFields & { separator: true; command?: never; submenu?: never })
  | (MenuFields & { info: true; enabled: false; command?: never; submenu?: never; separator?: never });

export interface TrayView {
  icon: TrayIcon;
  tooltip: string;
  /** Shown beside the icon on macOS only. */
  title: string;
  menu: MenuItem[];
}

/** The tray's commands; each item's id is its `commandId`, which the platform reports clicks by. */
export const MENU_COMMANDS = {
  startMicro: { name: 'break', kind: 'micro' },
  startLong: { name: 'break', kind: 'long' },
  snooze: { name: 'snooze' },
  skip: { name: 'skip' },
  pause30: { name: 'pause', minutes: 30, until: null },
  pause60: { name: 'pause', minutes: 60, until: null },
  pause120: { name: 'pause', minutes: 120, until: null },
  pauseTomorrow: { name: 'pause', minutes: null, until: 'tomorrow' },
  pauseIndefinitely: { name: 'pause', minutes: null, until: null },
  resume: { name: 'resume' },
  stats: { name: 'stats' },
  settings: { name: 'settings' },
  about: { name: 'about' },
  quit: { name: 'quit' },
} as const satisfies Record<string, Command>;

/** Menu item ids by role: the commands' ids, and the one information line. */
export const MENU = {
  ...(Object.fromEntries(Object.entries(MENU_COMMANDS).map(([role, c]) => [role, commandId(c)])) as Record<keyof typeof MENU_COMMANDS, string>),
  today: 'today',
};

function item(t: T, command: Command, enabled?: boolean): MenuItem {
  return { id: commandId(command), label: commandLabel(command, t), command, ...(enabled === undefined ? {} : { enabled }) };
}

/** The menu item that carries `id`, at any depth. */
export function findMenuItem(items: readonly MenuItem[], id: string): MenuItem | undefined {
  for (const i of items) {
    const found = i.id === id ? i : i.submenu ? findMenuItem(i.submenu, id) : undefined;
    if (found) return found;
  }
  return undefined;
}

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

/** The scheduler's status, and with several computers the name of the one a running break is on (not this one). */
export type TrayStatus = SchedulerStatus & { breakOn?: string | null };

export function trayTooltip(status: TrayStatus, now: number, timeZone?: string, t: T = tEnglish): { tooltip: string; title: string } {
  if (status.held && status.phase !== 'paused' && status.phase !== 'on-break') {
    return {
      tooltip: t('tray.tooltip.held', { reason: holdReasonText(status.held.reason, t), time: clock(status.held.since, timeZone) }),
      title: t('tray.title.held'),
    };
  }
  switch (status.phase) {
    case 'paused':
      return status.pausedUntil
        ? { tooltip: t('tray.tooltip.pausedUntil', { time: clock(status.pausedUntil, timeZone) }), title: t('tray.title.paused') }
        : { tooltip: t('tray.tooltip.paused'), title: t('tray.title.paused') };
    case 'on-break':
      if (status.breakOn) return { tooltip: t('tray.tooltip.breakOn', { device: status.breakOn }), title: t('tray.title.break') };
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
      if (!status.nextBreak) return { tooltip: t('tray.tooltip'), title: '' };
      const min = roundedMinutes(status.nextBreak.at - now);
      // "in a minute" for one minute or less.
      const count = Math.max(1, min);
      const tooltip = status.nextBreak.kind === 'long' ? t('tray.tooltip.nextLong', { count }) : t('tray.tooltip.nextMicro', { count });
      return { tooltip, title: t('tray.title.minutes', { n: min }) };
    }
  }
}

/**
 * `allowed`: what the organisation's policy lets the user do (electron/core/policy.ts); an item it forbids is left out
 * (Skip, pauses longer than the limit; the Pause submenu when no pause is left).
 */
export function trayMenu(status: TrayStatus, t: T = tEnglish, allowed?: AllowedActions): MenuItem[] {
  const paused = status.phase === 'paused';
  const breakPending = status.phase === 'prompt' || status.phase === 'heads-up';
  const M = MENU_COMMANDS;
  const pauses = [M.pause30, M.pause60, M.pause120, M.pauseTomorrow, M.pauseIndefinitely].filter(
    (c) => !allowed || allowed.pause(c.until ?? c.minutes),
  );
  const elsewhere: MenuItem[] =
    status.phase === 'on-break' && status.breakOn ? [{ id: 'break-on', label: t('tray.menu.breakOn', { device: status.breakOn }), info: true, enabled: false }] : [];
  return [
    ...elsewhere,
    item(t, M.startMicro, status.phase !== 'on-break'),
    item(t, M.startLong, status.phase !== 'on-break'),
    item(t, M.snooze, breakPending),
    ...(allowed && !allowed.skip ? [] : [item(t, M.skip, breakPending)]),
    ...(pauses.length
      ? [{ id: 'pause', label: label(LABEL_KEYS.pause, t), enabled: !paused, submenu: pauses.map((c) => item(t, c)) }]
      : []),
    item(t, M.resume, paused),
    { id: 'sep1', label: '', separator: true },
    { id: MENU.today, label: t('tray.menu.today', { n: status.breaksToday }), info: true, enabled: false },
    item(t, M.stats),
    item(t, M.settings),
    item(t, M.about),
    { id: 'sep2', label: '', separator: true },
    item(t, M.quit),
  ];
}

/** The tray in the words of `t` (English by default, as the command line's `status` prints it). */
export function trayView(status: TrayStatus, now: number, timeZone?: string, t: T = tEnglish, allowed?: AllowedActions): TrayView {
  return { icon: trayIcon(status, now), ...trayTooltip(status, now, timeZone, t), menu: trayMenu(status, t, allowed) };
}
