// Electron's own notifications (macOS, Windows): actions where the OS shows them, a click starts the break.
import { Notification, type NativeImage } from 'electron';
import type { NotifierPort } from '../ports.ts';

export function createElectronNotifier(icon: NativeImage | string): NotifierPort {
  return {
    notify(req, onAnswer) {
      if (!Notification.isSupported()) {
        onAnswer({ kind: 'failed', reason: 'notifications are not supported here' });
        return;
      }
      const n = new Notification({
        title: req.title,
        body: req.body,
        icon,
        actions: req.actions.map((text) => ({ type: 'button' as const, text })),
      });
      n.on('click', () => onAnswer({ kind: 'clicked' }));
      n.on('action', (_e, index) => onAnswer({ kind: 'action', index }));
      n.on('failed', (_e, error) => onAnswer({ kind: 'failed', reason: error }));
      n.show();
    },
  };
}
