// Sentence spans, so that every fact can carry the sentence it came from.
// A sentence ends at a line break, or at . ! ? … followed by space and a capital, digit, quote
// or dash, unless the word before the dot is an initial or a listed abbreviation.
import { lazyRegex } from '../rules/regex.js';

export interface Span {
  start: number;
  end: number;
}

// Built on first use, so that the build records its source (scripts/prebuild.mjs).
const endRe = lazyRegex(String.raw`[.!?…]+["»”’)]*(?=\s+["«“„(—–-]?[\p{Lu}\p{N}])|\n+`, 'gu');

export function sentenceSpans(text: string, abbreviations: ReadonlySet<string>): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const END = endRe();
  END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = END.exec(text)) !== null) {
    if (m[0][0] === '.' && isAbbreviation(text, m.index, abbreviations)) continue;
    pushTrimmed(text, start, m.index + (m[0][0] === '\n' ? 0 : m[0].length), spans);
    start = m.index + m[0].length;
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

function isAbbreviation(text: string, dot: number, abbreviations: ReadonlySet<string>): boolean {
  let i = dot;
  while (i > 0 && /[\p{L}]/u.test(text[i - 1]!)) i--;
  const word = text.slice(i, dot);
  if (word.length === 1 && word === word.toUpperCase() && word !== word.toLowerCase()) return true; // an initial: "В. Путин"
  return abbreviations.has(word.toLowerCase());
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end });
}

/** The text of the sentence(s) covering [start, end): a fact that crosses a boundary gets both. */
export function sentenceOf(text: string, spans: readonly Span[], start: number, end: number): string {
  let lo = 0;
  let hi = spans.length - 1;
  let first = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end > start) {
      first = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  if (first < 0) return text.slice(start, end);
  let last = first;
  while (last + 1 < spans.length && spans[last + 1]!.start < end) last++;
  const s = Math.min(spans[first]!.start, start);
  const e = Math.max(spans[last]!.end, end);
  return text.slice(s, e);
}
