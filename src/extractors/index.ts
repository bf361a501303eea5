// The registry of fact types: adding a type is one extractor folder and one line here.
import type { AnchoredRule } from '../rules/anchor.js';
import type { ExtractedType, Extractor, SupportedLang } from '../types.js';
import { moneyExtractor } from './money/index.js';
import { moneyMatchers } from './money/match.js';
import { percentExtractor } from './percent/index.js';
import { percentMatchers } from './percent/match.js';
import { dateExtractor } from './date/index.js';
import { dateRules } from './date/rules.js';
import { leaderExtractor } from './leader/index.js';
import { projectExtractor } from './project/index.js';
import { quantityExtractor } from './quantity/index.js';
import { quantityMatchers } from './quantity/match.js';

export const EXTRACTORS: { [T in ExtractedType]: Extractor<T> } = {
  money: moneyExtractor,
  percent: percentExtractor,
  date: dateExtractor,
  leader: leaderExtractor,
  project: projectExtractor,
  quantity: quantityExtractor,
};

/** Every rule that runs anchored (src/rules/anchor.ts), for the checks that it loses nothing. */
export function anchoredRules(lang: SupportedLang): ({ id: string } & AnchoredRule)[] {
  return [...dateRules(lang).rules, ...moneyMatchers(lang).rules, ...percentMatchers(lang).rules, ...quantityMatchers(lang).rules].filter((r) => r.anchor);
}
