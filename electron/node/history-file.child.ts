// Appends N records to a history file as fast as it can: one of the writers in the concurrent-writers test.
import { appendRecord } from './history-file.ts';

const [file, countText, tag] = process.argv.slice(2);
if (!file || !countText || !tag) throw new Error('usage: history-file.child.ts FILE COUNT TAG');
const start = Date.parse('2026-01-01T00:00:00Z');
for (let i = 0; i < Number(countText); i++) {
  appendRecord(file, { at: new Date(start + i * 1000).toISOString(), kind: 'micro', outcome: 'completed', seconds: 60, exercises: [`${tag}-${i}`] });
}
