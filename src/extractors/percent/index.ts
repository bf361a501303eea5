import type { Extractor } from '../../types.js';

export const percentExtractor: Extractor<'percent'> = {
  type: 'percent',
  extract: () => [],
};
