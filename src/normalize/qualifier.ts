// Hedges on amounts and percentages ("около", "более", "астам", "up to"), from
// rules/<lang>/qualifiers.json. Money and percent put `before` and `after` into their
// patterns as named groups and read the matched word with `classify`.
import { loadRules, perLang } from '../rules/load.js';
import { LB, RB, wordsAlt } from '../rules/regex.js';
import type { Qualifier, SupportedLang } from '../types.js';

type Q = Exclude<Qualifier, null>;
interface QualifierRules {
  before: Partial<Record<Q, string[]>>;
  after: Partial<Record<Q, string[]>>;
}

export interface QualifierPatterns {
  /** Regex source for `<qb>` + space before a number, or '' when the language has none. */
  before: string;
  /** Regex source for space + `<qa>` after the unit, or ''. */
  after: string;
  classify(word: string | undefined): Qualifier;
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
  };
});

function norm(w: string): string {
  return w.toLowerCase().replace(/\s+/g, ' ').trim();
}
