// Money matchers, built once per language from rules/<lang>/money.json, rules/common/currencies.json
// and the number layer. Three shapes, each its own rule:
//   symbol-amount     [qualifier] symbol|code amount [– amount]  "более $1,7 млрд", "USD 5 million", "$3-4 billion"
//   amount-currency   [qualifier] amount currency [hedge]   "17,8 млн долларов", "3 млрд долларға", "10 млрд $"
//   range             [from] amount [cur] – / до amount currency   "от 3 тыс. до 5 тыс. рублей", "3–5 млн долларов"
import { numberLayer } from '../../normalize/number.js';
import { qualifiers } from '../../normalize/qualifier.js';
import { expandFragments } from '../../rules/fragments.js';
import { loadRules, perLang } from '../../rules/load.js';
import { LB, RB, compile, patternsAlt, wordsAlt, regex } from '../../rules/regex.js';
import { anchorStem, compileAnchor, type AnchoredRule } from '../../rules/anchor.js';
import type { SupportedLang } from '../../types.js';

interface MoneyRules {
  /** `factor`: a subunit's share of the currency (цент 0.01 USD, тиын 0.01 KZT). */
  currencies: { code: string; pattern: string; factor?: number }[];
}
interface CommonCurrencies {
  symbols: Record<string, string>;
  codes: string[];
}

export interface MoneyMatchers {
  /** Anchored on the currency: every shape names one. */
  rules: ({ id: string } & AnchoredRule)[];
  /** Reads a currency as written (a name, symbol or code) to its ISO code, and the subunit factor. */
  currencyOf(written: string): { code: string; factor: number } | null;
}

export const moneyMatchers = perLang((lang: SupportedLang): MoneyMatchers => {
  const rules = loadRules<MoneyRules>(lang, 'money');
  const common = loadRules<CommonCurrencies>('common', 'currencies');
  const num = numberLayer(lang);
  const q = qualifiers(lang);
  const x = (p: string) => expandFragments(p, lang);

  const names = rules.currencies.map((c) => ({ code: c.code, factor: c.factor ?? 1, re: regex(`^(?:${x(c.pattern)})$`, 'iu') }));
  const name = `${patternsAlt(rules.currencies.map((c) => x(c.pattern)))}${RB}`;
  const symbol = wordsAlt(Object.keys(common.symbols));
  const code = `${LB}${wordsAlt(common.codes)}${RB}`;
  const unit = (g: string) => `(?<${g}>${name}|${symbol}|${code})`;
  const Q = num.signed;

  const shapes = {
    // with a range's second end, when there is one: "$3-4 billion"
    'symbol-amount': `${q.before}(?<cur>${symbol}|${code}\\s?)\\s?(?<n>${Q})(?:${num.rangeJoin}(?<n2>${Q}))?`,
    'amount-currency': `${q.before}(?<n>${Q})\\s?${unit('cur')}${q.after}`,
    range: `${num.rangeFrom}(?<n1>${Q})(?:\\s?${unit('cur1')})?${num.rangeJoin}(?<n2>${Q})\\s?${unit('cur')}${q.after}`,
  };
  // The anchor needs only the stems: endings ({@suffix}) would make it try a run of letters at every hit.
  const stems = patternsAlt(rules.currencies.map((c) => x(anchorStem(c.pattern))));
  const anchor = compileAnchor(`${stems}|${symbol}|${code}`);
  return {
    rules: Object.entries(shapes).map(([shape, src]) => ({
      id: `money.${lang}.${shape}`,
      re: compile(src, { ignoreCase: true }),
      anchor,
      ...num.reach,
    })),
    currencyOf(written) {
      const w = written.trim();
      if (common.symbols[w]) return { code: common.symbols[w]!, factor: 1 };
      if (common.codes.includes(w.toUpperCase())) return { code: w.toUpperCase(), factor: 1 };
      const name = names.find((n) => n.re.test(w.replace(/\s+/g, ' ')));
      return name ? { code: name.code, factor: name.factor } : null;
    },
  };
});
