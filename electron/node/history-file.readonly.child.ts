// Run as an unprivileged user by the read-only folder test: appends into a folder it may not write, says what
// happened, then (told on stdin that it may write now) appends once more and says so again.
import readline from 'node:readline';
import { HistoryFile, HistoryNotWritten } from './history-file.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: history-file.readonly.child.ts DATA_DIR');
// No retry timer: the test decides when the folder becomes writable.
const history = new HistoryFile(dir, { schedule: () => () => {} });
let told = 0;
const problems: string[] = [];
function append(i: number): void {
  try {
    history.append({ at: new Date(Date.UTC(2026, 0, 5, 9, i)).toISOString(), kind: 'micro', outcome: 'completed', seconds: 60, exercises: ['neck-roll'] });
  } catch (e) {
    if (!(e instanceof HistoryNotWritten)) throw e;
    told++;
    problems.push(e.message);
  }
}
const say = (step: string) => process.stdout.write(JSON.stringify({ step, told, problems, waiting: history.waiting, counted: history.readAll().length }) + '\n');

append(0);
append(1);
say('refused');
const lines = readline.createInterface({ input: process.stdin });
lines.once('line', () => {
  append(2);
  say('written');
  lines.close();
});
