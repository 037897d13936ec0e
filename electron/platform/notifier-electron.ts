// Electron's own notifications (macOS, Windows): actions where the OS shows them, a click starts the break.
import { Notification, type NativeImage, type NotificationConstructorOptions } from 'electron';
import type { NotificationAnswer, NotifierPort } from '../ports.ts';

/** The part of Electron's Notification used here: passed in so tests can give a fake typed as Electron's API. */
export interface NotificationClass {
  new (options: NotificationConstructorOptions): Pick<Notification, 'on' | 'show' | 'close'>;
  isSupported(): boolean;
}

const MAX_LIVE = 5;

export function createElectronNotifier(icon: NativeImage | string, N: NotificationClass = Notification): NotifierPort {
  // A notification nobody references can be garbage-collected while on screen, and its click is then lost.
  const live = new Set<object>();
  /** The notification on screen for each tag; a new one with the tag takes its place. */
  const tagged = new Map<string, Pick<Notification, 'close'>>();
  return {
    withdraw(tag) {
      tagged.get(tag)?.close();
      tagged.delete(tag);
    },
    notify(req, onAnswer) {
      // Electron cannot change a shown notification's text; showing it again would pop a second toast.
      if (req.update) return;
      if (!N.isSupported()) {
        onAnswer({ kind: 'failed', reason: 'notifications are not supported here' });
        return;
      }
      const n = new N({
        title: req.title,
        body: req.body,
        icon,
        ...(req.quiet ? { silent: true, urgency: 'low' as const } : {}),
        actions: req.actions.map((text) => ({ type: 'button' as const, text })),
      });
      live.add(n);
      if (req.tag !== undefined) {
        tagged.get(req.tag)?.close();
        tagged.set(req.tag, n);
      }
      // 'close' is not guaranteed on every OS: keep only the latest few, which is all a user can still click.
      if (live.size > MAX_LIVE) live.delete(live.values().next().value!);
      let answered = false;
      const answer = (a: NotificationAnswer) => {
        if (answered) return;
        answered = true;
        onAnswer(a);
      };
      n.on('click', () => answer({ kind: 'clicked' }));
      // Electron 45 deprecates the positional index: the event's details carry it.
      n.on('action', (details) => answer({ kind: 'action', index: details.actionIndex }));
      n.on('failed', (_e, error) => answer({ kind: 'failed', reason: error }));
      // Windows also closes a toast when it moves to the Action Center, where it can still be clicked: no gate here.
      n.on('close', () => {
        live.delete(n);
        if (req.tag !== undefined && tagged.get(req.tag) === n) tagged.delete(req.tag);
        if (!answered) onAnswer({ kind: 'dismissed' });
      });
      n.show();
    },
  };
}
