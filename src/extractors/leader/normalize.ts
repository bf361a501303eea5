// Normalising names: transliteration to Latin, kebab-case ids, and the nominative-ish form of a
// discovered name (case endings or suffixes removed, by the language's inflection) so that every
// form of one person gives one id.
import type { Case, DeclensionClass, Translit } from './data.js';
import { lemma } from './inflect.js';

/**
 * Cyrillic (Russian and Kazakh letters) to Latin by rules/common/translit.json, in lower case:
 * letter pairs first (at a word's end, then anywhere), then a letter by its place (word start, after a vowel), then alone.
 */
export function transliterate(s: string, table: Translit): string {
  const chars = [...s.toLowerCase()];
  const vowels = table.vowels ?? '';
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const last = table.final?.[ch + (chars[i + 1] ?? '')];
    if (last !== undefined && !/\p{L}/u.test(chars[i + 2] ?? '')) {
      out += last;
      i++;
      continue;
    }
    const pair = table.digraphs?.[ch + (chars[i + 1] ?? '')];
    if (pair !== undefined) {
      out += pair;
      i++;
      continue;
    }
    const prev = chars[i - 1];
    const placed =
      prev === undefined || !/\p{L}/u.test(prev) ? table.initial?.[ch] : vowels.includes(prev) ? table.afterVowel?.[ch] : undefined;
    const t = placed ?? table.translit[ch];
    out += t === undefined ? ch : t;
  }
  return out;
}

/** A name in Latin letters, each word capitalised as written (Ерлан Қошанов → Yerlan Koshanov, бин → bin). */
export function latinName(s: string, table: Translit): string {
  if (!/[\u0400-\u04ff]/u.test(s)) return s;
  return s
    .split(/([\s-]+)/u)
    .map((w) => {
      const latin = transliterate(w, table);
      return /^\p{Lu}/u.test(w) ? latin.charAt(0).toUpperCase() + latin.slice(1) : latin;
    })
    .join('');
}

/** A stable kebab-case id: Latin letters and digits, words joined by hyphens. */
export function kebabId(s: string, table: Translit): string {
  return transliterate(s, table)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A declined name with its case endings removed word by word (only where unambiguous). */
export function declinedNominative(words: readonly string[], c: Case, table: readonly DeclensionClass[]): string[] {
  return words.map((w) => w.split('-').map((part, i, all) => (i === all.length - 1 ? lemma(part, c, table) : part)).join('-'));
}

/** The last word of a name without one trailing suffix of a suffix chain (Назарбаевтың → Назарбаев). */
export function stripSuffix(word: string, suffixes: readonly string[], minStem = 4): string {
  const bare = word.replace(/-[\p{Ll}]+$/u, (m) => (suffixes.includes(m.slice(1)) ? '' : m));
  if (bare !== word) return bare;
  for (const s of [...suffixes].sort((a, b) => b.length - a.length)) {
    if (word.endsWith(s) && word.length - s.length >= minStem) return word.slice(0, word.length - s.length);
  }
  return word;
}

export function unsuffixedNominative(words: readonly string[], suffixes: readonly string[]): string[] {
  if (!words.length) return [];
  return [...words.slice(0, -1), stripSuffix(words[words.length - 1]!, suffixes)];
}
