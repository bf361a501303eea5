// Percentages: values, ranges, percentage points, with qualifier and direction of change.
import { endBeforeFullStop, numberLayer, rangeBounds, readQuantity } from '../../normalize/number.js';
import { byMeaning, qualifiers } from '../../normalize/qualifier.js';
import { matchRule } from '../../rules/anchor.js';
import type { Extractor, Match, PercentValue } from '../../types.js';
import { percentMatchers } from './match.js';
import { changeAround } from './normalize.js';

export const percentExtractor: Extractor<'percent'> = {
  type: 'percent',
  extract({ text, lang }) {
    const matchers = percentMatchers(lang);
    const q = qualifiers(lang);
    const out: Match<'percent'>[] = [];
    for (const rule of matchers.rules) {
      for (const m of matchRule(rule, text)) {
        const g = m.groups ?? {};
        if (g.n1 !== undefined && !numberLayer(lang).rangeOk(g)) continue;
        const n = g.n !== undefined ? readQuantity(g.n, lang) : rangeBounds(g.n1!, g.n2!, lang);
        if (n === null) continue;
        const vague = g.n !== undefined && n.min !== n.max;
        const span = byMeaning(text, m.index, endBeforeFullStop(text, m.index + m[0].trimEnd().length), g.qb, g.qa, q);
        const { start, end } = span;
        const value: PercentValue = {
          ...(n.min === n.max ? { value: n.min } : { min: n.min, max: n.max }),
          qualifier: span.qualifier ?? (vague ? 'approx' : null),
          unit: rule.unit,
        };
        const change = changeAround(text, start, end, matchers);
        if (change) value.change = change;
        out.push({ type: 'percent', start, end, value, rule: rule.id, confidence: 0.95 });
      }
    }
    return out;
  },
};
