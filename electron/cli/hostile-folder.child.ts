// Child process for hostile-folder.test.ts: runs stats, export and doctor on a data folder, then reads the history
// as the app does at start-up, and prints what each did as JSON. A reader that blocks shows as the parent's timeout.
import { HistoryFile } from '../node/history-file.ts';
import { runCli } from './run.ts';

const dir = process.argv[2]!;
const results: Record<string, unknown> = {};
for (const command of ['stats', 'export', 'doctor']) {
  let out = '';
  let err = '';
  const code = await runCli([command, '--user-data-dir', dir], { out: (t) => (out += t), err: (t) => (err += t), desktop: async () => '' });
  results[command] = { code, out: out.slice(0, 4000), err };
}
const told: string[] = [];
const records = new HistoryFile(dir, { onUnreadable: (m) => told.push(m) }).readAll();
results['app'] = { records: records.length, told };
process.stdout.write(JSON.stringify(results));
