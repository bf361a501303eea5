// Regex sources rewritten so that V8 compiles them fast, matching exactly what they matched.
//
// 1. Letters and digits are the letters and digits of the scripts diplo reads. `\p{L}`, `\p{Lu}`,
//    `\p{Ll}` and `\p{N}` are spelled out as ranges over SCRIPT_BLOCKS: Latin, Greek and
//    Cyrillic with their extensions, and the letter-like and number-form symbols. V8 builds
//    `\p{L}` from ~650 ranges each time the class appears, and diplo's rules hold about 2,300
//    such classes. A letter of another script (Arabic, Chinese, Georgian…) is therefore not a
//    letter to the rules: next to a number or a word it counts as a boundary, like punctuation.
// 2. Case-insensitive rules compile without the `i` flag. Under `iu`, V8 works out the case
//    variants of every letter and class each time it compiles a regex; here they are written
//    into the source once per distinct letter or class ("к" becomes "[Кк]"). Two characters
//    are the same under `iu` when their simple case foldings are equal; those classes are found
//    once, from the case mappings of the Basic Multilingual Plane, each pairing confirmed by V8.
//    A source using something whose meaning under `i` is not a set of characters (`\w`, `\b`,
//    back-references, Unicode properties not spelled out, characters beyond the BMP) is not
//    rewritten: `rewrite` returns null and the regex keeps its `i` flag.
// 3. A look-around that tests one character against a class with `\p{L}` or `\p{N}` in it (the
//    word boundaries: `(?<![\p{L}\p{N}_])`, `(?![\p{L}])`) spells them by blocks, not letter by
//    letter: BOUNDARY_LETTERS and BOUNDARY_DIGITS. Spelled exactly, the class has about 80 ranges,
//    and V8 tests a class of more than 16 ranges by calling out to a binary search in C++, at
//    every position a rule tries: that call was the largest single cost of a run (7 % of CPU
//    samples, and spelled by blocks a 10 MB run takes about 8 % less time). By blocks, a boundary
//    also sees the combining marks and the few symbols of those blocks as part of a word, and
//    the rare letters outside them (letter-like symbols, super- and subscript letters, Latin
//    Extended-C/D/E) as boundaries. Classes that match text (not look-arounds) stay exact.
// Together they halve start-up (compiling the rules) and shrink the machine code of every rule.
import { loadRules } from './load.js';
import { compiledSource } from './compiled.js';

/** Unicode blocks whose letters and digits the rules see as letters and digits. */
export const SCRIPT_BLOCKS: readonly (readonly [number, number])[] = [
  [0x0000, 0x052f], // Basic Latin … Cyrillic Supplement (Latin-1, Latin Extended-A/B, IPA, Greek, Cyrillic)
  [0x1e00, 0x1fff], // Latin Extended Additional (Vietnamese), Greek Extended
  [0x2070, 0x218f], // superscripts and subscripts, letter-like symbols, number forms
  // The other case of some letters above, so that `\p{Lu}` under `i` stays exact:
  [0x1d00, 0x1dbf], // phonetic extensions
  [0x2c60, 0x2c7f], // Latin Extended-C
  [0xa720, 0xa7ff], // Latin Extended-D
  [0xab30, 0xab6f], // Latin Extended-E
];

/**
 * What a word boundary counts as a letter: the Latin, Greek and Cyrillic blocks whole, from
 * Latin-1's letters to the Cyrillic Supplement (with the IPA and spacing modifiers, the combining
 * marks and the Greek block between them), Cyrillic Extended-C, and the phonetic extensions
 * through Greek Extended. Together with BOUNDARY_DIGITS and "_" these are 14 ranges: V8 tests a
 * class of at most 16 ranges inline (a longer one through a call to C++).
 */
const BOUNDARY_LETTERS: readonly (readonly [number, number])[] = [
  [0x41, 0x5a], [0x61, 0x7a], [0xaa, 0xaa], [0xb5, 0xb5], [0xba, 0xba], [0xc0, 0xd6], [0xd8, 0xf6], [0xf8, 0x052f],
  [0x1c80, 0x1c88], [0x1d00, 0x1ffc],
];
/** What a word boundary counts as a digit: ASCII digits, Latin-1's superscripts and fractions. */
const BOUNDARY_DIGITS: readonly (readonly [number, number])[] = [[0x30, 0x39], [0xb2, 0xb3], [0xb9, 0xb9], [0xbc, 0xbe]];

/** Spans of code points as the inside of a character class (built once, at load). */
const spansClass = (spans: readonly (readonly [number, number])[]): string =>
  asRanges(spans.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, k) => from + k)));

const BOUNDARY_LETTER_CLASS = spansClass(BOUNDARY_LETTERS);
const BOUNDARY_DIGIT_CLASS = spansClass(BOUNDARY_DIGITS);

/** The characters a word boundary counts as part of a word, "_" aside, as [from, to] spans. */
export const WORD_SPANS: readonly (readonly [number, number])[] = [...BOUNDARY_LETTERS, ...BOUNDARY_DIGITS];

/**
 * The inside of a class of those characters: for a tokenizer whose words are what the boundaries
 * delimit.
 */
export const WORD_CHARS = spansClass(WORD_SPANS);

const SPELLED = ['L', 'Lu', 'Ll', 'N'] as const;
type Spelled = (typeof SPELLED)[number];

/** A code point as it stands in a character class: itself, escaped if the class syntax needs it. */
function classChar(c: number): string {
  const ch = String.fromCharCode(c);
  return '\\]-^['.includes(ch) ? `\\${ch}` : ch;
}

/** Code points as the inside of a character class, in ranges. */
function asRanges(points: Iterable<number>): string {
  const sorted = [...new Set(points)].sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out += j === i ? classChar(sorted[i]!) : j === i + 1 ? classChar(sorted[i]!) + classChar(sorted[j]!) : `${classChar(sorted[i]!)}-${classChar(sorted[j]!)}`;
    i = j;
  }
  return out;
}

/** Each property's code points, found once: testing the blocks' 3,900 characters takes 0.5–1 ms. */
const pointsOf = new Map<Spelled, readonly number[]>();

/** The code points of a Unicode property within SCRIPT_BLOCKS. */
function propertyPoints(property: Spelled): readonly number[] {
  let out = pointsOf.get(property);
  if (out) return out;
  const has = new RegExp(`\\p{${property}}`, 'u');
  const found: number[] = [];
  for (const [from, to] of SCRIPT_BLOCKS) for (let c = from; c <= to; c++) if (has.test(String.fromCharCode(c))) found.push(c);
  pointsOf.set(property, (out = found));
  return out;
}

/**
 * The sets of BMP characters that are the same under `iu`, found from the case mappings of
 * every character, each pairing confirmed by V8 itself. `scripts/case-variants.mjs` writes them
 * to rules/common/case-variants.json, which diplo reads at run time (computing them takes 20 ms)
 * when the running Node has the same Unicode version; a test checks the file against V8.
 */
export function computeCaseGroups(): string[] {
  const cased = /\p{Changes_When_Casemapped}/u;
  const same = /^(.)\1$/iu;
  const parent = new Map<number, number>();
  const root = (c: number): number => {
    let r = c;
    while (parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  const join = (a: number, b: number) => {
    for (const c of [a, b]) if (!parent.has(c)) parent.set(c, c);
    const ra = root(a);
    const rb = root(b);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  };
  const tryJoin = (c: number, other: string) => {
    if (other.length === 1 && other.charCodeAt(0) !== c && same.test(String.fromCharCode(c) + other)) join(c, other.charCodeAt(0));
  };
  // Characters whose full mapping is the same string ("ΐ" U+0390 and U+1FD3 both upper-case
  // to three characters) may be the same under `iu` without mapping to each other.
  const byMapping = new Map<string, number>();
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    if (!cased.test(ch)) continue;
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    for (const other of [lower, upper, upper.toLowerCase(), lower.toUpperCase()]) tryJoin(c, other);
    for (const key of [`u${upper}`, `l${lower}`]) {
      const seen = byMapping.get(key);
      if (seen === undefined) byMapping.set(key, c);
      else tryJoin(c, String.fromCharCode(seen));
    }
  }
  const groups = new Map<number, number[]>();
  for (const c of [...parent.keys()].sort((a, b) => a - b)) {
    const r = root(c);
    const g = groups.get(r);
    if (g) g.push(c);
    else groups.set(r, [c]);
  }
  return [...groups.values()].map((g) => String.fromCharCode(...g));
}

/** The characters a spelled-out property stands for (without case variants). */
export function spelledChars(p: Spelled): string[] {
  return propertyPoints(p).map((c) => String.fromCharCode(c));
}

/**
 * The groups from rules/common/case-variants.json when it was written for this Node's Unicode
 * version; else (another Node, whose V8 may case letters the file does not know) worked out anew.
 */
export function caseGroups(): string[] {
  const file = loadRules<{ unicode: string; groups: string[] }>('common', 'case-variants');
  return file.unicode === process.versions.unicode ? file.groups : computeCaseGroups();
}

let variantTable: Map<number, readonly number[]> | undefined;

/** For each BMP character with case variants, all the characters equal to it under `iu`. */
function caseVariants(): Map<number, readonly number[]> {
  if (variantTable) return variantTable;
  variantTable = new Map();
  for (const group of caseGroups()) {
    const members = [...group].map((ch) => ch.charCodeAt(0));
    for (const c of members) variantTable.set(c, members);
  }
  return variantTable;
}

/** `points` with the case variants of each, as the inside of a character class. */
function foldedRanges(points: Iterable<number>): string {
  const table = caseVariants();
  const all: number[] = [];
  for (const c of points) {
    const v = table.get(c);
    if (v) for (const x of v) all.push(x);
    else all.push(c);
  }
  return asRanges(all);
}

/** Class contents, memoised: the spelled properties, and folded letters and ranges. */
const memo = new Map<string, string>();

function remember(key: string, make: () => string): string {
  let v = memo.get(key);
  if (v === undefined) {
    v = make();
    memo.set(key, v);
  }
  return v;
}

const property = (p: Spelled, fold: boolean): string =>
  remember(`p${p}${fold ? 'i' : ''}`, () => (fold ? foldedRanges(propertyPoints(p)) : asRanges(propertyPoints(p))));

/** Per BMP code unit: its case variants as class contents, '' if it has none; filled on first use. */
const charVariants: (string | undefined)[] = [];
/** The same as a class of its own ("[Кк]"), for a letter outside a class. */
const charClasses: (string | undefined)[] = [];

/** The case variants of one character as class contents, or null if it has none. */
function variantsOf(code: number): string | null {
  let v = charVariants[code];
  if (v === undefined) {
    v = caseVariants().has(code) ? foldedRanges([code]) : '';
    charVariants[code] = v;
    charClasses[code] = v === '' ? '' : `[${v}]`;
  }
  return v === '' ? null : v;
}

/** A letter outside a class with its case variants ("[Кк]"), or null if it has none. */
function classOf(code: number): string | null {
  if (charClasses[code] === undefined) variantsOf(code);
  const c = charClasses[code]!;
  return c === '' ? null : c;
}

function foldedRange(from: number, to: number): string {
  return remember(`r${from}-${to}`, () => {
    const points: number[] = [];
    for (let c = from; c <= to; c++) points.push(c);
    return foldedRanges(points);
  });
}

class Unfoldable extends Error {}

const PROPERTY = /\\p\{(Lu|Ll|L|N)\}/y;
/** Escapes whose meaning under `iu` is not a plain set of characters (or that name groups). */
const UNFOLDABLE_ESCAPE = /[wWbBpPk1-9]/;
const SYNTAX = /[\^$\\.*+?()[\]{}|/-]/;
/** Ranges larger than this are left to V8 (the source keeps `i`). */
const MAX_RANGE = 20_000;

/** An escaped character (`\u0410`, `\u{410}`, `\x41`, `\-`) at `i` (the backslash); null for other escapes. */
function escapedChar(source: string, i: number): { code: number; end: number } | null {
  const n = source[i + 1];
  if (n === 'u') {
    if (source[i + 2] === '{') {
      const close = source.indexOf('}', i + 3);
      return { code: parseInt(source.slice(i + 3, close), 16), end: close + 1 };
    }
    return { code: parseInt(source.slice(i + 2, i + 6), 16), end: i + 6 };
  }
  if (n === 'x') return { code: parseInt(source.slice(i + 2, i + 4), 16), end: i + 4 };
  if (n !== undefined && SYNTAX.test(n)) return { code: n.charCodeAt(0), end: i + 2 };
  return null;
}

/** Length of an escape that is not a character (`\s`, `\d`, `\cJ`…), which is copied as it is. */
const escapeLength = (source: string, i: number): number => (source[i + 1] === 'c' ? 3 : 2);

/**
 * `source` with the Unicode classes spelled out and, when `fold` is set, with the case variants
 * of every letter written in so that it needs no `i` flag; null when it cannot be folded.
 */
export function rewrite(source: string, fold: boolean): string | null {
  if (!fold && !source.includes('\\p{')) return source;
  return compiledSource(`${fold ? 'i' : 'u'}:${source}`, () => {
    try {
      return scan(source, fold);
    } catch (e) {
      if (!(e instanceof Unfoldable)) throw e;
      return null;
    }
  });
}

/** `source` with `\p{L}`, `\p{Lu}`, `\p{Ll}` and `\p{N}` spelled out. */
export function spellClasses(source: string): string {
  return rewrite(source, false)!;
}

/** A character: its case variants when folding and it has any, else its own text. */
function char(code: number, text: string, fold: boolean, inClass: boolean): string {
  if (fold && (code >= 0xd800 && code <= 0xdfff || code > 0xffff)) throw new Unfoldable();
  const v = fold ? variantsOf(code) : null;
  if (v === null) return text;
  return inClass ? v : `[${v}]`;
}

const BACKSLASH = 0x5c;
const OPEN_CLASS = 0x5b;
const OPEN_GROUP = 0x28;

function scan(source: string, fold: boolean): string {
  let out = '';
  let i = 0;
  const n = source.length;
  while (i < n) {
    // Copy a run of characters that stay as they are in one slice.
    const run = i;
    let folded: string | null = null;
    for (; i < n; i++) {
      const c = source.charCodeAt(i);
      if (c === BACKSLASH || c === OPEN_CLASS || c === OPEN_GROUP) break;
      if (fold) {
        if (c >= 0xd800 && c <= 0xdfff) throw new Unfoldable();
        if ((folded = classOf(c)) !== null) break;
      }
    }
    if (i > run) out += source.slice(run, i);
    if (i >= n) break;
    if (folded !== null) {
      out += folded;
      i++;
      continue;
    }
    const ch = source[i]!;
    if (ch === '\\') {
      PROPERTY.lastIndex = i;
      const m = PROPERTY.exec(source);
      if (m) {
        out += `[${property(m[1] as Spelled, fold)}]`;
        i += m[0].length;
        continue;
      }
      const esc = escapedChar(source, i);
      if (esc) {
        out += char(esc.code, source.slice(i, esc.end), fold, false);
        i = esc.end;
        continue;
      }
      if (fold && UNFOLDABLE_ESCAPE.test(source[i + 1]!)) throw new Unfoldable();
      const len = escapeLength(source, i);
      out += source.slice(i, i + len);
      i += len;
    } else if (ch === '[') {
      const r = scanClass(source, i, fold, false);
      out += r.text;
      i = r.end;
    } else if (opensBoundaryLookAround(source, i)) {
      // A look-around of one class: with \p{L} or \p{N} in it, a word boundary (see 3. above).
      const open = source.indexOf('[', i);
      const r = scanClass(source, open, fold, true);
      if (source[r.end] !== ')') {
        out += ch; // a look-around that goes on after its class: an ordinary group
        i++;
        continue;
      }
      out += source.slice(i, open) + r.text + ')';
      i = r.end + 1;
    } else if (source[i + 1] === '?' && source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!') {
      const close = source.indexOf('>', i);
      out += source.slice(i, close + 1); // a group's name is not text to match
      i = close + 1;
    } else {
      out += ch; // "(": an ordinary group or a look-around
      i++;
    }
  }
  return out;
}

/** One character of a class at `i`: its code, or null for an escape that is not a character. */
function classAtom(source: string, i: number, fold: boolean): { code: number | null; end: number } {
  if (source[i] !== '\\') return { code: source.charCodeAt(i), end: i + 1 };
  const esc = escapedChar(source, i);
  if (esc) return esc;
  if (fold && UNFOLDABLE_ESCAPE.test(source[i + 1]!)) throw new Unfoldable();
  return { code: null, end: i + escapeLength(source, i) };
}

/** A look-around whose body starts with a class that holds `\p{L}` or `\p{N}`. */
const LOOK_AROUND_CLASS = /\(\?<?[!=]\[(?:\\.|[^\]\\])*?\\p\{[LN]\}/y;

function opensBoundaryLookAround(source: string, i: number): boolean {
  LOOK_AROUND_CLASS.lastIndex = i;
  return LOOK_AROUND_CLASS.test(source);
}

/**
 * The class opened at `start`, rewritten; `end` is the index after its `]`. In a `boundary`
 * class, `\p{L}` and `\p{N}` are spelled by blocks and not case-folded (see 3. above).
 */
function scanClass(source: string, start: number, fold: boolean, boundary: boolean): { text: string; end: number } {
  let out = '[';
  let i = start + 1;
  if (source[i] === '^') {
    out += '^';
    i++;
  }
  while (source[i] !== ']') {
    if (i >= source.length) throw new SyntaxError(`unterminated character class in /${source}/`);
    PROPERTY.lastIndex = i;
    const m = source[i] === '\\' ? PROPERTY.exec(source) : null;
    if (m) {
      const p = m[1] as Spelled;
      out += boundary && p === 'L' ? BOUNDARY_LETTER_CLASS : boundary && p === 'N' ? BOUNDARY_DIGIT_CLASS : property(p, fold);
      i += m[0].length;
      continue;
    }
    const a = classAtom(source, i, fold);
    if (a.code === null) {
      out += source.slice(i, a.end);
      i = a.end;
      continue;
    }
    if (source[a.end] === '-' && source[a.end + 1] !== ']') {
      const b = classAtom(source, a.end + 1, fold);
      if (b.code === null) throw new SyntaxError(`bad range in character class in /${source}/`);
      if (fold) {
        if (b.code - a.code > MAX_RANGE || b.code > 0xd7ff) throw new Unfoldable();
        out += foldedRange(a.code, b.code);
      } else {
        out += source.slice(i, b.end);
      }
      i = b.end;
      continue;
    }
    out += char(a.code, source.slice(i, a.end), fold, true);
    i = a.end;
  }
  return { text: `${out}]`, end: i + 1 };
}
