// The date a document was written: a `date YYYY-MM-DD` header line, else the dateline or
// the first full date of the text. Relative dates ("этого года", "биыл") resolve against it.
import type { DocDate, SupportedLang } from '../../types.js';

const HEADER = /^\s*date\s+(\d{4}-\d{2}-\d{2})(?![\p{L}\p{N}])/u;

/** The metadata header at the very start of a document, if any; `end` is where the body starts. */
export function documentHeader(text: string): { date: string | null; end: number } {
  const m = HEADER.exec(text);
  return m ? { date: m[1]!, end: m[0].length } : { date: null, end: 0 };
}

export function documentDate(text: string, _lang: SupportedLang): DocDate | null {
  const header = documentHeader(text);
  if (header.date) return { iso: header.date, source: 'header' };
  return null;
}
