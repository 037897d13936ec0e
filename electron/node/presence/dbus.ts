// A small D-Bus port over @particle/dbus-next (pure JavaScript): method calls, properties and signals by their
// low-level messages, so no introspection round-trip and nothing to compile. Buses connect on first use.
import dbus from '@particle/dbus-next';
import type { Cancel } from '../../core/clock.ts';

export type BusName = 'session' | 'system';

export interface SignalRule {
  /** Well-known or unique name of the sender; the bus daemon resolves it. */
  sender?: string;
  path: string;
  iface: string;
  member: string;
}

export interface DbusPort {
  call(bus: BusName, dest: string, path: string, iface: string, member: string, signature?: string, body?: unknown[]): Promise<unknown[]>;
  getProperty(bus: BusName, dest: string, path: string, iface: string, name: string): Promise<unknown>;
  /** Subscribe to a signal; the callback gets its arguments (variants unwrapped). */
  onSignal(bus: BusName, rule: SignalRule, cb: (body: unknown[]) => void): Cancel;
  close(): void;
}

/** Variants arrive as `{signature, value}` (also inside dictionaries such as PropertiesChanged's); adapters want values. */
export function unwrap(v: unknown): unknown {
  if (v instanceof dbus.Variant) return unwrap(v.value);
  if (Array.isArray(v)) return v.map(unwrap);
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrap(x)]));
  }
  return v;
}

/** A typed value for a variant argument (a notification's hints): the signature says what the bus carries. */
export function variant(signature: string, value: unknown): unknown {
  return new dbus.Variant(signature, value);
}

function matchRule(r: SignalRule): string {
  return [`type='signal'`, r.sender ? `sender='${r.sender}'` : '', `path='${r.path}'`, `interface='${r.iface}'`, `member='${r.member}'`]
    .filter(Boolean)
    .join(',');
}

/** `addresses` overrides DBUS_SESSION_BUS_ADDRESS / DBUS_SYSTEM_BUS_ADDRESS (tests run private buses). */
export function createDbus(log: (m: string) => void = () => {}, addresses: { session?: string; system?: string } = {}, callTimeoutMs = 500): DbusPort {
  const buses = new Map<BusName, dbus.MessageBus>();
  /** A bus that failed to connect: calls on it are refused at once instead of waiting forever. */
  const failed = new Map<BusName, string>();
  const bus = (name: BusName): dbus.MessageBus => {
    let b = buses.get(name);
    if (!b) {
      const busAddress = addresses[name];
      // systemBus() takes no address option; sessionBus() connects to any address it is given.
      b = name === 'system' ? (busAddress ? dbus.sessionBus({ busAddress }) : dbus.systemBus()) : dbus.sessionBus(busAddress ? { busAddress } : {});
      // A bus that goes away must not bring the app down: later calls fail and their sources answer unknown.
      b.on('error', (e: unknown) => {
        const why = e instanceof Error ? e.message : String(e);
        log(`D-Bus ${name} bus: ${why}`);
        failed.set(name, why);
        buses.delete(name);
      });
      buses.set(name, b);
    }
    return b;
  };
  const call: DbusPort['call'] = (busName, dest, path, iface, member, signature, body) =>
    new Promise((resolve, reject) => {
      const down = failed.get(busName);
      if (down) return reject(new Error(`no ${busName} bus: ${down}`));
      let b: dbus.MessageBus;
      try {
        b = bus(busName);
      } catch (e) {
        return reject(e as Error);
      }
      // A bus that cannot connect never answers: fail with it, or after the limit.
      const onError = (e: unknown) => finish(() => reject(e instanceof Error ? e : new Error(String(e))));
      const timer = setTimeout(() => finish(() => reject(new Error(`${dest} did not answer ${member} in time`))), callTimeoutMs);
      const finish = (f: () => void) => {
        clearTimeout(timer);
        b.removeListener('error', onError);
        f();
      };
      b.on('error', onError);
      b.call(new dbus.Message({ destination: dest, path, interface: iface, member, ...(signature ? { signature, body: body ?? [] } : {}) })).then(
        (reply) => finish(() => resolve((reply?.body ?? []).map(unwrap))),
        (e: unknown) => finish(() => reject(e instanceof Error ? e : new Error(String(e)))),
      );
    });
  return {
    call,
    async getProperty(busName, dest, path, iface, name) {
      const [v] = await call(busName, dest, path, 'org.freedesktop.DBus.Properties', 'Get', 'ss', [iface, name]);
      return v;
    },
    onSignal(busName, rule, cb) {
      let b: dbus.MessageBus;
      try {
        b = bus(busName);
      } catch (e) {
        log(`D-Bus ${busName} bus: ${(e as Error).message}`);
        return () => {};
      }
      const text = matchRule(rule);
      const dbusCall = (member: 'AddMatch' | 'RemoveMatch') =>
        call(busName, 'org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus', member, 's', [text]).catch((e: Error) =>
          log(`D-Bus ${member} ${text}: ${e.message}`),
        );
      void dbusCall('AddMatch');
      const handler = (msg: dbus.Message) => {
        if (msg.type !== dbus.MessageType.SIGNAL || msg.path !== rule.path || msg.interface !== rule.iface || msg.member !== rule.member) return;
        cb((msg.body ?? []).map(unwrap));
      };
      b.on('message', handler);
      return () => {
        b.removeListener('message', handler);
        if (buses.get(busName) === b) void dbusCall('RemoveMatch');
      };
    },
    close() {
      for (const b of buses.values()) b.disconnect();
      buses.clear();
    },
  };
}
