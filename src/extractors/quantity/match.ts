// Quantity matchers, built once per language from rules/<lang>/quantity.json, the number layer
// and the qualifiers. Two shapes, each its own rule, anchored on the unit:
//   amount-unit  [qualifier] amount [modifiers] unit [hedge]   "4,5 млн тонн", "более 700 новых заводов", "52 joint projects"
//   range        [from] amount – amount unit                    "3–4 млн тонн", "from 10 to 12 flights"
// Modifiers (adjectives) may stand only before a counted noun (документов, flights), never
// before a measure (тонн, km).
import { numberLayer } from '../../normalize/number.js';
import { qualifiers } from '../../normalize/qualifier.js';
import { expandFragments } from '../../rules/fragments.js';
import { loadRules, perLang } from '../../rules/load.js';
import { compile, patternsAlt, regex, wordsAlt } from '../../rules/regex.js';
import { anchorStem, compileAnchor, type AnchoredRule } from '../../rules/anchor.js';
import type { SupportedLang } from '../../types.js';

interface UnitEntry {
  unit: string;
  pattern: string;
  factor?: number;
  counted?: boolean;
}
interface QuantityRules {
  /** One adjective that may stand between a number and a counted noun. */
  modifier: string;
  /** Words joining two modifiers ("межправительственных и межведомственных"). */
  modifierJoin: string[];
  maxModifiers: number;
  units: UnitEntry[];
}

export interface QuantityMatchers {
  rules: ({ id: string } & AnchoredRule)[];
  /** The unit code and factor of a unit as written. */
  unitOf(written: string): { unit: string; factor: number } | null;
}

export const quantityMatchers = perLang((lang: SupportedLang): QuantityMatchers => {
  const rules = loadRules<QuantityRules>(lang, 'quantity');
  const num = numberLayer(lang);
  const q = qualifiers(lang);
  const x = (p: string) => expandFragments(p, lang);
  const alt = (list: UnitEntry[]) => `(?:${patternsAlt(list.map((u) => x(u.pattern)))})(?![\\p{L}\\p{N}_])`;
  const measures = rules.units.filter((u) => !u.counted);
  const counted = rules.units.filter((u) => u.counted);
  const modifier = `(?:${x(rules.modifier)})(?![\\p{L}\\p{N}_])`;
  const join = `(?:\\s*${wordsAlt(rules.modifierJoin.filter((w) => w !== ','))}\\s+|\\s*,\\s*|\\s+)`;
  const modifiers = `(?:\\s+${modifier}(?:${join}${modifier}){0,${Math.max(0, rules.maxModifiers - 1)}})?`;
  const unit = `(?:(?<measure>${alt(measures)})|${modifiers}\\s*(?<counted>${alt(counted)}))`;
  const Q = num.signed;
  const shapes = {
    // a hedge may stand between the number and the unit: "5 мыңнан астам вагон"
    'amount-unit': `${q.before}(?<n>${Q})${q.after.replace('<qa>', '<qm>')}\\s?${unit}${q.after}`,
    range: `${num.rangeFrom}(?<n1>${Q})${num.rangeJoin}(?<n2>${Q})\\s?${unit}${q.after}`,
  };
  // The anchor needs only the stems: endings ({@suffix}) would make it try a run of letters at every hit.
  const anchor = compileAnchor(patternsAlt(rules.units.map((u) => x(anchorStem(u.pattern)))));
  const compiled = rules.units.map((u) => ({ ...u, re: regex(`^(?:${x(u.pattern)})$`, 'iu') }));
  return {
    rules: Object.entries(shapes).map(([shape, src]) => ({
      id: `quantity.${lang}.${shape}`,
      re: compile(src, { ignoreCase: true }),
      anchor,
      before: num.reach.before,
      after: num.reach.after,
    })),
    unitOf(written) {
      const w = written.trim().replace(/\s+/g, ' ');
      const u = compiled.find((c) => c.re.test(w));
      return u ? { unit: u.unit, factor: u.factor ?? 1 } : null;
    },
  };
});

