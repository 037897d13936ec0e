// Loads and saves settings in the given folder and prints the results as JSON: lets a test run the store as
// another (unprivileged) user, where a read-only folder really is read-only.
import { defaultSettings } from '../core/settings.ts';
import { SettingsFile } from './settings-file.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: settings-file.child.ts DIR');
const store = new SettingsFile({ dataDir: dir });
const load = store.load();
const save = store.save({ ...defaultSettings(), snoozeMinutes: 9 });
process.stdout.write(JSON.stringify({ load, save }));
