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
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

/** The given weekday nearest before or on `date` (news mostly reports the past days of a week). */
export function lastWeekday(date: { y: number; m: number; d: number }, wd: number): YMD & { m: number; d: number } {
  const back = (weekday(date) - wd + 7) % 7;
  return shift(date, 'day', -back);
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
