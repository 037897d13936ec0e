// The freedesktop notifier's bookkeeping: which answer a signal is, when an update is dropped, when it gives up on
// the server. The protocol against real servers is in e2e/linux-heads-up.spec.ts (dunst, notify-osd); here a
// scripted bus plays the server so that its rarer moves (a server gone mid-run, a user closing the bubble) can be made
// on cue, and one test uses a real connection to a socket nobody listens on.
import { describe, expect, it } from 'vitest';
import type { Cancel } from '../core/clock.ts';
import type { NotificationAnswer, NotificationRequest, NotifierPort } from '../core/notifications.ts';
import { createDbus, unwrap, type BusName, type DbusPort, type SignalRule } from './presence/dbus.ts';
import { createFreedesktopNotifier, describeRoute, probeServer } from './notifier-freedesktop.ts';

class ScriptedServer implements DbusPort {
  capabilities = ['actions', 'body'];
  down = false;
  calls: { member: string; body: unknown[] }[] = [];
  private nextId = 7;
  private signals = new Map<string, Set<(body: unknown[]) => void>>();
  call(_bus: BusName, _dest: string, _path: string, _iface: string, member: string, _sig?: string, body: unknown[] = []): Promise<unknown[]> {
    if (this.down) return Promise.reject(new Error('The name org.freedesktop.Notifications is not owned'));
    this.calls.push({ member, body: body.map(unwrap) });
    if (member === 'GetCapabilities') return Promise.resolve([this.capabilities]);
    if (member === 'GetServerInformation') return Promise.resolve(['dunst', 'knopwob', '1.9.0', '1.2']);
    if (member === 'Notify') return Promise.resolve([Number(body[1]) || this.nextId++]);
    return Promise.resolve([]);
  }
  getProperty(): Promise<unknown> {
    return Promise.reject(new Error('not here'));
  }
  onSignal(_bus: BusName, rule: SignalRule, cb: (body: unknown[]) => void): Cancel {
    const set = this.signals.get(rule.member) ?? new Set();
    set.add(cb);
    this.signals.set(rule.member, set);
    return () => set.delete(cb);
  }
  emit(member: 'ActionInvoked' | 'NotificationClosed', body: unknown[]): void {
    for (const cb of this.signals.get(member) ?? []) cb(body);
  }
  notifies() {
    return this.calls.filter((c) => c.member === 'Notify').map((c) => c.body);
  }
  close(): void {}
}

class Fallback implements NotifierPort {
  sent: NotificationRequest[] = [];
  notify(req: NotificationRequest): void {
    this.sent.push(req);
  }
  withdraw(): void {}
}

const HEADS_UP: NotificationRequest = { title: 'Limber', body: 'A movement break starts in 60 seconds.', actions: ['Start now', 'Snooze', 'Skip'], tag: 'heads-up', aboutBreak: true };

function setup(server = new ScriptedServer()) {
  const fallback = new Fallback();
  const logs: string[] = [];
  const n = createFreedesktopNotifier({ bus: server, appName: 'Limber', icon: '/opt/Limber/limber.png', desktopEntry: 'app.limber.Limber', fallback, log: (m) => logs.push(m) });
  const answers: NotificationAnswer[] = [];
  const show = async (req: NotificationRequest = HEADS_UP) => {
    n.notify(req, (a) => answers.push(a));
    await n.idle();
  };
  return { n, server, fallback, answers, show, logs };
}

describe('createFreedesktopNotifier', () => {
  it('sends buttons keyed by index, the body as `default`, the hints, and no timeout for a tagged notification', async () => {
    const { server, show } = setup();
    await show();
    expect(server.notifies()).toEqual([
      [
        'Limber',
        0,
        '/opt/Limber/limber.png',
        'Limber',
        HEADS_UP.body,
        ['0', 'Start now', '1', 'Snooze', '2', 'Skip', 'default', 'Start now'],
        { 'desktop-entry': 'app.limber.Limber', 'image-path': '/opt/Limber/limber.png', urgency: 1, category: 'x-limber.break' },
        0,
      ],
    ]);
  });

  it('a quiet notice has low urgency and no sound, and expires as the server likes', async () => {
    const { server, show } = setup();
    await show({ title: 'Limber', body: 'A break is waiting.', actions: [], quiet: true, aboutBreak: true });
    const [call] = server.notifies();
    expect(call![5]).toEqual([]);
    expect(call![6]).toMatchObject({ urgency: 0, 'suppress-sound': true });
    expect(call![7]).toBe(-1);
  });

  it('an update replaces the tagged notification by its id; withdraw closes that id', async () => {
    const { n, server, show } = setup();
    await show();
    await show({ ...HEADS_UP, body: 'A movement break starts in 45 seconds.', update: true });
    expect(server.notifies().map((c) => c[1])).toEqual([0, 7]);
    n.withdraw('heads-up');
    await n.idle();
    expect(server.calls.at(-1)).toEqual({ member: 'CloseNotification', body: [7] });
  });

  it('answers: `default` is a click, a key an action by index; an unknown key is ignored; one answer only', async () => {
    const { server, show, answers, logs } = setup();
    await show();
    server.emit('ActionInvoked', [7, 'evil']);
    server.emit('ActionInvoked', [7, '3']);
    server.emit('ActionInvoked', [99, '0']);
    expect(answers).toEqual([]);
    expect(logs.filter((l) => l.includes('unknown action'))).toHaveLength(2);
    server.emit('ActionInvoked', [7, '1']);
    server.emit('NotificationClosed', [7, 2]);
    expect(answers).toEqual([{ kind: 'action', index: 1 }]);
    await show({ ...HEADS_UP, tag: 'other' });
    server.emit('ActionInvoked', [8, 'default']);
    expect(answers.at(-1)).toEqual({ kind: 'clicked' });
  });

  it('closed by the user: dismissed, and a later update is dropped rather than bringing it back', async () => {
    const { server, show, answers } = setup();
    await show();
    server.emit('NotificationClosed', [7, 2]);
    expect(answers).toEqual([{ kind: 'dismissed' }]);
    await show({ ...HEADS_UP, update: true });
    expect(server.notifies()).toHaveLength(1);
  });

  it('withdrawn by Limber: no answer when the server reports it closed (reason 3)', async () => {
    const { n, server, show, answers } = setup();
    await show();
    n.withdraw('heads-up');
    await n.idle();
    server.emit('NotificationClosed', [7, 3]);
    expect(answers).toEqual([]);
  });

  it('a server without `actions` gets nothing: everything goes to the fallback, withdraw too', async () => {
    const server = new ScriptedServer();
    server.capabilities = ['body'];
    const { n, fallback, show } = setup(server);
    await show();
    expect(fallback.sent).toEqual([HEADS_UP]);
    expect(server.notifies()).toEqual([]);
    expect(describeRoute(await n.route())).toBe('notify-send, no buttons: dunst shows no buttons (no "actions" capability)');
  });

  it('a server gone mid-run: that notification goes to the fallback, and the server is asked again next time', async () => {
    const { server, fallback, show } = setup();
    await show();
    server.down = true;
    await show({ ...HEADS_UP, tag: 'x' });
    expect(fallback.sent).toHaveLength(1);
    server.down = false;
    await show({ ...HEADS_UP, tag: 'y' });
    expect(server.calls.filter((c) => c.member === 'GetCapabilities')).toHaveLength(2);
    expect(server.notifies()).toHaveLength(2);
  });
});

describe('probeServer on a real connection', () => {
  it('no session bus: the fallback, saying so', async () => {
    const bus = createDbus(() => {}, { session: 'unix:path=/nonexistent/limber-test-bus' });
    try {
      const route = await probeServer(bus);
      expect(route.kind).toBe('fallback');
      expect(describeRoute(route)).toMatch(/^notify-send, no buttons: no session bus \(.*ENOENT/);
    } finally {
      bus.close();
    }
  });
});
