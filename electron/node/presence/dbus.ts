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

function matchRule(r: SignalRule): string {
  return [`type='signal'`, r.sender ? `sender='${r.sender}'` : '', `path='${r.path}'`, `interface='${r.iface}'`, `member='${r.member}'`]
    .filter(Boolean)
    .join(',');
}

/** `addresses` overrides DBUS_SESSION_BUS_ADDRESS / DBUS_SYSTEM_BUS_ADDRESS (tests run private buses). */
export function createDbus(log: (m: string) => void = () => {}, addresses: { session?: string; system?: string } = {}): DbusPort {
  const buses = new Map<BusName, dbus.MessageBus>();
  const bus = (name: BusName): dbus.MessageBus => {
    let b = buses.get(name);
    if (!b) {
      const busAddress = addresses[name];
      // systemBus() takes no address option; sessionBus() connects to any address it is given.
      b = name === 'system' ? (busAddress ? dbus.sessionBus({ busAddress }) : dbus.systemBus()) : dbus.sessionBus(busAddress ? { busAddress } : {});
      // A bus that goes away must not bring the app down: later calls fail and their sources answer unknown.
      b.on('error', (e: unknown) => {
        log(`D-Bus ${name} bus: ${e instanceof Error ? e.message : String(e)}`);
        buses.delete(name);
      });
      buses.set(name, b);
    }
    return b;
  };
  const call: DbusPort['call'] = async (busName, dest, path, iface, member, signature, body) => {
    const reply = await bus(busName).call(
      new dbus.Message({ destination: dest, path, interface: iface, member, ...(signature ? { signature, body: body ?? [] } : {}) }),
    );
    return (reply?.body ?? []).map(unwrap);
  };
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
