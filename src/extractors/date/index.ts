import type { Extractor } from '../../types.js';

export const dateExtractor: Extractor<'date'> = {
  type: 'date',
  extract: () => [],
};
