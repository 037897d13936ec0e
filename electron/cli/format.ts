// Readable text for `limber stats` and `limber doctor`.
import type { DayStats, PeriodStats, Stats } from '../core/stats.ts';
import type { DoctorReport, FindingLevel } from '../node/doctor.ts';
import { terminalSafe } from '../core/text.ts';

const pct = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "40 s", "25 min", "1 h", "2 h 05 min": how long breaks waited. */
export function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')} min`;
}

const heldCell = (p: PeriodStats, width: number) => `${String(p.held).padStart(width)} held${p.held ? ` (${waitText(p.heldSeconds)})` : ''}`;

function weekday(date: string): string {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
}

function dayLine(d: DayStats): string {
  if (d.due === 0) return `  ${d.date} ${weekday(d.date)}  –`;
  const bar = '█'.repeat(Math.min(d.completed, 24));
  return `  ${d.date} ${weekday(d.date)}  ${String(d.completed).padStart(2)} completed  ${String(d.partial).padStart(2)} partial  ${String(d.natural).padStart(2)} natural  ${String(d.skipped).padStart(2)} skipped  ${String(d.missed).padStart(2)} missed  ${String(d.minutesMoved).padStart(3)} min  ${pct(d.takenShare).padStart(4)} taken  ${String(d.held).padStart(2)} held  ${bar}${d.goalMet ? ' ✓' : ''}`;
}

function heldLine(total: Stats['total']): string {
  if (total.held === 0) return 'Held: none (no break waited for a call, a presentation or do-not-disturb)';
  const typical = total.heldMedianSeconds === null ? '' : `typically ${waitText(total.heldMedianSeconds)}, `;
  return `Held: ${plural(total.held, 'break')} waited ${waitText(total.heldSeconds)} in all (${typical}longest ${waitText(total.heldLongestSeconds)})`;
}

export function formatStats(s: Stats): string {
  const t = s.today;
  const out = [
    `Limber — last ${plural(s.days.length, 'day')} (${s.from} to ${s.to}, ${s.timeZone})`,
    '',
    `Today: ${t.completed} completed, ${t.partial} partial, ${t.natural} natural, ${t.skipped} skipped, ${t.missed} missed · ${t.minutesMoved} min moved · ${pct(t.takenShare)} of due breaks taken · ${heldCell(t, 0)}`,
    `Streak: ${plural(s.streak.current, 'day')} (best ${s.streak.best}) with at least ${plural(s.dailyGoal, 'completed break')}`,
    `In all: ${s.total.completed} completed, ${s.total.partial} partial, ${s.total.natural} natural, ${s.total.skipped} skipped, ${s.total.missed} missed · ${s.total.minutesMoved} min moved · ${pct(s.total.takenShare)} taken · goal met on ${plural(s.total.goalDays, 'day')}`,
    heldLine(s.total),
    '',
    'Weeks:',
    ...s.weeks.map((w) => `  from ${w.weekStart}  ${String(w.completed).padStart(3)} completed  ${String(w.partial).padStart(3)} partial  ${String(w.natural).padStart(3)} natural  ${String(w.skipped).padStart(3)} skipped  ${String(w.missed).padStart(3)} missed  ${String(w.minutesMoved).padStart(4)} min  ${pct(w.takenShare).padStart(4)} taken  ${heldCell(w, 3)}`),
    '',
    'Days:',
    ...s.days.map(dayLine),
  ];
  if (s.topExercises.length) out.push('', `Favourite exercises: ${s.topExercises.map((e) => `${e.name} (${e.count})`).join(', ')}`);
  if (s.areas.length) out.push(`Areas worked: ${s.areas.map((a) => `${a.area} (${a.count})`).join(', ')}`);
  // Exercise ids come from the history file, which anything may have written.
  return terminalSafe(out.join('\n')) + '\n';
}

const MARK: Record<FindingLevel, string> = { ok: 'ok     ', fixed: 'fixed  ', note: 'note   ', problem: 'PROBLEM' };

export function formatDoctor(r: DoctorReport): string {
  const lines = [`Checking ${r.dataDir}`, ...r.findings.map((f) => `  ${MARK[f.level]}  ${f.text}`)];
  lines.push(r.ok ? 'The data folder is in order.' : 'Some problems remain (see above).');
  // Findings quote lines of the data files.
  return terminalSafe(lines.join('\n')) + '\n';
}
