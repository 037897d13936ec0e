// `limber doctor`: checks the data folder and repairs what it safely can. It never deletes or rewrites a byte of
// the user's data: a damaged settings file is renamed aside, damaged history lines stay where they are.
import fs from 'node:fs';
import path from 'node:path';
import { SETTINGS_VERSION } from '../core/settings-migrations.ts';
import { errorText } from './files.ts';
import { HISTORY_FILE, endsMidLine, scanHistoryFile, type HistoryScan } from './history-file.ts';
import { openRegular, tightenModes } from './private-files.ts';
import { SETTINGS_FILE, SettingsFile } from './settings-file.ts';

export type FindingLevel = 'ok' | 'fixed' | 'note' | 'problem';
export interface Finding {
  level: FindingLevel;
  text: string;
}
export interface DoctorReport {
  dataDir: string;
  findings: Finding[];
  /** False when something is still wrong after the repairs. */
  ok: boolean;
}

const SHOW_BAD_LINES = 10;

export function runDoctor(dataDir: string, now: number = Date.now()): DoctorReport {
  const findings: Finding[] = [];
  const say = (level: FindingLevel, text: string) => findings.push({ level, text });
  const report = (): DoctorReport => ({ dataDir, findings, ok: !findings.some((f) => f.level === 'problem') });

  let stat: fs.Stats;
  try {
    stat = fs.statSync(dataDir);
  } catch {
    say('ok', 'The data folder does not exist yet: nothing to check (Limber creates it when it first starts).');
    return report();
  }
  if (!stat.isDirectory()) {
    say('problem', 'The data folder path is a file, not a folder. Nothing was changed.');
    return report();
  }
  const before = new Set(fs.readdirSync(dataDir));

  const modes = tightenModes(dataDir);
  if (modes.changed.length > 0) say('fixed', `Only you may read the data folder now: changed ${modes.changed.join(', ')} (other users could read or change them).`);
  if (modes.failed.length > 0) say('problem', `Other users may still read or change ${modes.failed.join(', ')}.`);

  const probe = path.join(dataDir, `.doctor-${process.pid}-${now}`);
  try {
    fs.writeFileSync(probe, '', { flag: 'wx', mode: 0o600 });
    fs.rmSync(probe);
    say('ok', 'The data folder can be written.');
  } catch (e) {
    say('problem', `The data folder cannot be written (${errorText(e)}): settings changes last only until Limber quits, and breaks cannot be recorded.`);
  }

  checkSettings(dataDir, before, now, say);
  checkHistory(dataDir, say);

  const kept = [...before].filter((f) => /^settings\.json\.(corrupt|before)-/.test(f) || /^history\.jsonl\.bad-/.test(f)).sort();
  if (kept.length > 0) say('note', `Kept from earlier repairs: ${kept.join(', ')}. Delete them once you no longer need them.`);
  return report();
}

function checkSettings(dataDir: string, before: ReadonlySet<string>, now: number, say: (l: FindingLevel, t: string) => void): void {
  const existed = before.has(SETTINGS_FILE);
  const r = new SettingsFile({ dataDir, now: () => now }).load();
  if (r.movedAside) {
    say('fixed', `${r.problems.map((p) => p.message).join('; ')}. Moved the original, byte for byte, to ${path.basename(r.movedAside)} and wrote ${r.problems.some((p) => p.path === '(settings)') ? 'the default settings' : 'the repaired settings (every valid value kept)'}.`);
  } else if (r.problems.length > 0) {
    say('problem', `${SETTINGS_FILE}: ${r.problems.map((p) => p.message).join('; ')}.`);
  }
  if (!r.persistent) say('problem', `${SETTINGS_FILE}: ${r.message ?? 'could not be saved'}`);
  else if (!existed) say('fixed', `${SETTINGS_FILE} was missing: wrote the default settings.`);
  else if (!r.movedAside) say('ok', `${SETTINGS_FILE} is valid.`);
  const backup = `${SETTINGS_FILE}.before-${SETTINGS_VERSION}`;
  if (!before.has(backup) && fs.existsSync(path.join(dataDir, backup))) {
    say('fixed', `${SETTINGS_FILE} was from an older version: upgraded it, keeping the old file as ${backup}.`);
  }
}

function checkHistory(dataDir: string, say: (l: FindingLevel, t: string) => void): void {
  const file = path.join(dataDir, HISTORY_FILE);
  let read: HistoryScan;
  let count = 0;
  try {
    // As a stream, counting (a long history is never held whole), from a regular file only: a FIFO or a folder in
    // its place is reported, not waited on.
    read = scanHistoryFile(file, () => count++);
  } catch (e) {
    say('problem', `${HISTORY_FILE} cannot be read (${errorText(e)}). Nothing was changed.`);
    return;
  }
  if (!fs.existsSync(file)) {
    say('ok', `${HISTORY_FILE}: no breaks recorded yet.`);
    return;
  }
  const { bad, badCount } = read;
  if (badCount === 0) {
    say('ok', `${HISTORY_FILE}: ${count} records, all valid.`);
    return;
  }
  const shown = bad
    .slice(0, SHOW_BAD_LINES)
    .map((b) => `line ${b.line}: ${b.reason}`)
    .join('; ');
  const more = badCount > SHOW_BAD_LINES ? `; and ${badCount - SHOW_BAD_LINES} more` : '';
  say(
    'note',
    `${HISTORY_FILE}: ${count} valid records; ${badCount} damaged line${badCount === 1 ? '' : 's'} (${shown}${more}). They stay in the file untouched and are skipped by statistics and export.`,
  );
  // A torn last line without its newline: end it, so the next record starts on a line of its own. Only adds a byte.
  let fd: number | undefined;
  try {
    // Never through a link: the byte goes into this file or nowhere.
    fd = openRegular(file, fs.constants.O_RDWR | fs.constants.O_APPEND);
    if (endsMidLine(fd)) {
      fs.writeSync(fd, '\n');
      fs.fsyncSync(fd);
      say('fixed', `${HISTORY_FILE}: ended the torn last line with a newline (nothing removed).`);
    }
  } catch (e) {
    say('problem', `${HISTORY_FILE}: could not end the torn last line (${errorText(e)}).`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
