// `limber COMMAND` (in development: npm run -s cli -- COMMAND).
import { socketForwarder } from '../node/control-socket.ts';
import { runCli } from './run.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  forwarder: socketForwarder,
});
