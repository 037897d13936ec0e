// Instance commands go to the running app. How they get there is the app's business (Electron's single-instance
// lock relays argv to the first instance); the command line only needs a function to call.
import type { InstanceCommand } from '../core/commands.ts';
import type { InstanceForwarder, InstanceReply } from '../node/control-socket.ts';

export type { InstanceForwarder, InstanceReply };

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

// Escape sequences (ESC [ … final, ESC ] … BEL or ESC \\, and the like) set window titles, write the clipboard and
// more; whatever answers on the socket is text for the user, never commands for the terminal.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ESCAPE_SEQUENCE = /\x1b(?:\[[0-?]*[ -/]*[@-~]|[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?|[ -~]?)|\x9b[0-?]*[ -/]*[@-~]|[\x9d\x90\x98\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x9c)?/g;
// Other C0 and C1 controls and DEL; line breaks and tabs stay (a status has lines and columns).
// eslint-disable-next-line no-control-regex -- as above
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** `text` with every escape sequence and control character removed but newlines and tabs. */
export function terminalSafe(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
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
  if (reply.stdout) io.out(terminalSafe(reply.stdout));
  if (reply.stderr) io.err(terminalSafe(reply.stderr));
  return reply.exitCode;
}
