// The date a document was written: a `date YYYY-MM-DD` header line, else the date its source
// states (an HTML page's metadata), else the dateline or the first full date of the text. Relative dates ("этого года", "биыл") resolve against it.
import type { DocDate, SupportedLang } from '../../types.js';
import { isCalendarDay } from '../../normalize/dates.js';
import { datesFromStart } from './index.js';

const HEADER = /^\s*date\s+(\d{4}-\d{2}-\d{2})(?![\p{L}\p{N}])/u;
/** A date this close to the start of the body, on its first line, is the dateline. */
const DATELINE_REACH = 200;

/**
 * The metadata header at the very start of a document, if any; `end` is where the body starts.
 * A header date that is no day of the calendar (2025-13-45, 2025-02-30) is not the document's
 * date: `date` is null and `invalid` holds what the header said.
 */
export function documentHeader(text: string): { date: string | null; end: number; invalid?: string } {
  const m = HEADER.exec(text);
  if (!m) return { date: null, end: 0 };
  return isCalendarDay(m[1]!) ? { date: m[1]!, end: m[0].length } : { date: null, end: m[0].length, invalid: m[1]! };
}

/**
 * The document's date. `datesExtracted`: the run extracts the text's dates too, so every date rule
 * is matched once for both (see `datesFromStart`); otherwise only the rules that can state a day.
 */
export function documentDate(
  text: string,
  lang: SupportedLang,
  datesExtracted = true,
  given: string | null = null,
): DocDate | null {
  const header = documentHeader(text);
  if (header.date) return { iso: header.date, source: 'header' };
  if (given) return { iso: given, source: 'metadata' };
  const { fulls, dayBefore } = firstFullDates(text, lang, datesExtracted);
  const first = fulls[0];
  if (!first) return null;
  // The body's first line: after a header (one whose date was no calendar date) and the space after it.
  const bodyStart = header.end ? skipSpace(text, header.end) : 0;
  const lineEnd = /\n\s*\n|\n(?=.{80})/gu;
  lineEnd.lastIndex = bodyStart;
  const firstLineEnd = lineEnd.exec(text)?.index ?? -1;
  const inDateline = (at: number) => at - bodyStart >= 0 && at - bodyStart < DATELINE_REACH && (firstLineEnd < 0 || at < firstLineEnd);
  // A dateline with no year ("TASHKENT, November 14.") dates the report; a full date further on
  // of another day is something the report recalls, not its date, which then stays unknown.
  if (dayBefore && inDateline(dayBefore.start) && !inDateline(first.start) && dayBefore.yearless !== `--${first.iso.slice(5)}`) return null;
  // Two full dates in the opening ("Сенбі, 23 Қараша 2024 · 24 Қараша, 2023 16:21"): a page shows
  // the day it is read beside the day it was written, which is the earlier.
  const opening = fulls.filter((f) => inDateline(f.start));
  if (opening.length > 1) return { iso: opening.map((f) => f.iso).sort()[0]!, source: 'dateline' };
  if (inDateline(first.start)) return { iso: first.iso, source: 'dateline' };
  // Three days or more close together are a list (the dates of a page's other stories), none the
  // report's own.
  if (new Set(fulls.map((f) => f.iso)).size >= 3) return null;
  // A date on a line of its own is the page's stamp of the day it was written; a date in a
  // sentence before it ("since his re-election on November 20, 2022") is something it recalls.
  const stamp = fulls.find((f) => onItsOwnLine(text, f));
  return { iso: (stamp ?? first).iso, source: 'text' };
}

/** Does the date fill its line, but for a time of day ("December 22, 2022", "21.12.2022 16:54")? */
function onItsOwnLine(text: string, d: { start: number; end: number }): boolean {
  const before = text.slice(text.lastIndexOf('\n', d.start - 1) + 1, d.start);
  const lineEnd = text.indexOf('\n', d.end);
  const after = text.slice(d.end, lineEnd < 0 ? text.length : lineEnd);
  const time = /^[\s,|·/–—-]*(?:\d{1,2}:\d{2}(?::\d{2})?)?[\s,|·/–—-]*$/u;
  return time.test(before) && time.test(after);
}

function skipSpace(text: string, from: number): number {
  const space = /\s*/uy;
  space.lastIndex = from;
  space.exec(text);
  return space.lastIndex;
}

/**
 * The earliest stated days, months and years in the text (no relative parts, no periods): the first
 * and those within a dateline's reach after it, and the first day stated without a year before
 * them. Only a rule that can state a day gives one, so the other rules' dates are passed over.
 */
function firstFullDates(
  text: string,
  lang: SupportedLang,
  allRules: boolean,
): { fulls: { iso: string; start: number; end: number }[]; dayBefore?: { yearless: string; start: number } } {
  let dayBefore: { yearless: string; start: number } | undefined;
  const fulls: { iso: string; start: number; end: number }[] = [];
  for (const m of datesFromStart(text, lang, null, !allRules)) {
    // the first full date, and those that follow it within a dateline's reach
    if (fulls.length && m.start - fulls[0]!.start >= DATELINE_REACH) break;
    const v = m.value;
    if (v.granularity === 'day' && v.iso && !v.relative && !v.deadline && isCalendarDay(v.iso)) fulls.push({ iso: v.iso, start: m.start, end: m.end });
    // the first day stated without a year ("November 14"), before any full date
    else if (!fulls.length && !dayBefore && v.yearless && /^--\d\d-\d\d$/.test(v.yearless)) dayBefore = { yearless: v.yearless, start: m.start };
  }
  return { fulls, dayBefore };
}
