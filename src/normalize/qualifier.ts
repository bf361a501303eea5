// Hedges on amounts and percentages ("около", "более", "астам", "up to"), from
// rules/<lang>/qualifiers.json. Money and percent put `before` and `after` into their
// patterns as named groups and read the matched word with `classify`.
//
// A hedge is read by meaning: "до"/"дейін"/"(up) to" after a verb of change or aim ("довести до
// 3 млрд", "снизилась до 12,2%", "3 млрд долларға дейін жеткізу", "increase to") names the
// level reached or aimed at, not an upper bound: `byMeaning` drops such a word from the figure's
// span and its qualifier. The verbs are data (`level` in qualifiers.json).
import { firstNotBefore } from '../text/bisect.js';
import { expandFragments } from '../rules/fragments.js';
import { loadRules, perLang } from '../rules/load.js';
import { numberLayer } from './number.js';
import { LB, RB, compile, patternsAlt, wordsAlt } from '../rules/regex.js';
import type { Qualifier, SupportedLang } from '../types.js';

type Q = Exclude<Qualifier, null>;
interface QualifierRules {
  before: Partial<Record<Q, string[]>>;
  after: Partial<Record<Q, string[]>>;
  /** Verbs and nouns of change or aim (patterns) after which an `up_to` word names the level reached. */
  level?: string[];
  /** Words that, right before the hedge, keep it a bound on the change ("rise by up to 30%"). */
  levelNot?: string[];
}

export interface QualifierPatterns {
  /** Regex source for `<qb>` + space before a number, or '' when the language has none. */
  before: string;
  /** Regex source for space + `<qa>` after the unit, or ''. */
  after: string;
  classify(word: string | undefined): Qualifier;
  /** Global regex of the words of change or aim, or null. */
  level: RegExp | null;
  /** Sticky-free regex: a word that, ending the text before a hedge, keeps it a bound; or null. */
  levelNot: RegExp | null;
  /** The hedge before a phrase's number ("более чем за 33 года" → over), or null. */
  leading(phrase: string): Qualifier;
}

export const qualifiers = perLang((lang: SupportedLang): QualifierPatterns => {
  const rules = loadRules<QualifierRules>(lang, 'qualifiers', { before: {}, after: {} });
  const byWord = new Map<string, Q>();
  const collect = (side: Partial<Record<Q, string[]>>) => {
    const words: string[] = [];
    for (const [q, list] of Object.entries(side) as [Q, string[]][]) {
      for (const w of list) {
        words.push(w);
        if (!byWord.has(norm(w))) byWord.set(norm(w), q);
      }
    }
    return words;
  };
  const before = collect(rules.before);
  const after = collect(rules.after);
  return {
    before: before.length ? `(?:${LB}(?<qb>${wordsAlt(before)})\\s+)?` : '',
    after: after.length ? `(?:\\s+(?<qa>${wordsAlt(after)})${RB})?` : '',
    classify: (word) => (word ? (byWord.get(norm(word)) ?? null) : null),
    leading: (() => {
      // the hedge, a short word at most ("более чем за 33 года"), then the number
      const re = before.length
        ? compile(`${LB}(${wordsAlt(before)})\\s+(?:\\p{L}{1,3}\\s+)?(?=${numberLayer(lang).quantity})`, { ignoreCase: true })
        : null;
      return (phrase: string) => {
        if (!re) return null;
        re.lastIndex = 0;
        const m = re.exec(phrase);
        return m ? (byWord.get(norm(m[1]!)) ?? null) : null;
      };
    })(),
    levelNot: rules.levelNot?.length ? compile(`${LB}${wordsAlt(rules.levelNot)}\\s+$`, { ignoreCase: true }) : null,
    level: rules.level?.length
      ? compile(`${LB}(?:${patternsAlt(rules.level.map((p) => expandFragments(p, lang)))})${RB}`, { ignoreCase: true })
      : null,
  };
});

/** How far around a figure its verb of change or aim is looked for, within the clause. */
const LEVEL_BEFORE = 80;
const LEVEL_AFTER = 50;

/**
 * A figure's span and qualifier by meaning: an `up_to` word (`qb` before the figure, `qa` after
 * it) next to a verb of change or aim in the same clause is dropped from both. `start`/`end`
 * are the match's; `qb` and `qa` the words the pattern matched at its two ends.
 */
export function byMeaning(
  text: string,
  start: number,
  end: number,
  qb: string | undefined,
  qa: string | undefined,
  q: QualifierPatterns,
): { start: number; end: number; qualifier: Qualifier } {
  const before = q.classify(qb);
  const after = q.classify(qa);
  const qualifier = before ?? after;
  if (qualifier !== 'up_to' || !q.level || !nearLevelWord(text, start, end, q.level)) return { start, end, qualifier };
  if (q.levelNot && test(q.levelNot, text.slice(Math.max(0, start - 20), start))) return { start, end, qualifier };
  if (before === 'up_to' && qb !== undefined && text.startsWith(qb, start)) {
    let s = start + qb.length;
    while (s < end && /\s/u.test(text[s]!)) s++;
    return { start: s, end, qualifier: after === 'up_to' ? null : after };
  }
  if (after === 'up_to' && qa !== undefined) {
    const at = text.lastIndexOf(qa, end);
    if (at > start) return { start, end: text.slice(start, at).trimEnd().length + start, qualifier: before };
  }
  return { start, end, qualifier };
}

function nearLevelWord(text: string, start: number, end: number, level: RegExp): boolean {
  const before = text.slice(Math.max(0, start - LEVEL_BEFORE), start).split(CLAUSE_BREAK);
  const after = text.slice(end, end + LEVEL_AFTER).split(CLAUSE_BREAK);
  return test(level, before[before.length - 1] ?? '') || test(level, after[0] ?? '');
}

/** Where a clause ends: sentence punctuation, a semicolon, a quote, a comma before a space. */
const BREAK_CHARS = '.;:!?\n«»"“”';
export const CLAUSE_BREAK = /[.;:!?\n«»"“”]|,\s/;
const SPACE = /\s/u;

/**
 * The clause breaks (CLAUSE_BREAK) of `text[span)`, found in one pass: where each may begin
 * (`starts`) and where each ends (`ends`), both ascending. The clause around a figure is then two
 * binary searches, however many figures the span holds: it runs from the last end at or before
 * the figure to the first start at or after it (see `clauseAround`).
 */
export function clauseBreaks(text: string, span: { start: number; end: number }): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  for (let k = span.start; k < span.end; k++) {
    const c = text[k]!;
    if (BREAK_CHARS.includes(c)) {
      starts.push(k);
      ends.push(k + 1);
    } else if (c === ',' && k + 1 < span.end && SPACE.test(text[k + 1]!)) {
      starts.push(k);
      ends.push(k + 2);
    }
  }
  return { starts, ends };
}

/**
 * The clause of `span` around [from, to): from the end of the last break that ends at or before
 * `from` to the start of the first break at or after `to`, else the span's edges. The same as
 * splitting the text before and after it at CLAUSE_BREAK.
 */
export function clauseAround(breaks: { starts: number[]; ends: number[] }, span: { start: number; end: number }, from: number, to: number): { start: number; end: number } {
  const e = firstNotBefore(breaks.ends, (x) => x <= from) - 1;
  const s = firstNotBefore(breaks.starts, (x) => x < to);
  return { start: e >= 0 ? breaks.ends[e]! : span.start, end: Math.max(to, s < breaks.starts.length ? breaks.starts[s]! : span.end) };
}

function test(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  return re.test(s);
}

function norm(w: string): string {
  return w.toLowerCase().replace(/\s+/g, ' ').trim();
}
