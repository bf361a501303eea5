import type { Extractor } from '../../types.js';

export const leaderExtractor: Extractor<'leader'> = {
  type: 'leader',
  extract: () => [],
};
