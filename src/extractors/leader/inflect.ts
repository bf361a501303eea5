// Inflected forms of names and titles as regex fragments, built from base (nominative) forms and
// the ending tables in rules/<lang>/leader.json, by the language's `inflection`: declension classes
// chosen by a word's final letters (Russian), a suffix chain after the word (Kazakh), or none
// (English names as written).
import { escapeRe, regex } from '../../rules/regex.js';
import type { Case, DeclensionClass } from './data.js';

export type { Case };

/**
 * A literal with е and ё interchangeable (Мирзиёев / Мирзиеев), any whitespace between words, and
 * a space for the hyphen of a double name ("Kassym Jomart Tokayev", "Frank Walter").
 */
export function literal(s: string): string {
  const chars = [...s];
  return chars
    .map((ch, i) => {
      if (ch === 'е' || ch === 'ё') return '[её]';
      if (ch === 'Е' || ch === 'Ё') return '[ЕЁ]';
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\u00a0') return '\\s+';
      if (ch === '-') return /\p{Ll}/u.test(chars[i - 1] ?? '') && /\p{Lu}/u.test(chars[i + 1] ?? '') ? '(?:-|[ \\t\\u00a0])' : '-';
      return escapeRe(ch);
    })
    .join('');
}

/** Alternation of endings, longest first; optional when one of them is empty. */
function endingsAlt(endings: Iterable<string>): string {
  const list = [...new Set(endings)].sort((a, b) => b.length - a.length);
  const nonEmpty = list.filter(Boolean).map(literal);
  if (!nonEmpty.length) return '';
  return `(?:${nonEmpty.join('|')})${list.includes('') ? '?' : ''}`;
}

/** Each table's class patterns, compiled once; and the class chosen per word ending (the last 4 letters decide). */
const compiledClasses = new WeakMap<readonly DeclensionClass[], { res: RegExp[]; byEnding: Map<string, DeclensionClass | undefined> }>();

function classesOf(table: readonly DeclensionClass[]): { res: RegExp[]; byEnding: Map<string, DeclensionClass | undefined> } {
  let entry = compiledClasses.get(table);
  if (!entry) {
    entry = { res: table.map((c) => regex(c.match, 'u')), byEnding: new Map() };
    compiledClasses.set(table, entry);
  }
  return entry;
}

export function declensionClass(word: string, table: readonly DeclensionClass[]): DeclensionClass | undefined {
  const { res, byEnding } = classesOf(table);
  const key = word.length > 4 ? word.slice(-4) : '^' + word;
  if (byEnding.has(key)) return byEnding.get(key);
  const i = res.findIndex((re) => re.test(word));
  const cls = i < 0 ? undefined : table[i];
  byEnding.set(key, cls);
  return cls;
}

/** Every written form of a declined word: stem + each ending of its class (the word itself when none). */
export function declinedForms(word: string, table: readonly DeclensionClass[]): [string, Case][] {
  const parts = word.split('-');
  const last = parts.pop()!;
  const head = parts.length ? parts.join('-') + '-' : '';
  const cls = declensionClass(last.toLowerCase(), table);
  const out: [string, Case][] = [[word, 'nom']];
  if (!cls) return out;
  const stem = last.slice(0, last.length - cls.strip);
  for (const [c, ends] of Object.entries(cls.forms) as [Case, string[]][]) {
    for (const e of ends) if (c !== 'fem') out.push([head + stem + e, c]);
  }
  return out;
}

/** One declined word in any case: stem + endings of its class; lowercase particles stay as written. */
export function declinedWord(word: string, table: readonly DeclensionClass[], plural = false): string {
  const parts = word.split('-');
  const last = parts.pop()!;
  const head = parts.length ? literal(parts.join('-') + '-') : '';
  const end = last.at(-1) ?? '';
  const cls = end !== end.toUpperCase() ? declensionClass(last.toLowerCase(), table) : undefined;
  if (!cls) return head + literal(last);
  const stem = last.slice(0, last.length - cls.strip);
  const endings = [...Object.values(cls.forms).flat(), ...(plural ? cls.plural ?? [] : [])];
  return head + literal(stem) + endingsAlt(endings);
}

/** A declined name in any case: every capitalised word declines, particles (оглу, фон) do not. */
export function declinedName(name: string, table: readonly DeclensionClass[]): string {
  return name
    .split(/\s+/)
    .map((w) => (/^\p{Lu}/u.test(w) ? declinedWord(w, table) : literal(w)))
    .join('\\s+');
}

/** A declined title phrase: the first `inflect` words decline (plural too), the rest stay; first letter either case. */
export function declinedTitle(phrase: string, inflect: number, table: readonly DeclensionClass[]): string {
  return phrase
    .split(/\s+/)
    .map((w, i) => {
      const body = i < inflect ? declinedWord(w, table, true) : literal(w);
      return i === 0 ? eitherCase(w, body) : body;
    })
    .join('\\s+');
}

/** A pattern whose first letter matches capital or small. */
export function eitherCase(word: string, pattern: string): string {
  const first = word[0]!;
  const lower = first.toLowerCase();
  const upper = first.toUpperCase();
  const head = literal(first);
  if (lower === upper || !pattern.startsWith(head)) return pattern;
  const letters = `${literal(upper)}${literal(lower)}`.replace(/[[\]]/g, '');
  return `[${letters}]` + pattern.slice(head.length);
}

/**
 * A bounded chain of suffixes after a word, each optionally after a hyphen (Тоқаев-пен,
 * Тоқаевтың). Each suffix is captured though no one reads it (a capture keeps the compiled
 * regex small); the chain comes after every numbered group a caller reads.
 */
export function suffixChain(suffixes: readonly string[], max: number): string {
  return `(?:-?(${endingsAlt(suffixes).replace(/\?$/, '')})){0,${max}}`;
}

/**
 * The nominative of a declined name word in case `c`, for the classes marked `lemmatize`
 * (consonant stems and -ов/-ин/-ский surnames): "Ибрахима" (gen) → "Ибрахим". Other words are
 * returned as written, since a vowel-final word may be indeclinable (Раиси).
 */
export function lemma(word: string, c: Case, table: readonly DeclensionClass[]): string {
  if (c === 'nom') return word;
  const lower = word.toLowerCase();
  for (const cls of table) {
    if (!cls.lemmatize) continue;
    for (const end of (cls.forms[c] ?? []).filter(Boolean).sort((a, b) => b.length - a.length)) {
      if (!lower.endsWith(end)) continue;
      const stem = word.slice(0, word.length - end.length);
      const nom = stem + (cls.forms.nom?.[0] ?? '');
      if (stem.length >= 2 && declensionClass(nom.toLowerCase(), table) === cls) return nom;
    }
  }
  return word;
}

/** Which case a declined word is in, given its nominative ("президента" → gen). */
export function caseOf(written: string, nominative: string, table: readonly DeclensionClass[]): Case {
  const cls = declensionClass(nominative.toLowerCase(), table);
  if (!cls) return 'nom';
  const stem = nominative.slice(0, nominative.length - cls.strip).toLowerCase();
  const ending = written.toLowerCase().slice(stem.length);
  for (const [c, ends] of Object.entries(cls.forms) as [Case, string[]][]) {
    if (ends.includes(ending)) return c;
  }
  return 'nom';
}
