// `npm run policy-templates`: writes the admin templates generated from the settings schema to dist/policy/
// (electron/node/policy/templates.ts makes them; docs/deploying.md says where each goes).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { policyTemplateFiles } from '../electron/node/policy/templates.ts';

const out = resolve(import.meta.dirname, '..', 'dist', 'policy');
for (const [file, text] of Object.entries(policyTemplateFiles())) {
  const target = join(out, file);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  process.stdout.write(`wrote ${join('dist', 'policy', file)}\n`);
}
