// Desktop notifications through node-notifier (notify-send on Linux). Linux's notify-send has no buttons, so a
// heads-up there is information only; the break prompt itself carries Start / Snooze / Skip.
import notifier from 'node-notifier';
import type { NotifierPort } from '../ports.ts';

export interface NodeNotifierOptions {
  appName: string;
  /** Absolute path of the icon shown beside the text. */
  icon: string;
  /** How long the bubble stays, in ms. */
  timeoutMs?: number;
}

export function createNodeNotifier(opts: NodeNotifierOptions): NotifierPort {
  return {
    notify(req, onAnswer) {
      notifier.notify(
        {
          title: req.title,
          message: req.body,
          icon: opts.icon,
          'app-name': opts.appName,
          time: opts.timeoutMs ?? 10_000,
        } as notifier.Notification,
        (err: Error | null) => {
          if (err) onAnswer({ kind: 'failed', reason: err.message.split('\n')[0] ?? 'notify-send failed' });
        },
      );
    },
  };
}
