// The settings as a form: the one copy the settings and welcome windows edit, its save queue and what it last
// heard from main. Reactive state (Svelte runes), so every section that reads it follows it.
import type { Settings } from '../../../electron/core/settings.ts';
import { applySettingsPatch } from '../../../electron/core/settings.ts';
import type { LimberApi, SettingsPolicy } from '../../../electron/ipc.ts';
import { t } from './i18n.svelte.ts';

export type SaveState = 'idle' | 'saving' | 'saved' | 'invalid' | 'error' | 'reset';

export class SettingsForm {
  // Raw: settings are replaced whole, never mutated, and must stay plain objects (structuredClone, IPC).
  settings = $state.raw<Settings | null>(null);
  /** Bumped when settings arrive from outside the form (load, reset, a hand edit): fields start over from them. */
  generation = $state(0);
  notice = $state('');
  /** What the organisation set: locked keys are shown with "Set by your organisation" and cannot be edited. */
  policy = $state.raw<SettingsPolicy | null>(null);
  saveState = $state<SaveState>('idle');
  saveError = $state('');
  /** Fields whose entry the schema refuses, by key; nothing is saved while one is. */
  invalid = $state.raw<Readonly<Record<string, boolean>>>({});
  readonly anyInvalid = $derived(Object.values(this.invalid).some(Boolean));
  readonly statusText = $derived.by(() => {
    switch (this.saveState) {
      case 'saving':
        return t('settings.status.saving');
      case 'saved':
        return t('settings.status.saved');
      case 'invalid':
        return t('settings.status.notSaved');
      case 'error':
        return t('settings.status.failed', { reason: this.saveError });
      case 'reset':
        return t('settings.reset.done');
      default:
        return '';
    }
  });
  /** Saves run one after another, in the order they were made. */
  #queue: Promise<void> = Promise.resolve();

  constructor(private readonly api: () => LimberApi) {}

  /** Loads the settings (with `settings:get` for the settings window, `hello` for the welcome) and follows main's pushes. */
  connect(first: 'settings:get' | 'hello'): () => void {
    const limber = this.api();
    const off = limber.onPush((m) => {
      if (m.type !== 'settings') return;
      if (m.policy) this.policy = m.policy;
      this.load(m.settings);
      if (m.notice) this.notice = m.notice;
    });
    void limber.request({ type: first }).then((r) => {
      if (!r.ok) return this.fail(r.error);
      if (r.policy) this.policy = r.policy;
      this.load(r.settings);
      if ('notice' in r && r.notice) this.notice = r.notice;
    });
    return off;
  }

  /** True when the organisation manages `key` (a dotted key such as `microBreak.everyMinutes`). */
  locked(key: string): boolean {
    return this.policy?.locked.includes(key) ?? false;
  }

  load(s: Settings): void {
    this.settings = s;
    this.invalid = {};
    this.generation++;
  }

  setInvalid(key: string, bad: boolean): void {
    if (Boolean(this.invalid[key]) === bad) return;
    this.invalid = { ...this.invalid, [key]: bad };
    if (bad) this.saveState = 'invalid';
    else if (this.saveState === 'invalid' && !this.anyInvalid) this.saveState = 'idle';
  }

  /** Every change goes through here: checked against the schema first, so nothing invalid is ever sent. */
  save(patch: Record<string, unknown>): Promise<void> {
    if (!this.settings) return this.#queue;
    if (!applySettingsPatch(this.settings, patch).ok) {
      this.saveState = 'invalid';
      return this.#queue;
    }
    this.saveState = 'saving';
    this.#queue = this.#queue.then(async () => {
      const r = await this.api().request({ type: 'settings:set', patch });
      if (!r.ok) return this.fail(r.error);
      if (r.policy) this.policy = r.policy;
      this.settings = r.settings;
      this.saveState = this.anyInvalid ? 'invalid' : 'saved';
      if (r.notice) this.notice = r.notice;
    });
    return this.#queue;
  }

  /** Asks main to take the keys; null when they are ours, else whether they are taken or not a shortcut at all. */
  async tryShortcut(accelerator: string): Promise<'taken' | 'invalid' | null> {
    const r = await this.api().request({ type: 'shortcut:try', accelerator });
    if (!r.ok) return r.problems?.length ? 'invalid' : 'taken';
    this.settings = r.settings;
    this.saveState = 'saved';
    return null;
  }

  async reset(): Promise<void> {
    const r = await this.api().request({ type: 'settings:reset' });
    if (!r.ok) return this.fail(r.error);
    if (r.policy) this.policy = r.policy;
    this.load(r.settings);
    this.saveState = 'reset';
  }

  private fail(error: string): void {
    this.saveState = 'error';
    this.saveError = error;
  }
}
