import { readFileSync } from 'node:fs';
import { parseScenario } from '../electron/core/simulation.ts';
import { runDevices } from '../electron/core/sync/simulate-devices.ts';
const r = parseScenario(JSON.parse(readFileSync(process.argv[2]!, 'utf8')));
if (!r.ok) throw new Error(JSON.stringify(r.problems));
const t0 = Date.now();
const res = runDevices({ ...r.scenario, devices: r.scenario.devices!, syncDelaySeconds: r.scenario.syncDelaySeconds ?? 10 });
console.log(Date.now() - t0, 'ms', res.wakeups, res.events.length);
