// Sentence spans, so that every fact can carry the sentence it came from.
// A sentence ends at a line break (but for one that wraps a line inside it: a lower-case letter
// right after it, or a word no sentence ends with, rules/<lang>/continues.json, before it), or at . ! ? … followed by space and a capital, digit, quote
// or dash, unless the word before the dot is an initial or a listed abbreviation.
// A sentence longer than SENTENCE_WINDOW characters (a table, a list, text without full stops)
// is given as a window of at most that many characters around the fact, cut at word boundaries,
// so that output grows with the input, not with its square.
import { lazyRegex } from '../rules/regex.js';

export interface Span {
  start: number;
  end: number;
}

/** The most characters (UTF-16 units) of a fact's `sentence`, unless the fact itself is longer. */
export const SENTENCE_WINDOW = 400;

// Built on first use, so that the build records its source (scripts/prebuild.mjs).
// A run of marks and the closing quotes after it, or a run of line breaks. The marks end a
// sentence only when `nextRe` matches right after them. The two are separate, not one regex with
// a look-ahead, because such a regex, failing on a run of n dots, retries at each of them: n².
const endRe = lazyRegex(String.raw`[.!?…]+["»”’)]*|\n+`, 'gu');
const nextRe = lazyRegex(String.raw`\s+["«“„(—–-]?[\p{Lu}\p{N}]`, 'uy');

export function sentenceSpans(text: string, abbreviations: ReadonlySet<string>, continues: ReadonlySet<string> = new Set()): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const END = endRe();
  const NEXT = nextRe();
  END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = END.exec(text)) !== null) {
    const newline = m[0][0] === '\n';
    if (newline && wrapped(text, m.index, m[0].length, continues)) continue;
    if (!newline) {
      NEXT.lastIndex = END.lastIndex;
      if (!NEXT.test(text)) continue;
      if (m[0][0] === '.' && isAbbreviation(text, m.index, abbreviations)) continue;
    }
    pushTrimmed(text, start, m.index + (newline ? 0 : m[0].length), spans);
    start = m.index + m[0].length;
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

/**
 * A text wrapped by hand ("ресми сапармен қырғыз\nелінің президенті"): a single line break inside
 * a sentence, between a letter, digit or comma and a lower-case letter, continues it; so does one
 * after a word no sentence ends with ("the meeting between Kazakhstan's\nPrime Minister": the
 * language's `continues` words, a possessive).
 */
function wrapped(text: string, at: number, length: number, continues: ReadonlySet<string>): boolean {
  if (length !== 1 || !/[\p{L}\p{N},]/u.test(text[at - 1] ?? '')) return false;
  if (/\p{Ll}/u.test(text[at + 1] ?? '')) return true;
  if (!/\p{L}/u.test(text[at + 1] ?? '')) return false;
  // The word as written: a capitalised one ("Эдгара По", "Сайга-12К") is a name's, not a preposition.
  const word = /(?<![\p{L}\p{N}-])[\p{L}'’]+$/u.exec(text.slice(Math.max(0, at - 30), at))?.[0] ?? '';
  return (continues.has(word) && word === word.toLowerCase()) || /\p{L}['’]s$/u.test(word);
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

/**
 * The text of the sentence(s) covering [start, end): a fact that crosses a boundary gets both.
 * Longer than SENTENCE_WINDOW, it is cut to a window around the fact (see `sentenceWindow`)
 * that stays within `limits`: the end of the fact of the same type before it and the start of
 * the one after it.
 */
export function sentenceOf(text: string, spans: readonly Span[], start: number, end: number, limits: Span = { start: 0, end: text.length }): string {
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
  const [a, b] = sentenceWindow(text, s, e, start, end, limits);
  return text.slice(a, b);
}

/**
 * Where to cut the sentence [s, e) around the fact [start, end): the whole sentence when it has
 * at most SENTENCE_WINDOW characters; else the fact with about as many characters on each side
 * (a side that reaches the sentence's edge leaves its share to the other), in all at most
 * SENTENCE_WINDOW, cut after a space at the left and before one at the right, so that no word is
 * cut; where a side has no space, at the edge of a word (a letter or digit next to something
 * else); where it has neither, it is left out. The fact itself is never cut.
 * In a long sentence, the window also stays within `limits` (the neighbouring facts of the fact's
 * type: in a list or a table the window is the fact's own entry), so that the windows of a text
 * dense with facts add up to a few times its size, not to SENTENCE_WINDOW times the facts.
 */
export function sentenceWindow(text: string, s: number, e: number, start: number, end: number, limits: Span = { start: s, end: e }): [number, number] {
  if (e - s <= SENTENCE_WINDOW) return [s, e];
  const from = Math.min(start, Math.max(s, limits.start));
  const to = Math.max(end, Math.min(e, limits.end));
  const room = Math.max(0, SENTENCE_WINDOW - (end - start));
  const right = Math.min(to - end, room - Math.min(start - from, room >> 1));
  const left = Math.min(start - from, room - right);
  let a = start - left;
  let b = end + right;
  if (a > s) a = cutForward(text, a, start);
  if (b < e) b = cutBackward(text, b, end);
  while (a < start && /\s/u.test(text[a]!)) a++;
  while (b > end && /\s/u.test(text[b - 1]!)) b--;
  return [a, b];
}

const SPACE = /\s/u;
const WORD = /[\p{L}\p{N}\p{M}]/u;

/** The first position in [from, limit] after a space, else at a word's edge, else `limit`. */
function cutForward(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) if (SPACE.test(text[i - 1]!)) return i;
  for (let i = from; i < limit; i++) if (edge(text, i)) return i;
  return limit;
}

/** The last position in [limit, from] before a space, else at a word's edge, else `limit`. */
function cutBackward(text: string, from: number, limit: number): number {
  for (let i = from; i > limit; i--) if (SPACE.test(text[i]!)) return i;
  for (let i = from; i > limit; i--) if (edge(text, i)) return i;
  return limit;
}

/** Whether `i` lies between a word character and something else, and not inside a surrogate pair. */
function edge(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 0xdc00 && c <= 0xdfff) return false;
  return WORD.test(text[i - 1]!) !== WORD.test(String.fromCodePoint(text.codePointAt(i)!));
}
