// Instance commands go to the running app. How they get there is the app's business (Electron's single-instance
// lock relays argv to the first instance); the command line only needs a function to call.
import type { InstanceCommand } from '../core/commands.ts';
import type { InstanceForwarder, InstanceReply } from '../node/control-socket.ts';

export type { InstanceForwarder, InstanceReply };

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

const nobody: InstanceForwarder = async () => null;
let installed: InstanceForwarder = nobody;

/** Plugs in the real transport (the app wiring does this); `null` restores "no instance". */
export function setInstanceForwarder(f: InstanceForwarder | null): void {
  installed = f ?? nobody;
}

/** Forwards and prints the reply; returns the exit code (1 with "Limber is not running" when nobody answers). */
export async function forwardToInstance(command: InstanceCommand, dataDir: string, io: CliIO, forwarder: InstanceForwarder = installed): Promise<number> {
  let reply: InstanceReply | null;
  try {
    reply = await forwarder(command, dataDir);
  } catch {
    reply = null;
  }
  if (!reply) {
    io.err('Limber is not running\n');
    return 1;
  }
  if (reply.stdout) io.out(reply.stdout);
  if (reply.stderr) io.err(reply.stderr);
  return reply.exitCode;
}
