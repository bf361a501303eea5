// The shared number layer: finds and reads numbers as the news writes them: digits with
// thousands groups and decimal marks ("2 500", "17,8", "1.5"), scale words ("млрд", "мың",
// "billion"), word numerals ("одного", "полтора", "жүз елу мың") and Kazakh endings on a
// scale ("3 млрд-қа"). Money, percent and dates compose `layer.quantity` into their
// patterns and read the matched text with `parseQuantity`.
import { expandFragments } from '../rules/fragments.js';
import { loadRules, perLang } from '../rules/load.js';
import { LB, RB, patternsAlt, wordsAlt, regex } from '../rules/regex.js';
import type { SupportedLang } from '../types.js';

interface NumberEntry {
  value: number;
  pattern: string;
}
interface VagueEntry {
  pattern: string;
  min: number;
  max: number;
  times: number;
}
interface NumberRules {
  decimalComma: boolean;
  /** How far a match built on a quantity reaches from its anchor (a currency, a "%"): src/rules/anchor.ts. */
  anchorReach: { before: number; after: number };
  words: NumberEntry[];
  fractions: NumberEntry[];
  scales: NumberEntry[];
  vague?: VagueEntry[];
  /** Endings a scale word may carry (Kazakh case suffixes). */
  wordSuffix?: string;
  /**
   * Words that join two quantities into a range: "от 3 до 5", "from 3 to 5"; `paired`: a joining
   * word that makes a range only after its opening word ("between 3 and 5", not "3 and 5").
   */
  range?: { from: string[]; to: string[]; paired?: { from: string; to: string }[] };
  /** Words that make a number negative ("минус 1,2 млрд"); a minus sign glued to digits always does. */
  negative?: string[];
  /**
   * Scale words a lone comma group may stand before as a decimal comma: "$87,133 million" is
   * 87.133 million in the style of news that writes decimals with a comma, not 87 billion.
   */
  decimalBeforeScale?: string[];
  /** Numeral words may be joined by a hyphen ("twenty-five"). */
  hyphenWords?: boolean;
  /** Scale abbreviations that may be glued to the digits ("1.5bn", "5млрд"); each must also be a scale. */
  gluedScales?: string[];
}

type Entry =
  | { kind: 'word' | 'fraction' | 'scale'; value: number; re: RegExp }
  | { kind: 'vague'; min: number; max: number; times: number; re: RegExp };

export interface NumberLayer {
  /** Regex source, no capturing groups: digits, with or without thousands groups and decimals. */
  digits: string;
  /** Regex source: one scale word with its endings ("млрд", "миллиона", "млрд-қа"). */
  scale: string;
  /** Regex source: a whole quantity ("17,8 млн", "1.5bn", "одного миллиарда", "полтора миллиона", "несколько сотен тысяч"). */
  quantity: string;
  /** Regex source: a quantity with an optional sign before it ("-3 млрд", "минус 1,2 млрд", "−5"). */
  signed: string;
  decimalComma: boolean;
  /** Sticky regexes, one per numeral, scale or vague word, to read a quantity token by token. */
  entries: Entry[];
  /** Sticky: digits at a position. */
  digitsAt: RegExp;
  /** Regex source: the optional word that opens a range ("от "), or ''. */
  rangeFrom: string;
  /** Regex source: what joins a range's two ends (a dash, " до "); groups `rf` (opening word) and `rj` (joining word). */
  rangeJoin: string;
  /** Whether a range's groups make one: a paired joining word ("and", "до") needs its opening word ("between", "от"). */
  rangeOk(groups: Record<string, string | undefined>): boolean;
  /** How far a match built on quantities reaches before and after its anchor. */
  reach: { before: number; after: number };
  /** Anchored: a negative word and the space after it, or null. */
  negativeWord: RegExp | null;
  /** Lower-case scale words before which a lone comma group is a decimal comma. */
  decimalScales: Set<string>;
}

const SP = '[ \\u00A0\\u202F\\u2009]+';

export const numberLayer = perLang((lang: SupportedLang): NumberLayer => {
  const rules = loadRules<NumberRules>(lang, 'numbers');
  const x = (p: string) => expandFragments(p, lang);
  const suffix = rules.wordSuffix ? x(rules.wordSuffix) : '';
  const vague = rules.vague ?? [];
  const word = `${patternsAlt(rules.words.map((w) => x(w.pattern)))}${RB}`;
  const fraction = `${patternsAlt(rules.fractions.map((w) => x(w.pattern)))}${RB}`;
  const scale = `${patternsAlt(rules.scales.map((w) => x(w.pattern)))}(?:${suffix})?(?![\\p{L}\\p{N}_])`;
  const fuzzy = vague.length ? `|${patternsAlt(vague.map((v) => x(v.pattern)))}${RB}` : '';
  const digits = `(?<![\\p{L}\\p{N}_.,])(?:${x('{@digits}')})`;
  const token = `(?:${word}|${scale}${fuzzy})`;
  const join = rules.hyphenWords ? `(?:${SP}|-)` : SP;
  const glued = rules.gluedScales?.length ? `|(?:${patternsAlt(rules.gluedScales.map(x))})(?:${suffix})?(?![\\p{L}\\p{N}_])` : '';
  const quantity =
    // an abbreviated scale may be glued to the digits: "1.5bn", "500m", "5млрд"
    `(?:${digits}(?:${SP}${scale}${glued})*` +
    `|${LB}${fraction}(?:${SP}${scale})+` +
    // a scale alone is a quantity too: "миллион долларов"
    `|${LB}${token}(?:${join}${token})*)`;
  // A minus glued to the digits, not after a word, a digit or another dash (so not a range's dash).
  // (the look-behind after the sign, so that a scan can skip ahead to a "-" or "−")
  const minus = `[-\\u2212](?<![\\p{L}\\p{N}_.,\\-\\u2010-\\u2015\\u2212][-\\u2212])(?=\\d)`;
  const negative = rules.negative?.length ? `|${LB}${wordsAlt(rules.negative)}${SP}` : '';
  const signed = `(?:(?:${minus}${negative})?${quantity})`;
  const sticky = (pattern: string, sfx: string) =>
    regex(`(?:${pattern})${sfx ? `(?:${sfx})?` : ''}(?![\\p{L}\\p{N}_])`, 'iuy');
  const entries: Entry[] = [
    ...vague.map((v) => ({ kind: 'vague' as const, min: v.min, max: v.max, times: v.times, re: sticky(x(v.pattern), '') })),
    ...rules.words.map((w) => ({ kind: 'word' as const, value: w.value, re: sticky(x(w.pattern), '') })),
    ...rules.fractions.map((w) => ({ kind: 'fraction' as const, value: w.value, re: sticky(x(w.pattern), '') })),
    ...rules.scales.map((w) => ({ kind: 'scale' as const, value: w.value, re: sticky(x(w.pattern), suffix) })),
  ];
  const digitsAt = regex(`(?:${x('{@digits}')})`, 'uy');
  const { from = [], to = [], paired = [] } = rules.range ?? {};
  const opening = [...from, ...paired.map((p) => p.from)];
  const rangeFrom = opening.length ? `(?:${LB}(?<rf>${wordsAlt(opening)})\\s+)?` : '';
  const joinWords = [...to, ...paired.map((p) => p.to)];
  const rangeJoin = `(?:\\s*[-\\u2010-\\u2015\\u2212]\\s*${joinWords.length ? `|\\s+(?<rj>${wordsAlt(joinWords)})\\s+` : ''})`;
  const pairs = new Map(paired.map((p) => [p.to.toLowerCase(), p.from.toLowerCase()]));
  const rangeOk = (g: Record<string, string | undefined>) => {
    const needs = g.rj !== undefined ? pairs.get(g.rj.toLowerCase()) : undefined;
    return needs === undefined || g.rf?.toLowerCase() === needs;
  };
  const negativeWord = rules.negative?.length ? regex(`^${wordsAlt(rules.negative)}${SP}`, 'iu') : null;
  const decimalScales = new Set((rules.decimalBeforeScale ?? []).map((w) => w.toLowerCase()));
  return { digits, scale, quantity, signed, negativeWord, decimalScales, rangeOk, decimalComma: rules.decimalComma, entries, digitsAt, rangeFrom, rangeJoin, reach: rules.anchorReach };
});

/**
 * Reads digits as written: "2 500" → 2500, "17,8" → 17.8, "1.500" → 1500 (where a comma is the
 * decimal mark), "1,500" → 1500 and "1.5" → 1.5 (where the dot is).
 */
export function parseDigits(raw: string, decimalComma: boolean): number {
  let s = raw.replace(/[ \u00A0\u202F\u2009]/g, '');
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  if (dots && commas) {
    const dec = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    s = s.split(dec === '.' ? ',' : '.').join('').replace(dec, '.');
  } else if (dots + commas > 1) {
    s = s.replace(/[.,]/g, '');
  } else if (dots + commas === 1) {
    const sep = dots ? '.' : ',';
    const after = s.length - s.indexOf(sep) - 1;
    const decimalMark = decimalComma ? ',' : '.';
    const grouping = sep !== decimalMark && after === 3;
    s = grouping ? s.replace(sep, '') : s.replace(sep, '.');
  }
  return Number(s);
}

/** A quantity as the text states it: one number (min = max), or a range for vague words. */
export interface Quantity {
  min: number;
  max: number;
}

/**
 * Reads a quantity matched by `layer.quantity`: digits or numeral words, multiplied by the scale
 * words after them ("двух миллионов трехсот тысяч" → 2 300 000). Vague words give a range
 * ("несколько сотен миллионов" → 200 000 000..900 000 000). Null when a part is not a number word.
 */
export function readQuantity(text: string, lang: SupportedLang): Quantity | null {
  const layer = numberLayer(lang);
  let s = text.trim();
  const negative = /^[-\u2212]/.test(s) || (layer.negativeWord?.test(s) ?? false);
  if (negative) s = s.replace(/^[-\u2212]/, '').replace(layer.negativeWord ?? /^$/, '');
  const q = readUnsigned(s, layer);
  return q && negative ? { min: -q.max, max: -q.min } : q;
}

function readUnsigned(s: string, layer: NumberLayer): Quantity | null {
  const total = { min: 0, max: 0 };
  let current: Quantity | null = null;
  if (!s) return null;
  let i = 0;
  while (i < s.length) {
    if (/[\s\u00A0\u202F\u2009-]/u.test(s[i]!)) {
      i++;
      continue;
    }
    layer.digitsAt.lastIndex = i;
    const d = layer.digitsAt.exec(s);
    if (d && !current) {
      const decimal = layer.decimalComma || decimalBeforeScale(d[0], s.slice(i + d[0].length), layer);
      const v = parseDigits(d[0], decimal);
      current = { min: v, max: v };
      i += d[0].length;
      continue;
    }
    const hit = longestEntryAt(layer.entries, s, i, current === null);
    if (!hit) return null;
    const [entry, length] = hit;
    i += length;
    if (entry.kind === 'vague') {
      if (!current) current = { min: entry.min, max: entry.max };
      else current = times(current, entry.times);
      if (entry.times >= 1000) {
        add(total, current);
        current = null;
      }
    } else if (entry.kind === 'scale') {
      add(total, times(current ?? { min: 1, max: 1 }, entry.value));
      current = null;
    } else if (entry.value === 100) current = times(current ?? { min: 1, max: 1 }, 100); // "екі жүз", "two hundred", "сто"
    else current = current ? { min: current.min + entry.value, max: current.max + entry.value } : { min: entry.value, max: entry.value };
  }
  if (current) add(total, current);
  return { min: round(total.min), max: round(total.max) };
}

/** "87,133" before "million" where the language reads a lone comma group there as a decimal comma. */
function decimalBeforeScale(digits: string, rest: string, layer: NumberLayer): boolean {
  if (!layer.decimalScales.size || !/^\d{1,3},\d{3}$/.test(digits)) return false;
  const next = /^[ \u00A0\u202F\u2009]*(\p{L}+)/u.exec(rest);
  return next !== null && layer.decimalScales.has(next[1]!.toLowerCase());
}

/** Reads a quantity that states one number; null for a vague one. */
export function parseQuantity(text: string, lang: SupportedLang): number | null {
  const q = readQuantity(text, lang);
  return q && q.min === q.max ? q.min : null;
}

/** The longest entry matching at `i`; a vague reading only where a number starts ("тысячи" alone). */
function longestEntryAt(entries: Entry[], s: string, i: number, atStart: boolean): [Entry, number] | null {
  let best: [Entry, number] | null = null;
  for (const e of entries) {
    if (e.kind === 'vague' && !atStart && e.times === 1) continue;
    e.re.lastIndex = i;
    const m = e.re.exec(s);
    if (!m) continue;
    const better = !best || m[0].length > best[1] || (m[0].length === best[1] && preferOver(e, best[0], atStart));
    if (better) best = [e, m[0].length];
  }
  return best;
}

/** On a tie: at the start of a number a plural scale is vague ("тысячи долларов"), after one it scales ("две тысячи"). */
function preferOver(e: Entry, other: Entry, atStart: boolean): boolean {
  return atStart ? e.kind === 'vague' && other.kind !== 'vague' : e.kind !== 'vague' && other.kind === 'vague';
}

function times(q: Quantity, k: number): Quantity {
  return { min: q.min * k, max: q.max * k };
}

function add(total: Quantity, q: Quantity): void {
  total.min += q.min;
  total.max += q.max;
}

/** Removes floating-point noise from scaled decimals (1.7 × 10⁹). */
export function round(n: number): number {
  // An integer under 10^12 comes back from toPrecision(12) as it was (and -0 as 0); the string
  // round trip costs a microsecond, and a text dense with amounts makes millions of them.
  if (Number.isInteger(n) && Math.abs(n) < 1e12) return n + 0;
  return Number(n.toPrecision(12));
}

/**
 * The end of a match without a full stop that closes the sentence: "до $10 млрд." keeps "млрд"
 * but "15 тыс. рублей" keeps "тыс.". A dot counts as the sentence's when the text ends or a
 * capital letter, quote or line break follows.
 */
export function endBeforeFullStop(text: string, end: number): number {
  if (text[end - 1] !== '.') return end;
  const after = text.slice(end, end + 3);
  return /^(?:\s*$|\s*[\p{Lu}"«„“\n])/u.test(after) ? end - 1 : end;
}

/**
 * The scale a quantity ends with ("5 млн" → 10⁶, "сотен миллионов" → 10⁶, "17" → 1), so that the
 * first end of a range without one can take it: "3–5 млн" is 3 to 5 million.
 */
export function trailingScale(text: string, lang: SupportedLang): number {
  const words = text.trim().split(/[ \u00A0\u202F\u2009]+/);
  const scales = numberLayer(lang).entries.filter((e) => e.kind === 'scale');
  let factor = 1;
  for (let i = words.length - 1; i >= 0; i--) {
    const scale = scales.find((e) => {
      e.re.lastIndex = 0;
      const m = e.re.exec(words[i]!);
      return m !== null && m[0].length === words[i]!.length;
    });
    if (!scale || scale.kind !== 'scale') break;
    factor *= scale.value;
  }
  return factor;
}

/**
 * The two ends of a range ("от 3 до 5 млн", "3–5 млн"): a first end without a scale word takes
 * the scale of the second ("3–5 млн" is 3 million to 5 million; "от нескольких десятков до
 * нескольких сотен миллионов" is 20 million to 900 million).
 */
export function rangeBounds(n1: string, n2: string, lang: SupportedLang): Quantity | null {
  const low = readQuantity(n1, lang);
  const high = readQuantity(n2, lang);
  if (!low || !high) return null;
  const min = trailingScale(n1, lang) === 1 ? round(low.min * trailingScale(n2, lang)) : low.min;
  return min <= high.max ? { min, max: high.max } : null;
}
