// Building regular expressions from rules data. Word boundaries are Unicode-aware:
// `\b` only knows ASCII letters, so it would cut Cyrillic and Kazakh words apart.
// `regex()` is the one way a regex is built from a string: see `./unicode.ts` for how its
// source is rewritten so that V8 compiles it fast.
import { byCodeUnits } from '../text/order.js';
import { rewrite } from './unicode.js';

/**
 * A regex from a string, its Unicode classes spelled out and, under `iu`, the case variants
 * written into the source so that it compiles without `i` (see `./unicode.ts`).
 */
export function regex(source: string, flags: string): RegExp {
  if (flags.includes('i') && flags.includes('u')) {
    const folded = rewrite(source, true);
    if (folded !== null) return new RegExp(folded, flags.replace('i', ''));
  }
  return new RegExp(rewrite(source, false)!, flags);
}

/** Regexes with a source at least this long are worth compiling to machine code at once. */
const LARGE_SOURCE_CHARS = 1000;
/** A subject of 1,000 characters (two bytes each, as Cyrillic text is) that no rule looks for. */
const LONG_SUBJECT = '\uFFFF'.repeat(1000);
const compiled = new WeakSet<RegExp>();

/**
 * Has V8 compile a large regex's machine code now, before its first run on a short subject. V8
 * runs a regex's first match in an interpreter, compiling it to bytecode, and compiles machine
 * code at the second; only when the first subject is 1,000 characters or longer does it compile
 * machine code at once. For the large rules (money, dates: up to 40 KB of source once rewritten)
 * the bytecode costs about three times what the machine code does. Run once on a long subject,
 * the regex skips the bytecode; its later matches are unchanged (`lastIndex` is reset).
 */
export function compileNow(re: RegExp): void {
  if (compiled.has(re)) return;
  compiled.add(re);
  if (re.source.length < LARGE_SOURCE_CHARS) return;
  re.lastIndex = 0;
  re.exec(LONG_SUBJECT);
  re.lastIndex = 0;
}

/** Not preceded by a letter, digit or underscore. */
export const LB = '(?<![\\p{L}\\p{N}_])';
/** Not followed by a letter, digit or underscore. */
export const RB = '(?![\\p{L}\\p{N}_])';

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** Literal words or phrases as one alternation, longest first so that the longest form wins. */
export function wordsAlt(words: Iterable<string>): string {
  const list = [...new Set(words)].filter(Boolean).sort((a, b) => b.length - a.length || byCodeUnits(a, b));
  return `(?:${list.map((w) => escapeRe(w).replace(/ /g, '\\s+')).join('|')})`;
}

/** Regex fragments from rules data as one alternation, longest source first. */
export function patternsAlt(patterns: Iterable<string>): string {
  const list = [...new Set(patterns)].filter(Boolean).sort((a, b) => b.length - a.length);
  return `(?:${list.join('|')})`;
}

/** Compiles a pattern once; `u` (Unicode) and `g` are always on, `i` when asked. */
export function compile(source: string, opts: { ignoreCase?: boolean; sticky?: boolean } = {}): RegExp {
  return regex(source, `gu${opts.ignoreCase ? 'i' : ''}${opts.sticky ? 'y' : ''}`);
}

/** How many capturing groups a pattern has (named ones included). */
export function captureCount(source: string): number {
  let n = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(' && (source[i + 1] !== '?' || (source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!'))) n++;
  }
  return n;
}

/**
 * An alternation whose branches are told apart by number: `source` wraps each branch in a
 * capturing group, and `which(m)` is the index of the branch that matched (-1 if none).
 * `groupsBefore` counts the capturing groups that come before the alternation in the regex.
 * Named groups would tell the same, but a regex with hundreds of them builds an object of all of
 * them at every match. `groups` is each branch's group number, what `whichBranch` tells them by.
 */
export function branches(
  alts: readonly string[],
  groupsBefore = 0,
): { source: string; groups: number[]; which(m: RegExpExecArray): number } {
  const groups: number[] = [];
  let n = groupsBefore + 1;
  for (const a of alts) {
    groups.push(n);
    n += 1 + captureCount(a);
  }
  return { source: alts.map((a) => `(${a})`).join('|'), groups, which: whichBranch(groups) };
}

/** The index of the branch that matched, given each branch's group number (see `branches`). */
export function whichBranch(groups: readonly number[]): (m: RegExpExecArray) => number {
  return (m) => {
    for (let i = 0; i < groups.length; i++) if (m[groups[i]!] !== undefined) return i;
    return -1;
  };
}

/** Every regex declared by `lazyRegex`, built or not: what compiling the rules rewrites too. */
export const declaredRegexes: [source: string, flags: string][] = [];

/** A regex built on first use, for large sets of which a run needs few (a language's titles, project heads). */
export function lazyRegex(source: string, flags: string): () => RegExp {
  declaredRegexes.push([source, flags]);
  let re: RegExp | undefined;
  return () => (re ??= regex(source, flags));
}

/** All matches of a global regex, with its lastIndex reset first (compiled regexes are shared). */
export function matchAll(re: RegExp, text: string): RegExpExecArray[] {
  re.lastIndex = 0;
  const out: RegExpExecArray[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}
