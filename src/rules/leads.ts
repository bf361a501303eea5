// Where a word-start regex (a gazetteer, titles, heads, name runs) may match, found by a lookup
// instead of a regex scan.
//
// A regex of a hundred names that opens with a word-start look-behind cannot skip ahead: V8
// tries every name at every character, which made the project gazetteer alone 16 % of a run.
// Every match of such a regex starts at a word start with one of a few known pairs of letters
// (the first two letters of a name), so a single pass over the text's character codes finds
// the candidates, and the same regex, made sticky, runs only there. It finds exactly the
// matches the global scan found: it is tried at every position the scan could have matched, in
// order, and resumes after each match as the scan did.
import { lazyRegex, regex } from './regex.js';
import { rewrite, spelledChars, WORD_SPANS } from './unicode.js';

/**
 * How a pattern's matches begin: their first two or three characters (`prefixes`), or their
 * first character alone (`firsts`).
 */
export interface PatternLeads {
  prefixes: string[];
  firsts: string[];
}

/**
 * The characters a pattern's match can begin with: its first three characters when they are
 * plain (a letter, an escaped symbol, or a class of plain letters, without a quantifier), else
 * its first two, else the first character alone; null when not even that is plain. Three tell
 * more than two: "пре" (президент, премьер) leaves out the "при", "про" and "пра" words that
 * "пр" lets through, each a regex run that finds nothing. Alternatives ("a|b", and a group
 * "(?:a|b)c" the pattern opens with) are read one by one.
 */
export function leadsOf(pattern: string): PatternLeads | null {
  const alternatives = topLevelAlternatives(pattern);
  if (alternatives.length > 1) return union(alternatives.map(leadsOf));
  if (pattern.startsWith('(?:')) {
    const close = groupEnd(pattern, 0);
    if (close < 0 || '?*+{'.includes(pattern[close + 1] ?? '\0')) return null;
    const rest = pattern.slice(close + 1);
    return union(topLevelAlternatives(pattern.slice(3, close)).map((a) => leadsOf(a + rest)));
  }
  const a = atomAt(pattern, 0);
  if (!a || mayRepeatOrMiss(pattern, a.end)) return null;
  if (pattern[a.end] === '+') return { prefixes: [], firsts: a.chars };
  const b = atomAt(pattern, a.end);
  if (!b || mayRepeatOrMiss(pattern, b.end) || a.chars.length * b.chars.length > MAX_PREFIXES) return { prefixes: [], firsts: a.chars };
  const pairs = a.chars.flatMap((x) => b.chars.map((y) => x + y));
  if (pattern[b.end] === '+') return { prefixes: pairs, firsts: [] };
  const c = atomAt(pattern, b.end);
  if (!c || mayRepeatOrMiss(pattern, c.end) || pairs.length * c.chars.length > MAX_PREFIXES) return { prefixes: pairs, firsts: [] };
  return { prefixes: pairs.flatMap((xy) => c.chars.map((z) => xy + z)), firsts: [] };
}

/** Whether the atom ending at `end` carries `?`, `*` or `{…}`: it may be missing or counted, so the next atom is not surely next. */
function mayRepeatOrMiss(pattern: string, end: number): boolean {
  return '?*{'.includes(pattern[end] ?? '\0');
}

function union(all: (PatternLeads | null)[]): PatternLeads | null {
  if (all.some((l) => l === null)) return null;
  return { prefixes: all.flatMap((l) => l!.prefixes), firsts: all.flatMap((l) => l!.firsts) };
}

/** The alternatives of `pattern` at its top level ("a|b(?:c|d)" → "a", "b(?:c|d)"). */
function topLevelAlternatives(pattern: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') i++;
    else if (ch === '[') i = classClose(pattern, i);
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(pattern.slice(from, i));
      from = i + 1;
    }
  }
  out.push(pattern.slice(from));
  return out;
}

/** Index of the `]` that closes the character class opened at `start` (or the pattern's end). */
function classClose(pattern: string, start: number): number {
  let i = start + 1;
  for (; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
  return i;
}

/** Index of the `)` that closes the group opened at `start`, or -1. */
function groupEnd(pattern: string, start: number): number {
  let depth = 0;
  for (let i = start; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') i++;
    else if (ch === '[') i = classClose(pattern, i);
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Beyond this many prefixes ("\\p{Lu}\\p{Ll}": a million), a pattern's shorter prefix is looked up. */
const MAX_PREFIXES = 4096;

/** One plain atom at `i`: the characters it matches, or null. */
function atomAt(p: string, i: number): { chars: string[]; end: number } | null {
  const ch = p[i];
  if (ch === undefined) return null;
  if (ch === '\\') {
    const property = /^\\p\{(Lu|Ll|L|N)\}/.exec(p.slice(i, i + 6));
    if (property) return { chars: spelledChars(property[1] as 'L' | 'Lu' | 'Ll' | 'N'), end: i + property[0].length };
    return /[.*+?^${}()|[\]\\/-]/.test(p[i + 1] ?? '') ? { chars: [p[i + 1]!], end: i + 2 } : null;
  }
  if (ch === '[') {
    const end = p.indexOf(']', i);
    const body = p.slice(i + 1, end);
    return end > i + 1 && !/[\\\-^[]/.test(body) ? { chars: [...body], end: end + 1 } : null;
  }
  if ('.^$|()?*+{}'.includes(ch)) return null;
  if (ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff) return null;
  return { chars: [ch], end: i + 1 };
}

let wordTable: Uint8Array | undefined;

/**
 * Per BMP code unit: 1 if the rules' word-start look-behind (`LB`) counts it as part of a word:
 * the boundary's letters and digits (a look-around's class is spelled by blocks, see
 * ./unicode.ts) and "_". Filled from the spans; a test checks it against the look-behind.
 */
export function wordChars(): Uint8Array {
  if (wordTable) return wordTable;
  wordTable = new Uint8Array(0x10000);
  for (const [from, to] of WORD_SPANS) wordTable.fill(1, from, to + 1);
  wordTable[0x5f] = 1;
  return wordTable;
}

const PAIR = 1;
const ALONE = 2;
const TRIPLE = 4;
const TRIPLE_SLOTS = 1 << 16;

/** A slot for three code units (NaN past the text's end counts as 0). */
function tripleSlot(a: number, b: number, c: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c | 0, 0xc2b2ae3d)) >>> 16;
}

/** The word starts at which any of a regex's patterns may match. */
export class Leads {
  private readonly first = new Uint8Array(0x10000);
  private readonly pairs = new Set<number>();
  /**
   * The first three characters, hashed into a bit per slot: a set lookup with a key that large
   * (three code units do not fit a small integer) cost more than the regex runs it saved. Two
   * prefixes may share a slot; the sticky regex then tells, so a collision costs a run, never a match.
   */
  private readonly triples = new Uint8Array(TRIPLE_SLOTS);

  /** The lookup for the leads of a regex's patterns (see `leadsOfAll`). */
  static from(all: PatternLeads): Leads {
    const leads = new Leads();
    for (const prefix of all.prefixes) {
      if (prefix.length === 2) {
        leads.first[prefix.charCodeAt(0)]! |= PAIR;
        leads.pairs.add(prefix.charCodeAt(0) * 0x10000 + prefix.charCodeAt(1));
      } else {
        leads.first[prefix.charCodeAt(0)]! |= TRIPLE;
        leads.triples[tripleSlot(prefix.charCodeAt(0), prefix.charCodeAt(1), prefix.charCodeAt(2))] = 1;
      }
    }
    for (const f of all.firsts) leads.first[f.charCodeAt(0)]! |= ALONE;
    return leads;
  }

  /** Whether a match may start at `i`, a position that no word character precedes. */
  at(text: string, i: number): boolean {
    const c0 = text.charCodeAt(i);
    const kind = this.first[c0]!;
    if (kind === 0) return false;
    if ((kind & ALONE) !== 0) return true;
    const c1 = text.charCodeAt(i + 1);
    if ((kind & PAIR) !== 0 && this.pairs.has(c0 * 0x10000 + c1)) return true;
    return (kind & TRIPLE) !== 0 && this.triples[tripleSlot(c0, c1, text.charCodeAt(i + 2))] === 1;
  }
}

/**
 * The positions of a text that no word character precedes (its start, and every position after
 * a space, a punctuation mark or a line break): where any lead regex's match may begin. Found in
 * one pass and shared by every lead regex run on the same text, so that each of them (a language
 * has half a dozen) looks only at these, about one position in six, instead of at every character.
 * Kept for the last text seen.
 */
let startsText: string | null = null;
let starts = new Int32Array(0);
/** Filled for each new text, then copied out at its size: a paused scan keeps its own copy. */
let scratch = new Int32Array(4096);

function wordStartsOf(text: string): Int32Array {
  if (startsText === text) return starts;
  const word = wordChars();
  let n = 0;
  let wordBefore = false;
  for (let i = 0; i < text.length; i++) {
    if (!wordBefore) {
      if (n === scratch.length) {
        const grown = new Int32Array(scratch.length * 2);
        grown.set(scratch);
        scratch = grown;
      }
      scratch[n++] = i;
    }
    wordBefore = word[text.charCodeAt(i)] === 1;
  }
  starts = scratch.slice(0, n);
  startsText = text;
  return starts;
}

/**
 * The leads of all of a regex's patterns, each told once; null when some pattern's first
 * characters cannot be told (the whole text is scanned then).
 */
function leadsOfAll(patterns: Iterable<string>): PatternLeads | null {
  const prefixes = new Set<string>();
  const firsts = new Set<string>();
  for (const p of patterns) {
    const l = leadsOf(p);
    if (!l) return null;
    for (const x of l.prefixes) prefixes.add(x);
    for (const x of l.firsts) firsts.add(x);
  }
  return { prefixes: [...prefixes], firsts: [...firsts] };
}

/** A word-start regex, global for a scan and sticky for the candidates its leads give. */
export interface LeadRegex {
  /** Global, for a scan of the whole text (when there are no leads); built on first use. */
  readonly re: RegExp;
  sticky: RegExp;
  /** Null when some pattern's first letters cannot be told: the regex scans the whole text. */
  leads: Leads | null;
}

/** A word-start regex as plain data, which the rules' compiled form can hold (see ./compiled.ts). */
export interface LeadPlan {
  source: string;
  flags: string;
  leads: PatternLeads | null;
}

/**
 * A word-start regex from its full `source` (the look-behind, then alternatives) and the
 * patterns its matches can begin with (each alternative, or what may come before them).
 */
export function leadRegex(source: string, starts: Iterable<string>, flags = 'gu'): LeadRegex {
  return leadRegexOf(leadPlan(source, starts, flags));
}

/** What `leadRegex` is built from, as plain data. */
export function leadPlan(source: string, starts: Iterable<string>, flags = 'gu'): LeadPlan {
  // Under `i`, a start's letters are looked up in every case: the folded pattern spells them out.
  const fold = flags.includes('i');
  const patterns = fold ? [...starts].map((p) => rewrite(p, true) ?? '(?:)') : starts;
  return { source, flags, leads: leadsOfAll(patterns) };
}

export function leadRegexOf({ source, flags, leads }: LeadPlan): LeadRegex {
  // The global regex is built only if asked for: with leads, the sticky one does the work.
  const scan = lazyRegex(source, flags);
  return {
    get re() {
      return scan();
    },
    sticky: regex(source, `${flags}y`),
    leads: leads && Leads.from(leads),
  };
}

/** The matches of a word-start regex: the same, in the same order, as a scan of the whole text with `re`. */
export function* leadMatches(text: string, g: LeadRegex): Generator<RegExpExecArray> {
  if (!g.leads) {
    g.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = g.re.exec(text)) !== null) yield m;
    return;
  }
  const positions = wordStartsOf(text);
  let resume = 0;
  for (let k = 0; k < positions.length; k++) {
    const i = positions[k]!;
    if (i < resume || !g.leads.at(text, i)) continue;
    g.sticky.lastIndex = i;
    const m = g.sticky.exec(text);
    if (m === null) continue;
    yield m;
    resume = m.index + Math.max(1, m[0].length);
  }
}
