// Resolution: from the named groups a date rule captured to a DateValue, against the
// document's date when the text leaves a part implied ("15 марта этого года", "биыл", "в среду").
// Groups: d/d2 day, m/m2 month name, mn month digits, y/y2 year, ry relative adjective, cu
// calendar unit, rel relative word, wd weekday, c/c2 century, dec decade, n+u amount and unit,
// na adjective number stem ("пяти"-летний), half "с половиной", ago/after direction, fd fixed duration, pre preposition, dl deadline word,
// se/se2 part of a year (season, quarter, half), hol holiday, rym relative adjective of a month ("last March"), within a deadline
// counted from the document's date ("within five years"), thisYear "of the year" (the document's).
import { parseQuantity } from '../../normalize/number.js';
import {
  centuryYears, granularityOf, isoDuration, isoOf, isValid, lastWeekday, nextWeekday, romanToInt, shift, truncate, yearlessOf,
  type CalendarUnit, type YMD,
} from '../../normalize/dates.js';
import type { DateValue, Granularity, SupportedLang } from '../../types.js';
import type { DateRules } from './rules.js';

type Day = YMD & { m: number; d: number };
type Groups = Record<string, string | undefined>;

const UNIT_OF: Record<'Y' | 'M' | 'W' | 'D', CalendarUnit> = { Y: 'year', M: 'month', W: 'week', D: 'day' };
const GRAIN_OF: Record<CalendarUnit, Granularity> = { year: 'year', month: 'month', week: 'day', day: 'day' };
const UNRESOLVED: DateValue = { relative: true, iso: null };

/** What resolution may ask of the text around a match, only when it needs to. */
export interface Context {
  /** The clause has a word of aim ("довести", "aim to"): "до", "until", "дейін" then set a deadline. */
  aimed: () => boolean;
  /** The clause of the date tells of something to come ("will meet on Friday", "в пятницу проведет"). */
  ahead: () => boolean;
}
const NO_CONTEXT: Context = { aimed: () => false, ahead: () => false };

export function parseDay(iso: string | null): Day | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return y && m && d ? { y, m, d } : null;
}

/** A number written with digits (ordinal endings allowed: "2020-сыншы") or as (Kazakh) ordinal words. */
export function readNumber(text: string | undefined, lang: SupportedLang, R: DateRules): number | null {
  if (text === undefined) return null;
  const digits = /\d+/.exec(text);
  if (digits) return Number(digits[0]);
  const words = text.trim().split(/\s+/);
  const last = R.ordinal(words.at(-1));
  if (!last) return parseQuantity(text, lang);
  const head = words.length > 1 ? parseQuantity(words.slice(0, -1).join(' '), lang) : 0;
  if (head === null) return null;
  return last.value >= 100 ? (head || 1) * last.value : head + last.value;
}

function readYear(text: string | undefined, lang: SupportedLang, R: DateRules): number | null {
  const y = readNumber(text, lang, R);
  if (y === null) return null;
  // Two-digit years of spoken Kazakh: "жиырма үшінші жылға дейін" → 2023, "91-інші жылы" → 1991.
  return y < 50 ? 2000 + y : y < 100 ? 1900 + y : y;
}

function point(p: YMD, relative: boolean): DateValue {
  return { iso: isoOf(p), granularity: granularityOf(p), ...(relative ? { relative: true } : {}) };
}

function period(a: YMD, b: YMD, relative: boolean): DateValue {
  return { startIso: isoOf(a), endIso: isoOf(b), ...(relative ? { relative: true } : {}) };
}

/** A calendar unit around `doc` shifted by `offset`: a year, a month, a day, or a week as a period. */
function calendarUnit(doc: Day | null, unit: CalendarUnit | 'quarter', offset: number): DateValue {
  if (!doc) return UNRESOLVED;
  if (unit === 'quarter') {
    const at = shift(doc, 'month', 3 * offset);
    const first = Math.floor((at.m - 1) / 3) * 3 + 1;
    return period({ y: at.y, m: first }, { y: at.y, m: first + 2 }, true);
  }
  const at = shift(doc, unit, offset);
  if (unit === 'week') {
    const monday = lastWeekday(at, 1);
    return period(monday, shift(monday, 'day', 6), true);
  }
  return point(truncate(at, GRAIN_OF[unit]), true);
}

function amount(g: Groups, lang: SupportedLang, R: DateRules): number | null {
  const n = g.na !== undefined ? R.adjNumber(g.na)?.value ?? null : g.n === undefined ? 1 : parseQuantity(g.n, lang);
  if (n === null || n <= 0) return null;
  return g.half ? n + 0.5 : n;
}

/** "за 10 месяцев этого года": the first n months of a year. */
function yearToDate(g: Groups, lang: SupportedLang, R: DateRules, doc: Day | null): DateValue | null {
  const n = amount(g, lang, R);
  const unit = R.unit(g.u);
  if (n === null || !unit || unit.unit !== 'M' || n > 12 || !Number.isInteger(n)) return null;
  // "of the year": the document's year.
  const rel = g.thisYear !== undefined ? { offset: 0 } : R.relAdj(g.ry);
  const y = g.y !== undefined ? readYear(g.y, lang, R) : rel && doc ? doc.y + rel.offset : null;
  if (g.y === undefined && !doc) return UNRESOLVED;
  if (y === null) return null;
  return period({ y, m: 1 }, { y, m: n }, g.y === undefined);
}

function lengthOfTime(g: Groups, lang: SupportedLang, R: DateRules, doc: Day | null): DateValue | null {
  let n: number | null;
  let unit: 'Y' | 'M' | 'W' | 'D';
  let recurring = false;
  if (g.fd !== undefined) {
    const fixed = R.fixedDuration(g.fd);
    const m = fixed && /^P(\d+(?:\.\d+)?)([YMWD])$/.exec(fixed.duration);
    if (!m) return null;
    n = Number(m[1]);
    unit = m[2] as typeof unit;
    recurring = fixed.recurring === true;
  } else {
    const u = R.unit(g.u);
    const q = amount(g, lang, R);
    if (!u || q === null) return null;
    // "2025 году" is a year, not 2025 years; "2000 жыл бұрын" is 2000 years back all the same.
    if (u.unit === 'Y' && u.factor === 1 && q >= 1000 && q <= 2200 && Number.isInteger(q) && g.ago === undefined) return null;
    n = q * u.factor;
    unit = u.unit;
  }
  if (g.ago !== undefined || g.after !== undefined) {
    if (!doc) return UNRESOLVED;
    if (!Number.isInteger(n)) return null;
    const cal = UNIT_OF[unit];
    const at = shift(doc, cal, g.ago !== undefined ? -n : n);
    return point(truncate(at, GRAIN_OF[cal]), true);
  }
  if (g.within !== undefined && doc && Number.isInteger(n)) {
    // "within five years": by the document's date plus five years.
    const cal = UNIT_OF[unit];
    const grain = GRAIN_OF[cal];
    const end = truncate(shift(doc, cal, n), grain);
    return { iso: isoOf(end), granularity: granularityOf(end), startIso: isoOf(truncate(doc, grain)), endIso: isoOf(end), deadline: true, relative: true };
  }
  return recurring ? { duration: isoDuration(n, unit), recurring: true } as DateValue : { duration: isoDuration(n, unit) };
}

/** How many years a period whose end year is written with two digits may span ("2024-03" is none). */
const TWO_DIGIT_REACH = 20;

/** Day, month and year parts, stated or implied, as a point or a period. */
function calendar(g: Groups, lang: SupportedLang, R: DateRules, doc: Day | null, ctx: Context): DateValue | null {
  const month = (name: string | undefined, digits: string | undefined): number | undefined =>
    name !== undefined ? R.month(name)?.value ?? NaN : digits !== undefined ? Number(digits) : undefined;
  const day = (t: string | undefined): number | undefined => (t === undefined ? undefined : readNumber(t, lang, R) ?? NaN);
  const year = (t: string | undefined): number | undefined => (t === undefined ? undefined : readYear(t, lang, R) ?? NaN);

  const start: Partial<YMD> = { y: year(g.y), m: month(g.m, g.mn), d: day(g.d) };
  const end: Partial<YMD> = { y: year(g.y2), m: month(g.m2, undefined), d: day(g.d2) };
  // "1996—98", "2016/17": the second year written with two digits, in the first year's century,
  // or in the next one a few years on ("1998—02"); "2024-03" is no period of 79 years.
  if (g.y2 !== undefined && /^\d{2}$/.test(g.y2) && start.y !== undefined && start.y >= 1000) {
    const y2 = Math.floor(start.y / 100) * 100 + Number(g.y2);
    end.y = y2 < start.y ? y2 + 100 : y2;
    if (end.y - start.y > TWO_DIGIT_REACH) return null;
  }
  const isRange = g.y2 !== undefined || g.m2 !== undefined || g.d2 !== undefined;
  if (isRange) {
    if (start.d !== undefined || end.d !== undefined) {
      start.m ??= end.m;
      end.m ??= start.m;
    }
    start.y ??= end.y;
    end.y ??= start.y;
  }
  // A capitalised month name with nothing else ("Марта Иванова") is more likely a name.
  if (R.lowerCaseMonthAlone && g.m !== undefined && g.pre === undefined && g.d === undefined && g.y === undefined && g.ry === undefined && g.m2 === undefined && /^\p{Lu}/u.test(g.m)) return null;
  let relative = false;
  const rel = R.relAdj(g.ry);
  const relMonth = R.relAdj(g.rym);
  for (const p of isRange ? [start, end] : [start]) {
    if (p.y !== undefined) continue;
    if (!doc) return yearless(start, end, isRange);
    p.y = relMonth && p.m !== undefined ? yearOfMonth(doc, p.m, relMonth.offset) : doc.y + (rel?.offset ?? 0);
    relative = true;
  }
  const a = start as YMD;
  const b = end as YMD;
  for (const p of isRange ? [a, b] : [a]) {
    if (Number.isNaN(p.y) || Number.isNaN(p.m) || Number.isNaN(p.d) || !isValid(p)) return null;
  }
  if (isRange) return isoOf(a) <= isoOf(b) ? period(a, b, relative) : null;

  if (isDeadline(g, R, ctx)) {
    const from = doc ? isoOf(truncate(doc, granularityOf(a))) : null;
    if (from && from <= isoOf(a)) return { ...point(a, relative), startIso: from, endIso: isoOf(a), deadline: true };
    return { ...point(a, relative), deadline: true };
  }
  return point(a, relative);
}

/**
 * A day or a month with no year and no document date to take one from ("15 ноября", "с 11 по 12
 * ноября"): unresolved, keeping the month and day as ISO 8601 writes them without a year ("--11-15",
 * "--11-11/--11-12"), which is enough to tell two reports of the same days from others.
 */
function yearless(a: Partial<YMD>, b: Partial<YMD>, isRange: boolean): DateValue {
  const from = yearlessOf(a);
  const to = isRange ? yearlessOf(b) : from;
  if (!from || !to) return UNRESOLVED;
  return { ...UNRESOLVED, yearless: from === to ? from : `${from}/${to}` };
}

/**
 * A deadline: a preposition that always sets one ("к", "by"), or one that sets one only with a
 * word of aim in the clause ("довести до 2030 года", not "просуществовала до 1991 года").
 */
function isDeadline(g: Groups, R: DateRules, ctx: Context): boolean {
  const word = (g.dl ?? g.pre)?.toLowerCase().replace(/\s+/g, ' ');
  if (word === undefined) return false;
  if (R.deadlineWords.has(word)) return true;
  if (R.deadlineAimWords.has(word)) return ctx.aimed();
  return g.dl !== undefined && R.deadlineAimWords.size === 0;
}

/** "last March", "next January", "this December": the year of the nearest such month before, after or around the document's date. */
function yearOfMonth(doc: Day, m: number, offset: number): number {
  if (offset < 0) return m < doc.m ? doc.y : doc.y - 1;
  if (offset > 0) return m > doc.m ? doc.y : doc.y + 1;
  return doc.y;
}

/** "Christmas", "Nowruz 2025": a fixed holiday's day in the stated year, or the one nearest the document's date. */
function holiday(g: Groups, lang: SupportedLang, R: DateRules, doc: Day | null): DateValue | null {
  const h = R.holiday(g.hol);
  if (!h) return null;
  const y = g.y !== undefined ? readYear(g.y, lang, R) : null;
  if (h.month === undefined || h.day === undefined) {
    // A holiday that moves: its year when stated, else nothing this calendar can say.
    return y !== null ? { ...point({ y }, false), holiday: h.name } : { ...UNRESOLVED, holiday: h.name };
  }
  if (y !== null) return { ...point({ y, m: h.month, d: h.day }, false), holiday: h.name };
  if (!doc) return { ...UNRESOLVED, holiday: h.name };
  const days = (p: YMD & { m: number; d: number }) => Date.UTC(p.y, p.m - 1, p.d) / 864e5;
  const candidates = [doc.y - 1, doc.y, doc.y + 1].map((cy) => ({ y: cy, m: h.month!, d: h.day! }));
  const nearest = candidates.reduce((best, c) => (Math.abs(days(c) - days(doc)) < Math.abs(days(best) - days(doc)) ? c : best));
  return { ...point(nearest, true), holiday: h.name };
}

/** "летом 2015 года", "этой зимой": the months of a season, in a stated or implied year. */
function season(g: Groups, lang: SupportedLang, R: DateRules, doc: Day | null): DateValue | null {
  const se = R.season(g.se ?? g.se2);
  if (!se) return null;
  const rel = R.relAdj(g.ry ?? g.ry2);
  const stated = g.y ?? g.y2;
  const y = stated !== undefined ? readYear(stated, lang, R) : doc ? doc.y + (rel?.offset ?? 0) : null;
  if (stated === undefined && !doc) return UNRESOLVED;
  if (y === null) return null;
  const wraps = se.start > se.end; // winter: December to February
  return period({ y: wraps ? y - 1 : y, m: se.start }, { y, m: se.end }, stated === undefined);
}

export function resolve(g: Groups, lang: SupportedLang, R: DateRules, docIso: string | null, ctx: Context = NO_CONTEXT): DateValue | null {
  const doc = parseDay(docIso);
  // "несколько лет назад", "в последние годы": relative, but no amount to resolve with.
  if (g.vague !== undefined) return UNRESOLVED;
  if (g.hol !== undefined) return holiday(g, lang, R, doc);
  if (g.se !== undefined || g.se2 !== undefined) return season(g, lang, R, doc);
  if (g.u !== undefined && (g.ry !== undefined || g.y !== undefined || g.thisYear !== undefined)) return yearToDate(g, lang, R, doc) ?? lengthOfTime(g, lang, R, doc);
  if (g.u !== undefined || g.fd !== undefined) return lengthOfTime(g, lang, R, doc);
  if (g.rel !== undefined) {
    const rel = R.relative(g.rel);
    if (!rel) return null;
    if (!doc) return UNRESOLVED;
    if (rel.span === 'toDate') return period({ y: doc.y, m: 1, d: 1 }, doc, true);
    return calendarUnit(doc, rel.unit, rel.offset);
  }
  if (g.cu !== undefined && g.m === undefined) {
    const cu = R.calUnit(g.cu);
    const adj = R.relAdj(g.ry);
    if (!cu || !adj) return null;
    const value = calendarUnit(doc, cu.unit, adj.offset);
    // "by the end of next year": a deadline, from the document's date.
    if (value.iso && value.granularity && doc && isDeadline(g, R, ctx)) {
      return { ...value, startIso: isoOf(truncate(doc, value.granularity)), endIso: value.iso, deadline: true };
    }
    return value;
  }
  if (g.wd !== undefined && g.m === undefined) {
    const wd = R.weekday(g.wd);
    if (!wd) return null;
    // With no document date, the day of the week is kept: it tells one event's reports from another's.
    // The last such day, or the next one when the clause tells of something to come.
    if (!doc) return { ...UNRESOLVED, weekday: wd.value };
    return point(ctx.ahead() ? nextWeekday(doc, wd.value) : lastWeekday(doc, wd.value), true);
  }
  if (g.c !== undefined) {
    const c = readCentury(g.c, lang, R);
    const c2 = g.c2 !== undefined ? readCentury(g.c2, lang, R) : c;
    if (!c || !c2 || c > 30 || c2 < c) return null;
    return period({ y: centuryYears(c).start }, { y: centuryYears(c2).end }, false);
  }
  if (g.dec !== undefined) {
    // "90-х" and "девяностых" are decades of the last century; "2010-х" says its century.
    const y = /^\d{2}$/.test(g.dec) ? 1900 + Number(g.dec) : R.decade(g.dec)?.value ?? readYear(g.dec, lang, R);
    if (y === null) return null;
    return period({ y }, { y: y + 9 }, false);
  }
  return calendar(g, lang, R, doc, ctx);
}

function readCentury(text: string, lang: SupportedLang, R: DateRules): number | null {
  return romanToInt(text) ?? readNumber(text, lang, R);
}
