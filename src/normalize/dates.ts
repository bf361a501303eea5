// Date arithmetic for resolving what the text says against a document's date: ISO strings
// at year, month or day granularity, calendar shifts, weeks and weekdays. Pure functions; all
// arithmetic is in UTC so that no time zone moves a day.
import type { Granularity } from '../types.js';

export interface YMD {
  y: number;
  m?: number;
  d?: number;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** "2025", "2025-03" or "2025-03-15", by the parts given. */
export function isoOf({ y, m, d }: YMD): string {
  if (m === undefined) return pad(y, 4);
  if (d === undefined) return `${pad(y, 4)}-${pad(m)}`;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/**
 * A month, or a day of a month, with no year, as ISO 8601 writes it ("--11", "--11-15"); null when
 * there is no month or it is not a calendar one (29 February is: it comes in leap years).
 */
export function yearlessOf({ m, d }: Partial<YMD>): string | null {
  if (m === undefined || Number.isNaN(m) || (d !== undefined && Number.isNaN(d)) || !isValid({ y: 2000, m, d })) return null;
  return d === undefined ? `--${pad(m)}` : `--${pad(m)}-${pad(d)}`;
}

/**
 * The days of the year a date covers, as month-day prefixes ("11-14", "11", a period's "11-11" to
 * "11-12"): a full date's without its year, or a yearless one's; null for a year or no date.
 */
export function daysOfYear(d: { iso?: string | null; startIso?: string; endIso?: string; yearless?: string }): { from: string; to: string } | null {
  if (d.iso && d.iso.length >= 7) return { from: d.iso.slice(5), to: d.iso.slice(5) };
  if (!d.iso && d.startIso && d.endIso && d.startIso.length >= 7 && d.endIso.length >= 7) {
    // a period within a year; one across the new year says nothing of the days alone
    if (d.startIso.slice(0, 4) !== d.endIso.slice(0, 4)) return null;
    return { from: d.startIso.slice(5), to: d.endIso.slice(5) };
  }
  if (!d.iso && d.yearless) {
    const [from, to = from] = d.yearless.split('/').map((x) => x.slice(2));
    return { from: from!, to: to! };
  }
  return null;
}

/**
 * Do two spans of days of the year (see `daysOfYear`) overlap, at the coarser one's precision, or
 * lie at most `reach` days apart (both to the day)?
 */
export function daysOfYearMeet(a: { from: string; to: string }, b: { from: string; to: string }, reach = 0): boolean {
  const le = (x: string, y: string) => x.slice(0, Math.min(x.length, y.length)) <= y.slice(0, Math.min(x.length, y.length));
  if (le(a.from, b.to) && le(b.from, a.to)) return true;
  if (reach === 0 || a.from.length < 5 || b.from.length < 5) return false;
  const day = (md: string) => Date.UTC(2000, Number(md.slice(0, 2)) - 1, Number(md.slice(3, 5))) / 86_400_000;
  const gap = Math.min(Math.abs(day(a.from) - day(b.to)), Math.abs(day(b.from) - day(a.to)));
  return gap <= reach;
}

export function granularityOf({ m, d }: YMD): Granularity {
  return m === undefined ? 'year' : d === undefined ? 'month' : 'day';
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A real calendar day? (31 февраля is not.) */
export function isValid({ y, m, d }: YMD): boolean {
  if (m !== undefined && (m < 1 || m > 12)) return false;
  if (d !== undefined && (m === undefined || d < 1 || d > daysInMonth(y, m))) return false;
  return y >= 1 && y <= 2999;
}

/** Whether `iso` is a real calendar day written YYYY-MM-DD ("2025-02-30" is not). */
export function isCalendarDay(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m !== null && isValid({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) });
}

export type CalendarUnit = 'year' | 'month' | 'week' | 'day';

/** Shifts a full date by whole units; months clamp to the month's last day. */
export function shift(date: YMD & { m: number; d: number }, unit: CalendarUnit, n: number): YMD & { m: number; d: number } {
  if (unit === 'year' || unit === 'month') {
    const months = date.y * 12 + (date.m - 1) + (unit === 'year' ? 12 * n : n);
    const y = Math.floor(months / 12);
    const m = (months % 12) + 1;
    return { y, m, d: Math.min(date.d, daysInMonth(y, m)) };
  }
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + (unit === 'week' ? 7 * n : n)));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function weekday({ y, m, d }: { y: number; m: number; d: number }): number {
  return weekdayOfDay(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** ISO weekday of a day counted from 1970-01-01 (a Thursday). */
export function weekdayOfDay(day: number): number {
  return ((new Date(day * 86_400_000).getUTCDay() + 6) % 7) + 1;
}

/** The given weekday nearest before or on `date` (news mostly reports the past days of a week). */
export function lastWeekday(date: { y: number; m: number; d: number }, wd: number): YMD & { m: number; d: number } {
  const back = (weekday(date) - wd + 7) % 7;
  return shift(date, 'day', -back);
}

/** The first day on or after `date` that is the weekday `wd`. */
export function nextWeekday(date: { y: number; m: number; d: number }, wd: number): YMD & { m: number; d: number } {
  const ahead = (wd - weekday(date) + 7) % 7;
  return shift(date, 'day', ahead);
}

/** Cuts a full date down to a granularity. */
export function truncate(date: YMD, g: Granularity): YMD {
  return g === 'year' ? { y: date.y } : g === 'month' ? { y: date.y, m: date.m } : date;
}

/** Roman numerals (XXI → 21); null when the string is not one. */
export function romanToInt(s: string): number | null {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, M: 1000 };
  const up = s.toUpperCase().replace(/І/g, 'I').replace(/Х/g, 'X'); // Cyrillic look-alikes
  if (!/^[IVXLCM]+$/.test(up)) return null;
  let total = 0;
  for (let i = 0; i < up.length; i++) {
    const cur = v[up[i]!]!;
    const next = v[up[i + 1] ?? ''] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total;
}

/** The years of a century: 21 → 2001..2100. */
export function centuryYears(c: number): { start: number; end: number } {
  return { start: (c - 1) * 100 + 1, end: c * 100 };
}

/** An ISO 8601 duration for an amount of a unit ("P33Y", "P2.5Y"). */
export function isoDuration(n: number, unit: 'Y' | 'M' | 'W' | 'D'): string {
  return `P${Number(n.toPrecision(10))}${unit}`;
}

/** Whole days between two day dates, or null when either is not a day. */
export function daysApart(a: { iso?: string | null }, b: { iso?: string | null }): number | null {
  const x = a.iso;
  const y = b.iso;
  if (!x || !y || x.length !== 10 || y.length !== 10) return null;
  return Math.abs(Date.parse(x) - Date.parse(y)) / 86_400_000;
}
