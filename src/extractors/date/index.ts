// Dates: points ("11 декабря 2025 года", "2025 жылы"), periods ("с 1 по 3 июля", "2020–2025
// годы", "к 2030 году"), lengths of time ("более 33 лет") and relative dates ("биыл", "в среду"),
// resolved against the document's date. Patterns and vocabularies: rules/<lang>/dates.json.
import { qualifiers } from '../../normalize/qualifier.js';
import { matchRule } from '../../rules/anchor.js';
import type { DateValue, Extractor, Match, SupportedLang } from '../../types.js';
import { resolve } from './resolve.js';
import { dateRules, type DateRule } from './rules.js';

interface RuleMatch {
  rule: string;
  m: RegExpExecArray;
}

/**
 * The rules' matches in a text, kept for the last text seen: finding the document's date and
 * extracting the dates read the same matches, and only resolution depends on the document date.
 */
let memo: { text: string; lang: SupportedLang; matches: RuleMatch[] } | null = null;

function ruleMatches(text: string, lang: SupportedLang): RuleMatch[] {
  if (memo && memo.text === text && memo.lang === lang) return memo.matches;
  const matches = matchesOf(dateRules(lang).rules, text, lang);
  memo = { text, lang, matches };
  return matches;
}

function matchesOf(rules: readonly DateRule[], text: string, lang: SupportedLang): RuleMatch[] {
  const R = dateRules(lang);
  const matches: RuleMatch[] = [];
  for (const rule of rules) {
    for (const m of matchRule(rule, text)) if (!R.blocked(text, m.index)) matches.push({ rule: rule.id, m });
  }
  return matches;
}

/** Every date the rules of `lang` find in `text`, overlapping ones included (the pipeline keeps the longest). */
export function findDates(text: string, lang: SupportedLang, docIso: string | null): Match<'date'>[] {
  const out: Match<'date'>[] = [];
  for (const rm of ruleMatches(text, lang)) {
    const date = dateOf(rm, text, lang, docIso);
    if (date) out.push(date);
  }
  return out;
}

/**
 * The dates of `text` from its start on, one at a time: a reader that wants the first date of a
 * kind resolves only the matches before it. `dayRulesOnly`: only the dates of rules that can state
 * a day, matched for this call alone; otherwise every rule's, shared with `findDates`.
 */
export function* datesFromStart(text: string, lang: SupportedLang, docIso: string | null, dayRulesOnly = false): Generator<Match<'date'>> {
  const matches = dayRulesOnly ? matchesOf(dateRules(lang).dayRules, text, lang) : ruleMatches(text, lang);
  const byStart = [...matches].sort((a, b) => a.m.index - b.m.index);
  for (const rm of byStart) {
    const date = dateOf(rm, text, lang, docIso);
    if (date) yield date;
  }
}

/** A rule's match as a date, or null when it resolves to none or reads as an age. */
function dateOf({ rule, m }: RuleMatch, text: string, lang: SupportedLang, docIso: string | null): Match<'date'> | null {
  const R = dateRules(lang);
  const g = m.groups ?? {};
  const trimmed = m[0].replace(/[\s,]+$/u, '');
  const end = m.index + trimmed.length;
  // A "today" word that means "nowadays" ("Наши отношения сегодня достигли…", "Бүгінде") names no day.
  const nowadays = isToday(g, R) && R.todayReading(text, m.index, end) === 'nowadays';
  let value: DateValue | null = nowadays ? { relative: true, iso: null } : resolve(g, lang, R, docIso, { aimed: () => R.aimed(text, m.index, end), ahead: () => R.ahead(text, m.index, end) });
  if (!value) return null;
  if (typeof value.duration === 'string' && g.n !== undefined) {
    const numStart = m.index + m[0].indexOf(g.n);
    if (isYears(value) && R.isAge(text, numStart, end)) return null;
    // Money ("£30 млн дня"), an anniversary ("30 жылдығы"), an age ("90 жасқа"): not a length of time.
    const not = R.notDuration(text, numStart, end, g.n, g.u);
    if (not === 'drop') return null;
    if (not) value = { [not]: durationYears(value.duration) };
  }
  // A length of time keeps its hedge: "более чем за 33 года" is over 33 years.
  if (value.duration) {
    const qualifier = qualifiers(lang).leading(trimmed);
    if (qualifier && qualifier !== 'up_to') value.qualifier = qualifier;
  }
  return {
    type: 'date',
    start: m.index,
    end,
    value,
    rule,
    confidence: confidenceOf(value),
  };
}

/** The word for the document's own day ("сегодня", "бүгін", "today"), before it is read in context. */
function isToday(g: Record<string, string | undefined>, R: ReturnType<typeof dateRules>): boolean {
  if (g.rel === undefined) return false;
  const rel = R.relative(g.rel);
  return rel !== null && rel.unit === 'day' && rel.offset === 0 && rel.span === undefined;
}

/** "P30Y" → 30; another unit → its count all the same. */
function durationYears(duration: string): number {
  return Number(/\d+(?:\.\d+)?/.exec(duration)?.[0] ?? NaN);
}

/** A length of time in years (not a frequency): what an age looks like. */
function isYears(v: DateValue): boolean {
  return typeof v.duration === 'string' && v.duration.endsWith('Y') && !(v as { recurring?: boolean }).recurring;
}

function confidenceOf(v: DateValue): number {
  if (v.duration) return 0.7;
  if (v.relative) return v.iso === null ? 0.6 : 0.8;
  return 0.9;
}

export const dateExtractor: Extractor<'date'> = {
  type: 'date',
  extract: ({ text, lang, docDate }) => findDates(text, lang, docDate?.iso ?? null),
};
