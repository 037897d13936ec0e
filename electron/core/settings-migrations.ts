// Versioned upgrades of the stored settings object. Pure: each step maps plain data to plain data, and is
// idempotent (it only acts on keys of the older format), so running it twice or on a current file changes nothing.

/** The settings file format written by this version (conf's `projectVersion`). */
export const SETTINGS_VERSION = '0.1.0';

type Data = Record<string, unknown>;

function isRecord(x: unknown): x is Data {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Moves `data[from]` to the nested `data[group][key]`, unless the new place already has a value. */
function moveInto(data: Data, from: string, group: string, key: string): void {
  if (!(from in data)) return;
  const value = data[from];
  delete data[from];
  const target = isRecord(data[group]) ? { ...data[group] } : {};
  if (!(key in target)) target[key] = value;
  data[group] = target;
}

function rename(data: Data, from: string, to: string): void {
  if (!(from in data)) return;
  if (!(to in data)) data[to] = data[from];
  delete data[from];
}

/**
 * 0.0.x kept everything flat: `breakEveryMinutes`, `breakSeconds`, `longBreakEvery`, `longBreakMinutes`,
 * `warnSeconds`, `idleMinutes`, `hotkey`, `launchAtLogin`, and `workHours: { from, to, weekdays }`.
 */
function from00x(input: Data): Data {
  const data: Data = { ...input };
  moveInto(data, 'breakEveryMinutes', 'microBreak', 'everyMinutes');
  moveInto(data, 'breakSeconds', 'microBreak', 'durationSeconds');
  moveInto(data, 'longBreakEvery', 'longBreak', 'everyNth');
  moveInto(data, 'longBreakMinutes', 'longBreak', 'durationMinutes');
  rename(data, 'warnSeconds', 'headsUpSeconds');
  rename(data, 'idleMinutes', 'awayAfterMinutes');
  rename(data, 'hotkey', 'shortcut');
  rename(data, 'launchAtLogin', 'startAtLogin');
  if (isRecord(data['workHours'])) {
    const wh: Data = { ...data['workHours'] };
    rename(wh, 'from', 'start');
    rename(wh, 'to', 'end');
    rename(wh, 'weekdays', 'days');
    data['workHours'] = wh;
  }
  return data;
}

/** Steps by the version that introduced them, oldest first (conf's `migrations` keys). */
export const SETTINGS_MIGRATIONS: Readonly<Record<string, (data: Data) => Data>> = {
  '0.1.0': from00x,
};

/** Every step in order: for reading a file where conf cannot run its migrations (a read-only folder). */
export function migrateSettingsData(data: Data): Data {
  return Object.values(SETTINGS_MIGRATIONS).reduce((d, step) => step(d), data);
}
