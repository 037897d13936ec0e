import { describe, expect, it } from 'vitest';
import type { Command } from '../core/commands.ts';
import { dispatch, type CommandTarget } from './commands.ts';

/** A target that records what each command did, in order. */
function recorder(opts: { notificationFails?: string } = {}) {
  const calls: unknown[] = [];
  const target: CommandTarget = {
    startBreak: (kind) => void calls.push({ startBreak: kind }),
    act: (action) => void calls.push(action),
    closeBreakWindow: () => void calls.push('close'),
    openWindow: (kind) => void calls.push({ open: kind }),
    openDataFolder: () => void calls.push('data-folder'),
    about: () => void calls.push('about'),
    quit: () => void calls.push('quit'),
    testNotification: () => (calls.push('notify'), opts.notificationFails ?? null),
    statusText: (json) => (json ? '{"phase":"working"}' : 'Limber — Next break in 25 min'),
  };
  return { calls, target };
}

describe('dispatch', () => {
  it.each<[Command, unknown[]]>([
    [{ name: 'break', kind: null }, [{ startBreak: null }]],
    [{ name: 'break', kind: 'long' }, [{ startBreak: 'long' }]],
    [{ name: 'snooze' }, ['close', { do: 'snooze' }]],
    [{ name: 'skip' }, ['close', { do: 'skip' }]],
    [{ name: 'pause', minutes: 60, until: null }, [{ do: 'pause', minutes: 60 }]],
    [{ name: 'pause', minutes: null, until: 'tomorrow' }, [{ do: 'pause', until: 'tomorrow' }]],
    [{ name: 'pause', minutes: null, until: null }, [{ do: 'pause' }]],
    [{ name: 'resume' }, [{ do: 'resume' }]],
    [{ name: 'status', json: false }, []],
    [{ name: 'settings' }, [{ open: 'settings' }]],
    [{ name: 'stats' }, [{ open: 'stats' }]],
    [{ name: 'data-folder' }, ['data-folder']],
    [{ name: 'about' }, ['about']],
    [{ name: 'quit' }, ['quit']],
    [{ name: 'test-notification' }, ['notify']],
  ])('%j', (command, expected) => {
    const { calls, target } = recorder();
    expect(dispatch(command, target).ok).toBe(true);
    expect(calls).toEqual(expected);
  });

  it('closes the break window before snoozing or skipping, whoever asks', () => {
    for (const name of ['snooze', 'skip'] as const) {
      const { calls, target } = recorder();
      dispatch({ name }, target);
      expect(calls.indexOf('close')).toBe(0);
    }
  });

  it('answers status with the text, and a failed test notification with its reason', () => {
    const { target } = recorder({ notificationFails: 'no daemon' });
    expect(dispatch({ name: 'status', json: true }, target)).toEqual({ ok: true, output: '{"phase":"working"}' });
    expect(dispatch({ name: 'status', json: false }, target)).toEqual({ ok: true, output: 'Limber — Next break in 25 min' });
    expect(dispatch({ name: 'test-notification' }, target)).toEqual({ ok: false, error: 'no daemon' });
  });
});
