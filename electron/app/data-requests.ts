// The statistics and export windows' requests: read the history, answer in the user's calendar.
import { computeStats, localDateKeyer, toCsv, toJson, weekStartOf, type Stats } from '../core/stats.ts';
import type { HistoryExport } from '../ipc.ts';
import type { Ports } from '../ports.ts';

type DataPorts = Pick<Ports, 'clock' | 'history'>;

function zoneOrLocal(timeZone: string | undefined): string {
  return timeZone ?? new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Statistics over whole weeks ending this week, so the chart's first week is never cut short. */
export function statsFor(ports: DataPorts, timeZone: string | undefined, days: number): Stats {
  const now = ports.clock.now();
  const zone = zoneOrLocal(timeZone);
  const today = localDateKeyer(zone)(now);
  const sinceMonday = Math.round((Date.parse(today) - Date.parse(weekStartOf(today))) / 86_400_000);
  const span = (Math.ceil(days / 7) - 1) * 7 + sinceMonday + 1;
  return computeStats(ports.history.readAll(), { now, days: span, timeZone: zone });
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
