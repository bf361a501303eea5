// Building regular expressions from rules data. Word boundaries are Unicode-aware:
// `\b` only knows ASCII letters, so it would cut Cyrillic and Kazakh words apart.
//
// Every regex built from a string goes through `regex()`, which spells the Unicode classes
// `\p{L}`, `\p{Lu}`, `\p{Ll}` and `\p{N}` out as ranges over the scripts diplo reads: Latin,
// Greek and Cyrillic with their extensions, and the letter-like and number-form symbols. V8 builds
// `\p{L}` from its ~650 ranges and, under `i`, case-folds all of them, each time the class
// appears; diplo's rules hold about 2,300 such classes. Spelled out they compile in half the time,
// into smaller machine code that also runs faster. A letter of another script (Arabic, Chinese,
// Georgian…) is therefore not a letter to the rules: next to a number or a word it counts as a
// boundary, like punctuation.

/** Unicode blocks whose letters and digits the rules see as letters and digits. */
export const SCRIPT_BLOCKS: readonly (readonly [number, number])[] = [
  [0x0000, 0x052f], // Basic Latin … Cyrillic Supplement (Latin-1, Latin Extended-A/B, IPA, Greek, Cyrillic)
  [0x1e00, 0x1fff], // Latin Extended Additional (Vietnamese), Greek Extended
  [0x2070, 0x218f], // superscripts and subscripts, letter-like symbols, number forms
  // The other case of some letters above, so that under `i` the classes stay exact:
  [0x1d00, 0x1dbf], // phonetic extensions
  [0x2c60, 0x2c7f], // Latin Extended-C
  [0xa720, 0xa7ff], // Latin Extended-D
  [0xab30, 0xab6f], // Latin Extended-E
];

const SPELLED = ['L', 'Lu', 'Ll', 'N'] as const;
type Spelled = (typeof SPELLED)[number];

/** A code point as it stands in a character class: itself, escaped if the class syntax needs it. */
function classChar(c: number): string {
  const ch = String.fromCharCode(c);
  return '\\]-^['.includes(ch) ? `\\${ch}` : ch;
}

/** The ranges of a Unicode property within SCRIPT_BLOCKS, as the inside of a character class. */
function spellOut(property: Spelled): string {
  const has = new RegExp(`\\p{${property}}`, 'u');
  const parts: string[] = [];
  for (const [from, to] of SCRIPT_BLOCKS) {
    for (let c = from; c <= to; c++) {
      if (!has.test(String.fromCharCode(c))) continue;
      let end = c;
      while (end < to && has.test(String.fromCharCode(end + 1))) end++;
      parts.push(end === c ? classChar(c) : `${classChar(c)}-${classChar(end)}`);
      c = end;
    }
  }
  return parts.join('');
}

let spelled: Record<Spelled, string> | undefined;
const PROPERTY = /\\p\{(Lu|Ll|L|N)\}/y;

/** `source` with `\p{L}`, `\p{Lu}`, `\p{Ll}` and `\p{N}` spelled out (see the top of this file). */
export function spellClasses(source: string): string {
  if (!source.includes('\\p{')) return source;
  spelled ??= Object.fromEntries(SPELLED.map((p) => [p, spellOut(p)])) as Record<Spelled, string>;
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      PROPERTY.lastIndex = i;
      const m = PROPERTY.exec(source);
      if (m) {
        const ranges = spelled[m[1] as Spelled];
        out += inClass ? ranges : `[${ranges}]`;
        i += m[0].length - 1;
      } else {
        out += ch + (source[i + 1] ?? '');
        i++;
      }
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    out += ch;
  }
  return out;
}

/** The one way diplo builds a regex from a string: Unicode classes spelled out (see above). */
export function regex(source: string, flags: string): RegExp {
  return new RegExp(spellClasses(source), flags);
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
  const list = [...new Set(words)].filter(Boolean).sort((a, b) => b.length - a.length || a.localeCompare(b));
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
 * them at every match.
 */
export function branches(alts: readonly string[], groupsBefore = 0): { source: string; which(m: RegExpExecArray): number } {
  const numbers: number[] = [];
  let n = groupsBefore + 1;
  for (const a of alts) {
    numbers.push(n);
    n += 1 + captureCount(a);
  }
  return {
    source: alts.map((a) => `(${a})`).join('|'),
    which(m) {
      for (let i = 0; i < numbers.length; i++) if (m[numbers[i]!] !== undefined) return i;
      return -1;
    },
  };
}

/** A regex built on first use, for large sets of which a run needs few (a language's titles, project heads). */
export function lazyRegex(source: string, flags: string): () => RegExp {
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
