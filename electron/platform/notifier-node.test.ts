import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { NotificationAnswer } from '../ports.ts';
import { createNodeNotifier, type NotifyFn } from './notifier-node.ts';

// node-notifier's own option mapping for notify-send: what it turns our options into is what the desktop sees.
const { mapToNotifySend } = createRequire(import.meta.url)('node-notifier/lib/utils.js') as {
  mapToNotifySend: (o: Record<string, unknown>) => Record<string, unknown>;
};

function capture(timeoutSeconds?: number) {
  const sent: Record<string, unknown>[] = [];
  const answers: NotificationAnswer[] = [];
  let fail: (err: Error | null) => void = () => {};
  const notify: NotifyFn = (o, cb) => {
    sent.push({ ...(o as Record<string, unknown>) });
    fail = cb;
  };
  const port = createNodeNotifier({ appName: 'Limber', icon: '/icons/limber.png', ...(timeoutSeconds ? { timeoutSeconds } : {}) }, notify);
  port.notify({ title: 'Limber', body: 'A break in 60 seconds.', actions: [] }, (a) => answers.push(a));
  return { sent, answers, fail: (e: Error | null) => fail(e) };
}

describe('createNodeNotifier', () => {
  it('the bubble stays 10 seconds by default: notify-send gets --expire-time 10000 ms', () => {
    const { sent } = capture();
    expect(mapToNotifySend({ ...sent[0] })['expire-time']).toBe(10_000);
  });

  it('a chosen timeout is passed in seconds', () => {
    const { sent } = capture(4);
    expect(mapToNotifySend({ ...sent[0] })['expire-time']).toBe(4_000);
  });

  it('a notify-send failure is answered as failed with its first line; success says nothing', () => {
    const { answers, fail } = capture();
    fail(null);
    expect(answers).toEqual([]);
    fail(new Error('notify-send: not found\nstack…'));
    expect(answers).toEqual([{ kind: 'failed', reason: 'notify-send: not found' }]);
  });
});
