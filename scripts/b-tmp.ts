import { runDevices } from '../electron/core/sync/simulate-devices.ts';
import { twoDevicesDay } from '../bench/two-devices.ts';
const sc = twoDevicesDay();
const r = runDevices(sc);
console.log(r.wakeups);
