import { describe, expect, it } from 'vitest';
import { commandId, commandLabel, isInstanceCommand, labelKey, type Command } from './commands.ts';
import { tEnglish } from './i18n/locales.ts';
import { MENU, MENU_COMMANDS, findMenuItem, trayMenu, type MenuItem } from './tray-model.ts';
import type { SchedulerStatus } from './scheduler.ts';

const status = (phase: SchedulerStatus['phase']): SchedulerStatus =>
  ({ phase, nextBreak: null, pausedUntil: null, breaksToday: 0, currentBreak: null }) as unknown as SchedulerStatus;

/** Every item of a menu, submenus included. */
const flat = (items: readonly MenuItem[]): MenuItem[] => items.flatMap((i) => [i, ...(i.submenu ? flat(i.submenu) : [])]);

describe('commands', () => {
  it('give each tray action its own id, and the tray reports clicks by it', () => {
    const ids = Object.values(MENU_COMMANDS).map(commandId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [role, command] of Object.entries(MENU_COMMANDS)) {
      expect(MENU[role as keyof typeof MENU_COMMANDS]).toBe(commandId(command));
    }
    expect(commandId({ name: 'pause', minutes: 45, until: null })).toBe('pause:45');
    expect(commandId({ name: 'break', kind: null })).toBe('break');
  });

  it('label every tray item from the one table, and every clickable item names a command', () => {
    for (const phase of ['working', 'paused', 'prompt', 'on-break'] as const) {
      const items = flat(trayMenu(status(phase)));
      const clickable = items.filter((i) => !i.separator && !i.submenu && !i.info);
      expect(clickable.length).toBeGreaterThan(10);
      for (const i of clickable) {
        expect(i.command).toBeDefined();
        expect(i.id).toBe(commandId(i.command!));
        expect(i.label).toBe(tEnglish(labelKey(i.command!)));
        expect(labelKey(i.command!)).toMatch(/^command\./);
        expect(findMenuItem(trayMenu(status(phase)), i.id)?.command).toEqual(i.command);
      }
    }
  });

  it('label a parameterised action by its family', () => {
    expect(commandLabel({ name: 'pause', minutes: 30, until: null })).toBe('For 30 minutes');
    expect(commandLabel({ name: 'pause', minutes: 45, until: null })).toBe('Pause');
  });

  it('tell the running app’s commands from the rest', () => {
    const yes: Command[] = [{ name: 'break', kind: null }, { name: 'snooze' }, { name: 'status', json: true }];
    const no: Command[] = [{ name: 'settings' }, { name: 'quit' }, { name: 'test-notification' }];
    expect(yes.every(isInstanceCommand)).toBe(true);
    expect(no.some(isInstanceCommand)).toBe(false);
  });

  it('make a tray item without a command a type error (checked by npm run typecheck)', () => {
    // @ts-expect-error a clickable item must name its command
    const bad: MenuItem = { id: 'x', label: 'X' };
    // @ts-expect-error a command and a submenu are one too many
    const both: MenuItem = { id: 'y', label: 'Y', command: { name: 'quit' }, submenu: [] };
    expect([bad, both]).toHaveLength(2);
  });
});
