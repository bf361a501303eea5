import type { Extractor } from '../../types.js';

export const projectExtractor: Extractor<'project'> = {
  type: 'project',
  extract: () => [],
};
