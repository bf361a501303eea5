// Quantities that are not money: tonnes, cubic metres, barrels, kWh, MW, km, wagons, TEU, jobs,
// documents signed, projects, flights … in base units ("4,5 млн тонн" → 4 500 000 t), with the
// qualifier and ranges as money has them. Units: rules/<lang>/quantity.json.
import { endBeforeFullStop, numberLayer, rangeBounds, readQuantity, round } from '../../normalize/number.js';
import { byMeaning, qualifiers } from '../../normalize/qualifier.js';
import { matchRule } from '../../rules/anchor.js';
import type { Extractor, Match, QuantityValue } from '../../types.js';
import { moneyMatchers } from '../money/match.js';
import type { SupportedLang } from '../../types.js';
import { quantityMatchers } from './match.js';

export const quantityExtractor: Extractor<'quantity'> = {
  type: 'quantity',
  extract({ text, lang }) {
    const { rules, unitOf } = quantityMatchers(lang);
    const q = qualifiers(lang);
    const out: Match<'quantity'>[] = [];
    for (const rule of rules) {
      for (const m of matchRule(rule, text)) {
        const g = m.groups ?? {};
        if (g.n1 !== undefined && !numberLayer(lang).rangeOk(g)) continue;
        const unit = unitOf(g.measure ?? g.counted ?? '');
        if (!unit || (g.qm !== undefined && q.classify(g.qm) === 'up_to')) continue;
        const n = g.n !== undefined ? readQuantity(g.n, lang) : rangeBounds(g.n1!, g.n2!, lang);
        if (n === null) continue;
        const vague = g.n !== undefined && n.min !== n.max;
        // "several documents", "hundreds of projects": no figure to read
        if (vague && !/\d/.test(g.n!)) continue;
        if (g.counted !== undefined && !countable(m[0], g.n ?? g.n2!, g.counted, lang)) continue;
        const span = byMeaning(text, m.index, endBeforeFullStop(text, m.index + m[0].trimEnd().length), g.qb, g.qa, q);
        const min = round(n.min * unit.factor);
        const max = round(n.max * unit.factor);
        const value: QuantityValue = {
          ...(min === max ? { amount: min } : { min, max }),
          unit: unit.unit,
          qualifier: span.qualifier ?? q.classify(g.qm) ?? (vague ? 'approx' : null),
        };
        out.push({ type: 'quantity', start: span.start, end: span.end, value, rule: rule.id, confidence: g.measure ? 0.9 : 0.75 });
      }
    }
    return out;
  },
};

/**
 * A number before a counted noun counts it: not a year ("the 2015 deal") and not a sum of money
 * made an adjective ("4 млрд долларлық келісім").
 */
function countable(matched: string, number: string, noun: string, lang: SupportedLang): boolean {
  if (/^(?:19|20)\d\d$/.test(number.trim())) return false;
  // "one" in words is an article as often as a count ("бір келісім", "одного проекта")
  if (!/\d/.test(number) && readQuantity(number, lang)?.max === 1) return false;
  const between = matched.slice(matched.indexOf(number) + number.length, matched.lastIndexOf(noun));
  const { currencyOf } = moneyMatchers(lang);
  return !between.split(/[\s,]+/u).some((w) => w && currencyOf(w) !== null);
}
