import type { Extractor } from '../../types.js';

export const moneyExtractor: Extractor<'money'> = {
  type: 'money',
  extract: () => [],
};
