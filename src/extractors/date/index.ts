// Dates: points ("11 декабря 2025 года", "2025 жылы"), periods ("с 1 по 3 июля", "2020–2025
// годы", "к 2030 году"), lengths of time ("более 33 лет") and relative dates ("биыл", "в среду"),
// resolved against the document's date. Patterns and vocabularies: rules/<lang>/dates.json.
import { matchRule } from '../../rules/anchor.js';
import type { DateValue, Extractor, Match, SupportedLang } from '../../types.js';
import { resolve } from './resolve.js';
import { dateRules } from './rules.js';

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
  const R = dateRules(lang);
  const matches: RuleMatch[] = [];
  for (const rule of R.rules) {
    for (const m of matchRule(rule, text)) if (!R.blocked(text, m.index)) matches.push({ rule: rule.id, m });
  }
  memo = { text, lang, matches };
  return matches;
}

/** Every date the rules of `lang` find in `text`, overlapping ones included (the pipeline keeps the longest). */
export function findDates(text: string, lang: SupportedLang, docIso: string | null): Match<'date'>[] {
  const R = dateRules(lang);
  const out: Match<'date'>[] = [];
  for (const { rule, m } of ruleMatches(text, lang)) {
    {
      const value = resolve(m.groups ?? {}, lang, R, docIso);
      if (!value) continue;
      const trimmed = m[0].replace(/[\s,]+$/u, '');
      if (isYears(value) && m.groups?.n !== undefined) {
        const numStart = m.index + m[0].indexOf(m.groups.n);
        if (R.isAge(text, numStart, m.index + trimmed.length)) continue;
      }
      out.push({
        type: 'date',
        start: m.index,
        end: m.index + trimmed.length,
        value,
        rule,
        confidence: confidenceOf(value),
      });
    }
  }
  return out;
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
