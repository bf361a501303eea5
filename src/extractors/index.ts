// The registry of fact types: adding a type is one extractor folder and one line here.
import type { Extractor, FactType } from '../types.js';
import { moneyExtractor } from './money/index.js';
import { percentExtractor } from './percent/index.js';
import { dateExtractor } from './date/index.js';
import { leaderExtractor } from './leader/index.js';
import { projectExtractor } from './project/index.js';

export const EXTRACTORS: { [T in FactType]: Extractor<T> } = {
  money: moneyExtractor,
  percent: percentExtractor,
  date: dateExtractor,
  leader: leaderExtractor,
  project: projectExtractor,
};
