// Anchored rules: a rule whose every match contains a cheap "anchor" (a month name, a currency,
// a "%") runs its full pattern only in windows around the anchor's hits, not at every position
// of the text. Large case-insensitive Unicode patterns that start with optional prefixes cannot
// skip ahead, so scanning a whole text with them costs a full attempt at each character; the
// anchor's one pass finds the few places worth that cost.
//
// The matches are the same as a scan of the whole text as long as every match starts at most
// `before` characters before the first anchor hit it contains. A match that ends more than
// `after` characters after its last anchor hit is checked, not trusted: the rule then scans the
// whole text. `scripts/anchor-reach.mjs` measures both reaches on real text.
import { compile, compileNow, LB, matchAll } from './regex.js';

export interface AnchoredRule {
  re: RegExp;
  /** Global regex every match of `re` contains; null: scan the whole text. */
  anchor: RegExp | null;
  /** Characters a match may start before its first anchor hit. */
  before: number;
  /** Characters a match may end after its last anchor hit. */
  after: number;
}

/**
 * Compiles an anchor. An anchor only says where to look, so it may find more than the rule: the
 * word-start look-behinds of its fragments are dropped, because a pattern that opens with one
 * cannot skip ahead to its first letter (a month anchor scans 3× faster without).
 */
export function compileAnchor(source: string): RegExp {
  return compile(source.replaceAll(LB, '').replaceAll('(?<![\\p{L}])', ''), { ignoreCase: true });
}

/**
 * What of a rules pattern an anchor needs: its stem, without the endings a stem takes ({@suffix})
 * or an optional word before it ("(?:АҚШ\\s+)?доллар"): a match holds the stem either way, and an
 * anchor that opens with an optional part or ends in a run of letters is tried at far more places.
 */
export function anchorStem(pattern: string): string {
  return topLevel(pattern)
    .map((alt) => {
      const m = /^\(\?:/.exec(alt) ? closing(alt, 0) : -1;
      // an optional group in front, and something after it
      return m > 0 && alt[m + 1] === '?' && m + 2 < alt.length ? alt.slice(m + 2) : alt;
    })
    .join('|')
    .replaceAll('{@suffix}', '');
}

/** A pattern's top-level alternatives. */
function topLevel(pattern: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(pattern.slice(from, i));
      from = i + 1;
    }
  }
  return [...out, pattern.slice(from)];
}

/** Index of the parenthesis closing the group that opens at `open`, or -1. */
function closing(pattern: string, open: number): number {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Look-behind context given to a window; never scanned for match starts. */
const BEHIND = 120;
/** Look-ahead context given to a window. */
const AHEAD = 40;

/** Anchor hits are shared by the rules with the same anchor, for the last text seen. */
let hitsText: string | null = null;
const hitsMemo = new Map<RegExp, number[]>();

/** [start, end, start, end, …] of the anchor's hits in `text`. */
function anchorHits(anchor: RegExp, text: string): number[] {
  if (hitsText !== text) {
    hitsMemo.clear();
    hitsText = text;
  }
  let hits = hitsMemo.get(anchor);
  if (!hits) {
    hits = [];
    for (const m of matchAll(anchor, text)) hits.push(m.index, m.index + m[0].length);
    hitsMemo.set(anchor, hits);
  }
  return hits;
}

/** The rule's matches in `text`, in order, as a scan of the whole text would give them. */
export function matchRule(rule: AnchoredRule, text: string): RegExpExecArray[] {
  if (!rule.anchor) return matchAll(rule.re, text);
  const hits = anchorHits(rule.anchor, text);
  const out: RegExpExecArray[] = [];
  // Windows are short subjects: see `compileNow`.
  if (hits.length) compileNow(rule.re);
  const n = text.length;
  let i = 0;
  while (i < hits.length) {
    // One window: the core where matches may start or end, merged over hits close together.
    const coreStart = Math.max(0, hits[i]! - rule.before);
    let coreEnd = Math.min(n, hits[i + 1]! + rule.after);
    i += 2;
    while (i < hits.length && hits[i]! - rule.before <= coreEnd + AHEAD) {
      coreEnd = Math.min(n, Math.max(coreEnd, hits[i + 1]! + rule.after));
      i += 2;
    }
    if (!scanWindow(rule.re, text, coreStart, coreEnd, out)) return matchAll(rule.re, text);
  }
  return out;
}

/** Matches starting in [coreStart, coreEnd); false when one ends past the core (then trust nothing). */
function scanWindow(re: RegExp, text: string, coreStart: number, coreEnd: number, out: RegExpExecArray[]): boolean {
  const sliceStart = Math.max(0, coreStart - BEHIND);
  const sliceEnd = Math.min(text.length, coreEnd + AHEAD);
  const sub = text.slice(sliceStart, sliceEnd);
  re.lastIndex = coreStart - sliceStart;
  let m: RegExpExecArray | null;
  while ((m = re.exec(sub)) !== null) {
    const start = m.index + sliceStart;
    if (start >= coreEnd) break;
    const end = start + m[0].length;
    if (end > coreEnd && sliceEnd < text.length) return false;
    m.index = start;
    m.input = text;
    if (m.indices) shiftIndices(m.indices, sliceStart);
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return true;
}

function shiftIndices(indices: RegExpIndicesArray, by: number): void {
  const shift = (pair: [number, number] | undefined) => {
    if (pair) {
      pair[0] += by;
      pair[1] += by;
    }
  };
  for (let k = 0; k < indices.length; k++) shift(indices[k]);
  // Named groups' pairs are the same arrays as the numbered ones: already shifted.
}
