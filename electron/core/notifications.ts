// The notifier port: what the app asks of desktop notifications, whichever adapter shows them (Electron's own,
// the freedesktop protocol over D-Bus, node-notifier). Here rather than in ports.ts because a Node adapter
// implements it, and the core is what both layers may import.

export interface NotificationRequest {
  title: string;
  body: string;
  /** Button labels, where the platform shows them; the answer names the index. */
  actions: string[];
  /**
   * Notifications with the same tag are one: a later one replaces the earlier in place (not a second bubble), and
   * `withdraw(tag)` takes it back. Untagged notifications stand alone.
   */
  tag?: string;
  /** A new text for the tagged notification still on screen: dropped where it cannot replace in place, or is gone. */
  update?: boolean;
  /** About a break (heads-up, hold notice) rather than about Limber itself: the desktop may sort it so. */
  aboutBreak?: boolean;
  /** Low urgency and no sound: news that needs no answer now. */
  quiet?: boolean;
}

export type NotificationAnswer = { kind: 'clicked' } | { kind: 'action'; index: number } | { kind: 'dismissed' } | { kind: 'failed'; reason: string };

export interface NotifierPort {
  notify(req: NotificationRequest, onAnswer: (a: NotificationAnswer) => void): void;
  /** Take back the notification with this tag if it is still shown (a no-op where the platform cannot). */
  withdraw(tag: string): void;
}
