// The statistics and export windows' requests: read the history, answer in the user's calendar.
import { computeStats, localDateKeyer, toCsv, toJson, weekStartOf, type Stats } from '../core/stats.ts';
import type { DeviceChoice, HistoryExport } from '../ipc.ts';
import type { Ports } from '../ports.ts';

type DataPorts = Pick<Ports, 'clock' | 'history'>;

function zoneOrLocal(timeZone: string | undefined): string {
  return timeZone ?? new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Statistics over whole weeks ending this week, so the chart's first week is never cut short. */
export function statsFor(ports: DataPorts, timeZone: string | undefined, days: number): Stats {
  return statsByDevice(ports, timeZone, days).stats;
}

/**
 * The statistics of every computer's records, or of one computer's (`device`), and each computer's totals when the
 * history has more than one (the statistics window's breakdown and filter). `names` names the ids it knows.
 */
export function statsByDevice(
  ports: DataPorts,
  timeZone: string | undefined,
  days: number,
  device?: string,
  names: ReadonlyMap<string, string> = new Map(),
): { stats: Stats; devices: (DeviceChoice & { total: Stats['total'] })[] } {
  const now = ports.clock.now();
  const zone = zoneOrLocal(timeZone);
  const today = localDateKeyer(zone)(now);
  const sinceMonday = Math.round((Date.parse(today) - Date.parse(weekStartOf(today))) / 86_400_000);
  const span = (Math.ceil(days / 7) - 1) * 7 + sinceMonday + 1;
  const all = ports.history.readAll();
  const opts = { now, days: span, timeZone: zone };
  const ids = [...new Set(all.map((r) => r.device).filter((d): d is string => d !== undefined))];
  const devices =
    ids.length < 2
      ? []
      : ids
          .map((id) => ({ id, name: names.get(id) ?? id.slice(0, 8), total: computeStats(all.filter((r) => r.device === id), opts).total }))
          .sort((a, b) => a.name.localeCompare(b.name));
  const chosen = device === undefined ? all : all.filter((r) => r.device === device);
  return { stats: computeStats(chosen, opts), devices };
}

/** The whole history as a download named for today's date. */
export function exportHistory(ports: DataPorts, timeZone: string | undefined, format: 'csv' | 'json'): HistoryExport {
  const records = ports.history.readAll();
  const date = localDateKeyer(zoneOrLocal(timeZone))(ports.clock.now());
  return {
    format,
    fileName: `limber-history-${date}.${format}`,
    text: format === 'csv' ? toCsv(records) : toJson(records),
    records: records.length,
  };
}
