// The settings and statistics windows as PNGs (light and dark), over a data folder with a seeded year of history,
// and the seeded history itself, which the statistics specs share.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DESK_FRIENDLY, EXERCISES } from '../../electron/core/catalog.ts';
import { serializeRecord, type HistoryRecord } from '../../electron/core/history.ts';
import { HISTORY_FILE, HistoryFile } from '../../electron/node/history-file.ts';
import { SettingsFile } from '../../electron/node/settings-file.ts';
import { startHarness, type Harness } from './harness.ts';

/** A Monday afternoon: today already has a few breaks. */
export const SEEDED_NOW = '2026-11-23T15:40:00+01:00';

/** Deterministic pseudo-random numbers, so every run draws the same year. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A year of office life ending at `end`: weekdays 9 to 5, a break due every 30 minutes, most done, some skipped,
 * missed or taken as time away, a stretch session every 4th break, a few weeks of holiday; about one break in ten
 * held through a meeting for a quarter of an hour or more.
 */
export function yearOfOfficeHistory(end: string | number, days = 365): HistoryRecord[] {
  const endMs = typeof end === 'number' ? end : Date.parse(end);
  const rand = lcg(20261123);
  // Meetings draw from their own sequence, so the rest of the year stays as it was drawn before holds existed.
  const meeting = lcg(11);
  const desk = EXERCISES.filter(DESK_FRIENDLY).map((e) => e.id);
  // Favourites: the first moves come up far more often than the last.
  const pick = () => desk[Math.floor(desk.length * rand() ** 1.8)]!;
  const records: HistoryRecord[] = [];
  const dayMs = 86_400_000;
  const firstDay = new Date(endMs - days * dayMs);
  firstDay.setHours(0, 0, 0, 0);
  let n = 0;
  for (let d = firstDay.getTime(); d <= endMs; d += dayMs) {
    const date = new Date(d);
    const dow = date.getDay();
    const weekOfYear = Math.floor((d - firstDay.getTime()) / (7 * dayMs));
    if (dow === 0 || dow === 6 || weekOfYear % 17 === 9 || rand() < 0.04) continue;
    // Some days get away from everyone: those end a streak.
    const keen = rand() < 0.06 ? 0.15 : 0.55 + 0.35 * Math.sin(weekOfYear / 5) ** 2;
    for (let minute = 9 * 60 + 30; minute <= 17 * 60; minute += 30) {
      const at = new Date(date);
      at.setHours(0, minute + Math.floor(rand() * 4), Math.floor(rand() * 60), 0);
      if (at.getTime() > endMs) break;
      const long = ++n % 4 === 0;
      const r = rand();
      const outcome = r < keen ? 'completed' : r < keen + 0.12 ? 'natural' : r < keen + 0.3 ? 'skipped' : 'missed';
      const exercises = outcome !== 'completed' ? [] : long ? [...new Set([pick(), pick(), pick(), pick()])] : [...new Set([pick(), pick()])];
      const seconds = outcome === 'completed' ? (long ? 280 + Math.floor(rand() * 40) : 50 + Math.floor(rand() * 20)) : outcome === 'natural' ? 600 + Math.floor(rand() * 1800) : 0;
      const record: HistoryRecord = { at: at.toISOString(), kind: long ? 'long' : 'micro', outcome, seconds, exercises };
      // Time away replaces a held break: only breaks that came can have waited.
      if (meeting() < 0.1 && outcome !== 'natural') record.heldSeconds = 15 * 60 + Math.floor(meeting() * 90 * 60);
      records.push(record);
    }
  }
  return records;
}

/** A fresh data folder holding `history.jsonl` with these records. */
export function seededDataFolder(records: readonly HistoryRecord[], prefix = 'limber-data-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, HISTORY_FILE), records.map((r) => serializeRecord(r) + '\n').join(''));
  return dir;
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(250);
}

/** Writes settings-light.png, settings-full-light.png, stats-light.png and their dark twins; returns the files. */
export async function screenshotWindows(target: Browser | Harness, dir: string, speaks: { preferredLanguages?: readonly string[] } = {}): Promise<string[]> {
  const browser = 'browser' in target ? target.browser : target;
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    const data = seededDataFolder(yearOfOfficeHistory(SEEDED_NOW));
    const h = await startHarness({
      ...speaks,
      browser,
      colorScheme: scheme,
      realNotifications: false,
      start: SEEDED_NOW,
      settingsStore: new SettingsFile({ dataDir: data }),
      historyStore: new HistoryFile(data),
    });
    try {
      h.tray.clickMenu('settings');
      const settings = await h.windows.page('settings');
      await settings.locator('h2').first().waitFor();
      await settle(settings);
      for (const [file, fullPage] of [
        [`settings-${scheme}.png`, false],
        [`settings-full-${scheme}.png`, true],
      ] as const) {
        await settings.screenshot({ path: resolve(dir, file), fullPage });
        written.push(resolve(dir, file));
      }
      h.tray.clickMenu('stats');
      const stats = await h.windows.page('stats');
      await stats.locator('.chart canvas').waitFor();
      await settle(stats);
      await stats.screenshot({ path: resolve(dir, `stats-${scheme}.png`), fullPage: true });
      written.push(resolve(dir, `stats-${scheme}.png`));
    } finally {
      await h.close();
      rmSync(data, { recursive: true, force: true });
    }
  }
  return written;
}
