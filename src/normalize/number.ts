// The shared number layer: finds and reads numbers as the news writes them: digits with
// thousands groups and decimal marks ("2 500", "17,8", "1.5"), scale words ("млрд", "мың",
// "billion"), word numerals ("одного", "полтора", "жүз елу мың") and Kazakh endings on a
// scale ("3 млрд-қа"). Money, percent and dates compose `layer.quantity` into their
// patterns and read the matched text with `parseQuantity`.
import { expandFragments } from '../rules/fragments.js';
import { loadRules, perLang } from '../rules/load.js';
import { LB, RB, patternsAlt } from '../rules/regex.js';
import type { SupportedLang } from '../types.js';

interface NumberEntry {
  value: number;
  pattern: string;
}
interface NumberRules {
  decimalComma: boolean;
  words: NumberEntry[];
  fractions: NumberEntry[];
  scales: NumberEntry[];
  /** Endings a scale word may carry (Kazakh case suffixes). */
  wordSuffix?: string;
}

interface Entry {
  value: number;
  kind: 'word' | 'fraction' | 'scale';
  re: RegExp;
}

export interface NumberLayer {
  /** Regex source, no capturing groups: digits, with or without thousands groups and decimals. */
  digits: string;
  /** Regex source: one scale word with its endings ("млрд", "миллиона", "млрд-қа"). */
  scale: string;
  /** Regex source: a whole quantity ("17,8 млн", "одного миллиарда", "полтора миллиона", "15 тыс."). */
  quantity: string;
  decimalComma: boolean;
  entries: Entry[];
  /** Anchored: the digits a quantity starts with. */
  leadingDigits: RegExp;
}

const SP = '[ \\u00A0\\u202F\\u2009]+';

export const numberLayer = perLang((lang: SupportedLang): NumberLayer => {
  const rules = loadRules<NumberRules>(lang, 'numbers');
  const x = (p: string) => expandFragments(p, lang);
  const suffix = rules.wordSuffix ? x(rules.wordSuffix) : '';
  const word = `${patternsAlt(rules.words.map((w) => x(w.pattern)))}${RB}`;
  const fraction = `${patternsAlt(rules.fractions.map((w) => x(w.pattern)))}${RB}`;
  const scale = `${patternsAlt(rules.scales.map((w) => x(w.pattern)))}(?:${suffix})?(?![\\p{L}\\p{N}_])`;
  const digits = `(?<![\\p{L}\\p{N}_.,])(?:${x('{@digits}')})`;
  const quantity =
    `(?:${digits}(?:${SP}${scale})*` +
    `|${LB}${fraction}(?:${SP}${scale})+` +
    `|${LB}(?:${word}|${scale})(?:${SP}(?:${word}|${scale}))*)`; // a scale alone is one of it: "миллион долларов"
  const entries: Entry[] = [
    ...rules.words.map((w) => ({ value: w.value, kind: 'word' as const, re: anchored(x(w.pattern), '') })),
    ...rules.fractions.map((w) => ({ value: w.value, kind: 'fraction' as const, re: anchored(x(w.pattern), '') })),
    ...rules.scales.map((w) => ({ value: w.value, kind: 'scale' as const, re: anchored(x(w.pattern), suffix) })),
  ];
  const leadingDigits = new RegExp(`^(?:${x('{@digits}')})`, 'u');
  return { digits, scale, quantity, decimalComma: rules.decimalComma, entries, leadingDigits };
});

function anchored(pattern: string, suffix: string): RegExp {
  return new RegExp(`^(?:${pattern})${suffix ? `(?:${suffix})?` : ''}$`, 'iu');
}

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

/**
 * Reads a quantity matched by `layer.quantity`: digits or numeral words, multiplied by the
 * scale words after them ("двух миллионов трехсот тысяч" → 2 300 000). Null when a token
 * is not a number word of the language.
 */
export function parseQuantity(text: string, lang: SupportedLang): number | null {
  const layer = numberLayer(lang);
  let total = 0;
  let current = 0;
  let seen = false;
  let rest = text.trim();
  const lead = layer.leadingDigits.exec(rest);
  if (lead) {
    current = parseDigits(lead[0], layer.decimalComma);
    seen = true;
    rest = rest.slice(lead[0].length);
  }
  for (const tok of rest.split(/[ \u00A0\u202F\u2009]+/).filter(Boolean)) {
    const entry = layer.entries.find((e) => e.re.test(tok));
    if (!entry) return null;
    seen = true;
    if (entry.kind === 'scale') {
      total += (current || 1) * entry.value;
      current = 0;
    } else if (entry.value === 100) current = (current || 1) * 100; // "екі жүз", "two hundred", "сто"
    else current += entry.value;
  }
  return seen ? round(total + current) : null;
}

/** Removes floating-point noise from scaled decimals (1.7 × 10⁹). */
export function round(n: number): number {
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
