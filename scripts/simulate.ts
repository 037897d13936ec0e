// `npm run -s simulate -- FILE`: print the timeline of a scenario (docs/simulator.md). The work is in electron/core/simulation.ts.
import { readFileSync } from 'node:fs';
import { simulateText } from '../electron/core/simulation.ts';

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  process.stderr.write('usage: simulate FILE (a scenario JSON file)\n');
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (err) {
  process.stderr.write(`cannot read ${file}: ${(err as Error).message}\n`);
  process.exit(2);
}
const r = simulateText(text);
if (r.code !== 0) {
  process.stderr.write(`${file}: ${r.message.split('\n').join(`\n${file}: `)}\n`);
  process.exit(2);
}
process.stdout.write(r.output);
