// Electronegativity over electron/, offline, for the Electron version we ship. Fails on any HIGH or MEDIUM finding.
// PRELOAD_JS_CHECK only says "review the preload": ours was reviewed — it exposes the IPC contract and nothing else
// (electron/preload.ts), every message is validated in main — so that check is excluded by name.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const version = require('electron/package.json').version;
const reviewed = ['PreloadJSCheck'];
const dir = mkdtempSync(join(tmpdir(), 'limber-eneg-'));
const out = join(dir, 'report.csv');
try {
  execFileSync(
    process.execPath,
    ['--import', pathToFileURL(join(import.meta.dirname, 'electronegativity-offline.mjs')).href, require.resolve('@doyensec/electronegativity/dist/index.js'), '-i', 'electron', '-e', version, '-r', '-x', reviewed.join(','), '-o', out],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1).filter(Boolean);
  const serious = rows.filter((r) => /^[A-Z_]+,\s*"(HIGH|MEDIUM)"/.test(r));
  for (const r of rows) console.log(`electronegativity: ${r.split(',').slice(0, 5).join(',')}`);
  if (serious.length) {
    console.error(`electronegativity: ${serious.length} HIGH/MEDIUM finding(s) in electron/ (Electron ${version})`);
    process.exit(1);
  }
  console.log(`electronegativity: no HIGH or MEDIUM findings in electron/ (Electron ${version}, ${rows.length} lower finding(s))`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
