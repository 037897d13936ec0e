// Desktop notifications through node-notifier (notify-send on Linux). Linux's notify-send has no buttons, so a
// heads-up there is information only; the break prompt itself carries Start / Snooze / Skip.
import notifier from 'node-notifier';
import type { NotifierPort } from '../ports.ts';

export interface NodeNotifierOptions {
  appName: string;
  /** Absolute path of the icon shown beside the text. */
  icon: string;
  /** How long the bubble stays, in seconds: node-notifier multiplies `time` by 1000 for notify-send. */
  timeoutSeconds?: number;
}

export type NotifyFn = (options: notifier.Notification, cb: (err: Error | null) => void) => unknown;

export function createNodeNotifier(opts: NodeNotifierOptions, notify: NotifyFn = (o, cb) => notifier.notify(o, cb)): NotifierPort {
  return {
    notify(req, onAnswer) {
      notify(
        {
          title: req.title,
          message: req.body,
          icon: opts.icon,
          'app-name': opts.appName,
          time: opts.timeoutSeconds ?? 10,
        } as notifier.Notification,
        (err: Error | null) => {
          if (err) onAnswer({ kind: 'failed', reason: err.message.split('\n')[0] ?? 'notify-send failed' });
        },
      );
    },
  };
}
