// A tokenizer that keeps offsets: words (with inner hyphens and dots: "Бендер-Аббас", "Alem.ai"),
// quoted names as single tokens, free-standing dashes, and other punctuation.
import { lazyRegex } from '../../rules/regex.js';
import { WORD_CHARS } from '../../rules/unicode.js';

export type TokenType = 'word' | 'quote' | 'dash' | 'punct';

export interface Token {
  type: TokenType;
  text: string;
  start: number;
  end: number;
  /** For a quote: the text between the quote marks. */
  inner?: string;
}

// A straight-quoted name opens after a non-letter and closes before one, on one line;
// long quotes are speech, not names, so the length is capped.
// Groups, in order: a quote, a word, a dash, other punctuation. They are numbered, not named: a
// named group makes every match build a `groups` object, and a text has tens of thousands of tokens.
// A word is a run of the characters the rules' word boundaries count as part of a word
// (WORD_CHARS): a class of few ranges, which V8 tests inline (see src/rules/unicode.ts).
const W = `[${WORD_CHARS}]`;
// Built on first use, so that the build records its source (scripts/prebuild.mjs).
const tokenRe = lazyRegex(
  String.raw`(«[^«»\n]{1,80}»|(?<![\p{L}\p{N}])"(?=\S)[^"\n]{1,70}(?<=\S)"(?![\p{L}\p{N}])|“[^“”\n]{1,70}”|„[^„“”\n]{1,70}[“”])|(${W}+(?:[.\-‐'’]${W}+)*)|([-–—‒])|([^\s${WORD_CHARS}])`,
  'gu',
);

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const TOKEN_RE = tokenRe();
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const type: TokenType = m[1] !== undefined ? 'quote' : m[2] !== undefined ? 'word' : m[3] !== undefined ? 'dash' : 'punct';
    const t: Token = { type, text: m[0], start: m.index, end: m.index + m[0].length };
    if (type === 'quote') t.inner = m[0].slice(1, -1).trim();
    out.push(t);
  }
  return out;
}

/** True when only spaces or tabs (no line break) lie between two tokens. */
export function adjacent(text: string, a: Token, b: Token): boolean {
  return /^[ \t\u00a0]*$/.test(text.slice(a.end, b.start));
}

export const isCapitalised = (w: string): boolean => /^\p{Lu}/u.test(w);
export const isLatin = (w: string): boolean => /^[A-Za-z]/.test(w) && !/[\p{Script=Cyrillic}]/u.test(w);

/** True when the token opens a sentence or a line (its capital letter then says nothing). */
export function sentenceInitial(text: string, t: Token): boolean {
  const before = text.slice(Math.max(0, t.start - 12), t.start).replace(/[ \t\u00a0«"“„(—–-]+$/u, '');
  return before === '' || /[.!?:;\n]$/.test(before);
}
