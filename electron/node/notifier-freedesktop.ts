// Linux notifications over the freedesktop protocol (org.freedesktop.Notifications on the session bus): buttons as
// actions, a click on the body as the `default` action, one bubble per tag replaced in place (`replaces_id`) and
// taken back with CloseNotification. Where the server shows no buttons (no `actions` capability) or there is no
// session bus, every notification goes to the fallback (node-notifier → notify-send), as before.
import type { NotificationAnswer, NotificationRequest, NotifierPort } from '../core/notifications.ts';
import { variant, type DbusPort } from './presence/dbus.ts';

const DEST = 'org.freedesktop.Notifications';
const PATH = '/org/freedesktop/Notifications';
const IFACE = 'org.freedesktop.Notifications';
/** NotificationClosed's reason when the app itself closed it (CloseNotification): nobody answered. */
const CLOSED_BY_CALL = 3;
/** The spec's `category` names classes such as "presence" or "im"; a break reminder is none of them. */
export const BREAK_CATEGORY = 'x-limber.break';
/**
 * How long a call to the server may take on the notifier's own bus connection. Longer than the presence sources'
 * 500 ms: a Notify that times out is sent again through notify-send, and a late first one would then make two bubbles.
 */
export const NOTIFICATION_CALL_MS = 3_000;

export interface NotificationServer {
  name: string;
  vendor: string;
  version: string;
  capabilities: string[];
}

/** Where notifications go: the server over D-Bus with buttons, or the fallback and why. */
export type NotifierRoute = { kind: 'dbus'; server: NotificationServer } | { kind: 'fallback'; server: NotificationServer | null; why: string };

export interface FreedesktopNotifierOptions {
  bus: DbusPort;
  appName: string;
  /** Absolute path of the icon. */
  icon: string;
  /** The .desktop file's name without `.desktop`: the desktop finds the app's name and icon through it. */
  desktopEntry: string;
  /** Where notifications go when the server shows no buttons or cannot be reached. */
  fallback: NotifierPort;
  log?: (message: string) => void;
}

export interface FreedesktopNotifier extends NotifierPort {
  /** Asks the server once (again after a failure): what it is and whether it shows buttons. */
  route(): Promise<NotifierRoute>;
  /** Stops listening to the bus's signals. */
  stop(): void;
  /** Resolves once every call asked for so far has been made (before closing the bus on quit). */
  idle(): Promise<void>;
}

interface Shown {
  actions: number;
  onAnswer: (a: NotificationAnswer) => void;
  answered: boolean;
  tag: string | undefined;
}

/** Asks the server what it is and what it can do; anything unreachable becomes a fallback with its reason. */
export async function probeServer(bus: DbusPort): Promise<NotifierRoute> {
  let capabilities: string[];
  try {
    const [caps] = await bus.call('session', DEST, PATH, IFACE, 'GetCapabilities');
    capabilities = Array.isArray(caps) ? caps.filter((c): c is string => typeof c === 'string') : [];
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { kind: 'fallback', server: null, why: /no session bus|ENOENT|ECONNREFUSED|DBUS_SESSION_BUS_ADDRESS/i.test(why) ? `no session bus (${why})` : `no notification server answered (${why})` };
  }
  let server: NotificationServer = { name: 'the notification server', vendor: '', version: '', capabilities };
  try {
    const [name, vendor, version] = await bus.call('session', DEST, PATH, IFACE, 'GetServerInformation');
    server = { name: String(name), vendor: String(vendor), version: String(version), capabilities };
  } catch {
    // The name is only for doctor's words; capabilities decide.
  }
  return capabilities.includes('actions') ? { kind: 'dbus', server } : { kind: 'fallback', server, why: `${server.name} shows no buttons (no "actions" capability)` };
}

/** doctor's line: where notifications go here and whether they have buttons. */
export function describeRoute(route: NotifierRoute): string {
  if (route.kind === 'dbus') return `${serverName(route.server)} over D-Bus (buttons)`;
  return `notify-send, no buttons: ${route.why}`;
}

function serverName(s: NotificationServer): string {
  return s.version ? `${s.name} ${s.version}` : s.name;
}

export function createFreedesktopNotifier(opts: FreedesktopNotifierOptions): FreedesktopNotifier {
  const { bus } = opts;
  const log = opts.log ?? (() => {});
  const shown = new Map<number, Shown>();
  const tagged = new Map<string, number>();
  let routing: Promise<NotifierRoute> | null = null;
  let unsubscribe: (() => void)[] = [];
  // Every call goes through one queue: an update needs the id its first Notify returned, a withdraw must follow it.
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = (job: () => Promise<void>) => {
    queue = queue.then(job).catch((e: unknown) => log(`notification: ${e instanceof Error ? e.message : String(e)}`));
  };

  const answer = (id: number, a: NotificationAnswer) => {
    const s = shown.get(id);
    if (!s || s.answered) return;
    s.answered = true;
    s.onAnswer(a);
  };
  const forget = (id: number) => {
    const s = shown.get(id);
    shown.delete(id);
    if (s?.tag !== undefined && tagged.get(s.tag) === id) tagged.delete(s.tag);
  };

  const subscribe = () => {
    if (unsubscribe.length) return;
    const rule = (member: string) => ({ sender: DEST, path: PATH, iface: IFACE, member });
    unsubscribe = [
      bus.onSignal('session', rule('ActionInvoked'), ([id, key]) => {
        const s = shown.get(Number(id));
        if (!s) return;
        if (key === 'default') return answer(Number(id), { kind: 'clicked' });
        const index = Number(key);
        if (Number.isInteger(index) && index >= 0 && index < s.actions) answer(Number(id), { kind: 'action', index });
        else log(`notification: ignored an unknown action ${JSON.stringify(key)}`);
      }),
      bus.onSignal('session', rule('NotificationClosed'), ([id, reason]) => {
        if (Number(reason) !== CLOSED_BY_CALL) answer(Number(id), { kind: 'dismissed' });
        forget(Number(id));
      }),
    ];
  };

  const route = (): Promise<NotifierRoute> => {
    routing ??= probeServer(bus).then((r) => {
      if (r.kind === 'dbus') subscribe();
      else log(`notifications: ${describeRoute(r)}`);
      return r;
    });
    return routing;
  };

  const hints = (req: NotificationRequest) => ({
    'desktop-entry': variant('s', opts.desktopEntry),
    // A plain path, as notify-send sends it: servers take it as readily as a file:// URI, and some only a path.
    'image-path': variant('s', opts.icon),
    urgency: variant('y', req.quiet ? 0 : 1),
    ...(req.aboutBreak ? { category: variant('s', BREAK_CATEGORY) } : {}),
    ...(req.quiet ? { 'suppress-sound': variant('b', true) } : {}),
  });

  const send = async (req: NotificationRequest, onAnswer: (a: NotificationAnswer) => void) => {
    const previous = req.tag === undefined ? undefined : tagged.get(req.tag);
    // The user closed it (or it expired): a new text must not bring it back.
    if (req.update && previous === undefined) return;
    // The body's click is the `default` action; buttons are keyed by their index, which the answer names.
    const actions = req.actions.flatMap((label, i) => [String(i), label]);
    if (req.actions.length) actions.push('default', req.actions[0]!);
    // A tagged notification stays until it is answered or withdrawn; others go after the server's own time.
    const timeout = req.tag === undefined ? -1 : 0;
    const [id] = await bus.call('session', DEST, PATH, IFACE, 'Notify', 'susssasa{sv}i', [
      opts.appName,
      previous ?? 0,
      opts.icon,
      req.title,
      req.body,
      actions,
      hints(req),
      timeout,
    ]);
    const n = Number(id);
    if (previous !== undefined && previous !== n) forget(previous);
    // A replaced notification's earlier answer is gone with its text: the new request is the one answered.
    shown.set(n, { actions: req.actions.length, onAnswer, answered: false, tag: req.tag });
    if (req.tag !== undefined) tagged.set(req.tag, n);
  };

  return {
    route,
    notify(req, onAnswer) {
      enqueue(async () => {
        const r = await route();
        if (r.kind === 'fallback') return opts.fallback.notify(req, onAnswer);
        try {
          await send(req, onAnswer);
        } catch (e) {
          // The server went away: ask again next time, and let this one through the fallback.
          routing = null;
          log(`notification over D-Bus failed (${e instanceof Error ? e.message : String(e)}); using notify-send`);
          opts.fallback.notify(req, onAnswer);
        }
      });
    },
    withdraw(tag) {
      enqueue(async () => {
        const r = await route();
        if (r.kind === 'fallback') return opts.fallback.withdraw(tag);
        const id = tagged.get(tag);
        if (id === undefined) return;
        forget(id);
        // Already gone (answered, or closed by the user a moment ago): the server says so with an error, which is fine.
        await bus.call('session', DEST, PATH, IFACE, 'CloseNotification', 'u', [id]).catch(() => {});
      });
    },
    idle: () => queue.then(() => {}),
    stop() {
      for (const u of unsubscribe) u();
      unsubscribe = [];
    },
  };
}
