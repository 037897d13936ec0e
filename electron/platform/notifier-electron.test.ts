import type { Notification, NotificationConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { NotificationAnswer } from '../ports.ts';
import { createElectronNotifier, type NotificationClass } from './notifier-electron.ts';

vi.mock('electron', () => ({}));

type Part = Pick<Notification, 'on' | 'show' | 'close'>;

function fakeNotificationClass(supported = true) {
  const made: FakeNotification[] = [];
  class FakeNotification implements Part {
    static isSupported = () => supported;
    shown = false;
    listeners = new Map<string, (...args: never[]) => void>();
    constructor(readonly options: NotificationConstructorOptions) {
      made.push(this);
    }
    // never[] accepts every listener shape Electron's overloads declare; the returned object is only for chaining.
    on(event: string, listener: (...args: never[]) => void): Notification {
      this.listeners.set(event, listener);
      return this as unknown as Notification;
    }
    show(): void {
      this.shown = true;
    }
    closed = false;
    close(): void {
      this.closed = true;
    }
    /** Fire an event as Electron would: the event object first, then its arguments. */
    fire(event: string, ...args: unknown[]): void {
      this.fireWith(event, {}, ...args);
    }
    /** The same with the event's details filled in, as Electron 45 gives them to 'action'. */
    fireWith(event: string, details: object, ...args: unknown[]): void {
      (this.listeners.get(event) as ((...a: unknown[]) => void) | undefined)?.(details, ...args);
    }
  }
  const N: NotificationClass = FakeNotification;
  return { N, made };
}

const REQ = { title: 'Limber', body: 'A movement break starts in 60 seconds.', actions: ['Start now', 'Snooze', 'Skip'] };

function send(supported = true) {
  const { N, made } = fakeNotificationClass(supported);
  const answers: NotificationAnswer[] = [];
  createElectronNotifier('/icons/limber.png', N).notify(REQ, (a) => answers.push(a));
  return { n: made[0], answers };
}

describe('createElectronNotifier', () => {
  it('shows the title, body, icon and one button per action', () => {
    const { n } = send();
    expect(n!.shown).toBe(true);
    expect(n!.options).toEqual({
      title: 'Limber',
      body: REQ.body,
      icon: '/icons/limber.png',
      actions: [
        { type: 'button', text: 'Start now' },
        { type: 'button', text: 'Snooze' },
        { type: 'button', text: 'Skip' },
      ],
    });
  });

  it.each([0, 1, 2])('action button %i answers with details.actionIndex (the positional index is deprecated)', (index) => {
    const { n, answers } = send();
    n!.fireWith('action', { actionIndex: index, selectionIndex: -1 });
    expect(answers).toEqual([{ kind: 'action', index }]);
  });

  it('a click answers "clicked" (it starts the break)', () => {
    const { n, answers } = send();
    n!.fire('click');
    expect(answers).toEqual([{ kind: 'clicked' }]);
  });

  it('one answer per notification: a click after an action is not a second start', () => {
    const { n, answers } = send();
    n!.fireWith('action', { actionIndex: 1, selectionIndex: -1 }, 1);
    n!.fire('click');
    n!.fire('close');
    expect(answers).toEqual([{ kind: 'action', index: 1 }]);
  });

  it('closed unanswered: dismissed', () => {
    const { n, answers } = send();
    n!.fire('close');
    expect(answers).toEqual([{ kind: 'dismissed' }]);
  });

  it('failed to show (Windows): failed with the reason, nothing thrown', () => {
    const { n, answers } = send();
    n!.fire('failed', 'toast blocked by focus assist');
    expect(answers).toEqual([{ kind: 'failed', reason: 'toast blocked by focus assist' }]);
  });

  it('notifications not supported: failed at once, nothing shown', () => {
    const { n, answers } = send(false);
    expect(n).toBeUndefined();
    expect(answers).toEqual([{ kind: 'failed', reason: 'notifications are not supported here' }]);
  });
});

describe('createElectronNotifier: a tagged notification', () => {
  it('a second one with the tag closes the first; withdraw closes the one shown; an update is not a second toast', () => {
    const { N, made } = fakeNotificationClass();
    const port = createElectronNotifier('/icons/limber.png', N);
    port.notify({ ...REQ, tag: 'heads-up' }, () => {});
    port.notify({ ...REQ, tag: 'heads-up', update: true }, () => {});
    expect(made).toHaveLength(1);
    port.notify({ ...REQ, tag: 'heads-up' }, () => {});
    expect(made.map((n) => n.closed)).toEqual([true, false]);
    port.withdraw('heads-up');
    expect(made[1]!.closed).toBe(true);
  });
});
