// Percent matchers, built once per language from rules/<lang>/percent.json and the number layer:
//   number-percent  [qualifier] number unit [hedge]     "40%", "40 пайызға", "более 17,8 процента"
//   range           number – number unit               "38–56%", "от 38 до 56 процентов"
//   points          number п.п. / процентных пункта    unit "pp"
import { numberLayer } from '../../normalize/number.js';
import { qualifiers } from '../../normalize/qualifier.js';
import { expandFragments } from '../../rules/fragments.js';
import { loadRules, perLang } from '../../rules/load.js';
import { LB, RB, compile, patternsAlt } from '../../rules/regex.js';
import { compileAnchor, type AnchoredRule } from '../../rules/anchor.js';
import type { SupportedLang } from '../../types.js';

interface PercentRules {
  units: string[];
  points: string[];
  increase: string[];
  decrease: string[];
}

export interface PercentMatchers {
  /** Anchored on the unit ("%", "процент", "п. п."). */
  rules: ({ id: string; unit: 'percent' | 'pp' } & AnchoredRule)[];
  increase: RegExp;
  decrease: RegExp;
}

export const percentMatchers = perLang((lang: SupportedLang): PercentMatchers => {
  const rules = loadRules<PercentRules>(lang, 'percent');
  const num = numberLayer(lang);
  const q = qualifiers(lang);
  const x = (p: string) => expandFragments(p, lang);
  // A unit that ends in a letter needs a word boundary; "%" needs none.
  const unit = `(?:${patternsAlt(rules.units.map(x))})(?![\\p{L}\\p{N}_])`;
  const points = `(?:${patternsAlt(rules.points.map(x))})(?![\\p{L}\\p{N}_])`;
  const Q = num.signed;
  const words = (list: string[]) => compile(`${LB}${patternsAlt(list.map(x))}${RB}`, { ignoreCase: true });
  const anchor = compileAnchor(`${unit}|${points}`);
  const rule = (id: string, source: string, u: 'percent' | 'pp') => ({ id: `percent.${lang}.${id}`, re: compile(source, { ignoreCase: true }), unit: u, anchor, ...num.reach });
  return {
    rules: [
      rule('number-percent', `${q.before}(?<n>${Q})\\s?${unit}${q.after}`, 'percent'),
      rule('range', `${num.rangeFrom}(?<n1>${Q})(?:\\s?${unit})?${num.rangeJoin}(?<n2>${Q})\\s?${unit}${q.after}`, 'percent'),
      rule('points', `${q.before}(?<n>${Q})\\s?${points}${q.after}`, 'pp'),
    ],
    increase: words(rules.increase),
    decrease: words(rules.decrease),
  };
});
