// Money: amounts with a currency, in every shape the matchers know.
import { endBeforeFullStop, numberLayer, rangeBounds, readQuantity } from '../../normalize/number.js';
import { matchRule } from '../../rules/anchor.js';
import type { Extractor, Match } from '../../types.js';
import { moneyMatchers } from './match.js';
import { moneyValue } from './normalize.js';
import { ellipticSums } from './elliptic.js';
import { byMeaning, qualifiers } from '../../normalize/qualifier.js';

export const moneyExtractor: Extractor<'money'> = {
  type: 'money',
  extract({ text, lang }) {
    const { rules, currencyOf } = moneyMatchers(lang);
    const q = qualifiers(lang);
    const out: Match<'money'>[] = [];
    for (const rule of rules) {
      for (const m of matchRule(rule, text)) {
        const g = m.groups ?? {};
        if (g.n1 !== undefined && !numberLayer(lang).rangeOk(g)) continue;
        const unit = currencyOf(g.cur ?? '');
        // "1.5bn dollars and 40bn tenge" are two sums, not a range
        if (g.cur1 !== undefined && currencyOf(g.cur1)?.code !== unit?.code) continue;
        // "$3-4 billion": symbol, amount and a range's second end; "$0,91 до 1 млн" is no range
        const tail = g.n !== undefined && g.n2 !== undefined;
        const ranged = tail && numberLayer(lang).rangeOk(g);
        const amount = ranged ? rangeBounds(g.n!, g.n2!, lang) : g.n !== undefined ? readQuantity(g.n, lang) : rangeBounds(g.n1!, g.n2!, lang);
        if (amount === null) continue;
        const vague = g.n !== undefined && !ranged && amount.min !== amount.max;
        const matched = tail && !ranged ? m[0].slice(0, m[0].indexOf(g.n!, (g.qb?.length ?? 0) + (g.cur?.length ?? 0)) + g.n!.length) : m[0];
        const span = byMeaning(text, m.index, endBeforeFullStop(text, m.index + matched.trimEnd().length), g.qb, g.qa, q);
        const qualifier = span.qualifier ?? (vague ? 'approx' : null);
        const currency = unit?.code ?? null;
        out.push({
          type: 'money',
          start: span.start,
          end: span.end,
          value: moneyValue(amount, currency, qualifier, unit?.factor),
          rule: rule.id,
          confidence: currency ? 0.9 : 0.6,
        });
      }
    }
    return [...out, ...ellipticSums(text, lang, out)];
  },
};
