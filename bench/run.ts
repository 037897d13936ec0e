// `npm run bench [-- --json]`: Limber's performance figures (keys in DESIGN §4). Ratios and figures, never pass/fail.
import { resolve } from 'node:path';
import { benchRendererSize } from './renderer-size.ts';

const root = resolve(import.meta.dirname, '..');
const json = process.argv.includes('--json');

type Figures = Record<string, number>;
const figures: Figures = {};
const steps: [string, () => Promise<Figures> | Figures][] = [['renderer size', () => benchRendererSize(resolve(root, 'out/renderer'))]];

for (const [name, run] of steps) {
  try {
    Object.assign(figures, await run());
  } catch (e) {
    console.error(`bench: ${name} failed: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}

if (json) {
  console.log(JSON.stringify(figures));
} else {
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(width)}  ${Number.isInteger(v) ? v : v.toFixed(2)}`);
}
