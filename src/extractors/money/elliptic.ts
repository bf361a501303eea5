// Sums whose currency the text gave just before: "довести товарооборот до 3 миллиардов долларов в
// 2018 году… до 3 миллиардов в 2018 году и до 5 миллиардов к 2020 году", "over 1 billion dollars.
// But the pandemic pushed this figure down to around 200 million". A number with a scale word of a
// million or more, followed by no word of its own (a noun would say what it counts: "5 млн тонн"),
// close after a sum with its currency, is a sum too. Its currency is null, as the contract has it
// for a sum whose text names none: the reader sees the sum before. The words that may follow such a
// sum (prepositions, conjunctions) are rules data: rules/<lang>/money.json `ellipsisNext`; a
// language without them has no such sums.
import { endBeforeFullStop, numberLayer, readQuantity, trailingScale } from '../../normalize/number.js';
import { byMeaning, qualifiers } from '../../normalize/qualifier.js';
import { loadRules, perLang } from '../../rules/load.js';
import { compile, regex } from '../../rules/regex.js';
import type { Match, SupportedLang } from '../../types.js';
import { moneyValue } from './normalize.js';

/** How far after the end of a sum with its currency a sum without one may stand. */
const REACH = 300;
/** The least scale that makes a bare number a sum: a million. */
const LEAST_SCALE = 1e6;

const matchers = perLang((lang: SupportedLang) => {
  const next = loadRules<{ ellipsisNext?: string }>(lang, 'money').ellipsisNext;
  if (!next) return null;
  const q = qualifiers(lang);
  return {
    sum: compile(`${q.before}(?<n>${numberLayer(lang).signed})`, { ignoreCase: true }),
    // nothing after the number but punctuation, the end, or one of the language's little words
    free: regex(`^(?:\\s*(?:[.,;:!?»”")\\]]|$)|\\s+(?:${next})(?![\\p{L}\\p{N}]))`, 'iu'),
    q,
  };
});

/** The sums of `text` without a currency that follow one with a currency (`found`, the language's money matches). */
export function ellipticSums(text: string, lang: SupportedLang, found: readonly Match<'money'>[]): Match<'money'>[] {
  const m = matchers(lang);
  if (!m) return [];
  const sums = found.filter((f) => f.value.currency).sort((a, b) => a.start - b.start);
  const out: Match<'money'>[] = [];
  sums.forEach((before, i) => {
    // from the end of a sum with its currency to the next one, or REACH characters on
    let to = Math.min(text.length, before.end + REACH, sums[i + 1]?.start ?? Infinity);
    const paragraph = text.indexOf('\n\n', before.end);
    if (paragraph >= 0) to = Math.min(to, paragraph);
    m.sum.lastIndex = before.end;
    for (let hit = m.sum.exec(text); hit && hit.index < to; hit = m.sum.exec(text)) {
      const end = hit.index + hit[0].length;
      if (end > to) break;
      const g = hit.groups ?? {};
      if (!g.n || !/\p{N}/u.test(g.n) || trailingScale(g.n, lang) < LEAST_SCALE || !m.free.test(text.slice(end, end + 40))) continue;
      const amount = readQuantity(g.n, lang);
      if (!amount) continue;
      const span = byMeaning(text, hit.index, endBeforeFullStop(text, end), g.qb, undefined, m.q);
      out.push({
        type: 'money',
        start: span.start,
        end: span.end,
        value: moneyValue(amount, null, span.qualifier ?? (amount.min !== amount.max ? 'approx' : null)),
        rule: `money.${lang}.elliptic`,
        confidence: 0.6,
      });
    }
  });
  return out;
}
