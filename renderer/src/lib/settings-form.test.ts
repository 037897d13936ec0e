import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../electron/core/settings.ts';
import type { LimberApi, MainToRenderer, Reply, Request } from '../../../electron/ipc.ts';
import { SettingsForm } from './settings-form.svelte.ts';

/** A main process in miniature: answers settings requests, records them, and can push. */
function fakeMain(answer?: (req: Request, current: Settings) => Reply) {
  let current = defaultSettings();
  const sent: Request[] = [];
  let push: ((m: MainToRenderer) => void) | null = null;
  const api = {
    async request(req: Request) {
      sent.push(req);
      await Promise.resolve();
      const custom = answer?.(req, current);
      if (custom) return custom;
      if (req.type === 'settings:set') current = { ...current, ...(req.patch as Partial<Settings>) };
      if (req.type === 'settings:reset') current = defaultSettings();
      return { ok: true, window: 'settings', settings: current, break: { screen: 'idle' } };
    },
    onPush(cb: (m: MainToRenderer) => void) {
      push = cb;
      return () => (push = null);
    },
  } as unknown as LimberApi;
  return { api: () => api, sent, push: (m: MainToRenderer) => push?.(m) };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('SettingsForm', () => {
  it('loads, saves in order, and says so', async () => {
    const main = fakeMain();
    const form = new SettingsForm(main.api);
    form.connect('settings:get');
    await flush();
    expect(form.settings).toEqual(defaultSettings());
    expect(form.generation).toBe(1);
    const a = form.save({ sound: false });
    expect(form.saveState).toBe('saving');
    void form.save({ snoozeMinutes: 7 });
    await a;
    await flush();
    expect(main.sent.map((r) => r.type)).toEqual(['settings:get', 'settings:set', 'settings:set']);
    expect(form.settings?.sound).toBe(false);
    expect(form.settings?.snoozeMinutes).toBe(7);
    expect(form.saveState).toBe('saved');
    expect(form.statusText).toBe('Saved');
  });

  it('never sends what the schema refuses, and holds saving while a field is invalid', async () => {
    const main = fakeMain();
    const form = new SettingsForm(main.api);
    form.connect('settings:get');
    await flush();
    await form.save({ snoozeMinutes: 999 });
    expect(main.sent.filter((r) => r.type === 'settings:set')).toEqual([]);
    expect(form.saveState).toBe('invalid');
    form.setInvalid('workHours', true);
    expect(form.anyInvalid).toBe(true);
    await form.save({ sound: false });
    expect(form.saveState).toBe('invalid');
    form.setInvalid('workHours', false);
    expect(form.anyInvalid).toBe(false);
    expect(form.saveState).toBe('idle');
    await form.save({ sound: true });
    expect(form.saveState).toBe('saved');
  });

  it('reports main’s refusal, a taken shortcut, a reset and a pushed hand edit', async () => {
    const main = fakeMain((req) => {
      if (req.type === 'settings:set') return { ok: false, error: 'disk full' };
      if (req.type === 'shortcut:try') return req.accelerator === 'Bad' ? { ok: false, error: 'no', problems: [{ path: 'shortcut', message: 'bad' }] } : { ok: false, error: 'taken' };
      return undefined as unknown as Reply;
    });
    const form = new SettingsForm(main.api);
    form.connect('hello');
    await flush();
    await form.save({ sound: false });
    expect(form.saveState).toBe('error');
    expect(form.statusText).toBe('Could not save: disk full');
    expect(await form.tryShortcut('Ctrl+Alt+K')).toBe('taken');
    expect(await form.tryShortcut('Bad')).toBe('invalid');
    await form.reset();
    expect(form.saveState).toBe('reset');
    expect(form.generation).toBe(2);
    main.push({ type: 'settings', settings: { ...defaultSettings(), sound: false }, notice: 'edited by hand' });
    expect(form.settings?.sound).toBe(false);
    expect(form.notice).toBe('edited by hand');
    expect(form.generation).toBe(3);
  });
});
