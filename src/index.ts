// The library API: `extract(text)` gives the same facts as `diplo extract` does for a file.
import { prepareLanguageDetection } from './lang/detect.js';
import { extractDocument, type ExtractOptions } from './pipeline.js';
import type { Fact } from './types.js';

await prepareLanguageDetection();

export { extractDocument, startDocument, type DocumentMeta, type DocumentRun, type ExtractOptions } from './pipeline.js';
export { detectLanguage } from './lang/detect.js';
export * from './types.js';

export interface ExtractTextOptions extends ExtractOptions {
  /** The name facts carry in `doc` (default `-`). */
  doc?: string;
}

/**
 * The facts of `text`. Throws a TypeError when `text` is not a string, a RangeError for a `lang`
 * or a type diplo does not know.
 */
export function extract(text: string, options: ExtractTextOptions = {}): Fact[] {
  return extractDocument(options?.doc ?? '-', text, options).facts;
}
