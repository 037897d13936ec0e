// Desktop notifications through node-notifier (notify-send on Linux): the fallback where the notification server
// shows no buttons or the session bus cannot be reached (node/notifier-freedesktop.ts). notify-send has no buttons
// and cannot replace or take back a bubble, so a heads-up is information only and its updates are dropped rather
// than stacked; the break prompt itself carries Start / Snooze / Skip.
import notifier from 'node-notifier';
import type { NotifierPort } from '../ports.ts';

export interface NodeNotifierOptions {
  appName: string;
  /** Absolute path of the icon shown beside the text. */
  icon: string;
  /** How long the bubble stays, in seconds: node-notifier multiplies `time` by 1000 for notify-send. */
  timeoutSeconds?: number;
  /** The .desktop file's name without `.desktop`, passed as notify-send's `desktop-entry` hint. */
  desktopEntry?: string;
}

export type NotifyFn = (options: notifier.Notification, cb: (err: Error | null) => void) => unknown;

export function createNodeNotifier(opts: NodeNotifierOptions, notify: NotifyFn = (o, cb) => notifier.notify(o, cb)): NotifierPort {
  return {
    notify(req, onAnswer) {
      if (req.update) return;
      notify(
        {
          title: req.title,
          message: req.body,
          icon: opts.icon,
          'app-name': opts.appName,
          time: opts.timeoutSeconds ?? 10,
          urgency: req.quiet ? 'low' : 'normal',
          ...(req.aboutBreak ? { category: 'x-limber.break' } : {}),
          ...(opts.desktopEntry ? { hint: `string:desktop-entry:${opts.desktopEntry}` } : {}),
        } as notifier.Notification,
        (err: Error | null) => {
          if (err) onAnswer({ kind: 'failed', reason: err.message.split('\n')[0] ?? 'notify-send failed' });
        },
      );
    },
    withdraw() {},
  };
}
