// The countries a project name refers to ("казахско-азербайджанский" → KZ, AZ; "Казахстан –
// Туркменистан – Иран" → KZ, TM, IR; "в порту Алят" → AZ). Country names come from
// rules/common/countries.json (as the leader extractor reads them), adjective stems and places that
// stand for a country from rules/common/country-adjectives.json; how their words take endings from
// `placeWords` in rules/<lang>/project.json. No regex alternation: each word of a found project's
// name is looked up by its prefixes in a map built once per language, a few map lookups per word.
import { loadRules, perLang } from '../../rules/load.js';
import type { SupportedLang } from '../../types.js';
import { lazyRegex, regex } from '../../rules/regex.js';
import type { ProjectRulesData } from './lexicon.js';

interface CountryData {
  code: string;
  /** Written forms by form set (see rules/common/countries.json). */
  forms: Record<string, string[]>;
}

interface AdjectiveData {
  adjectives: Partial<Record<SupportedLang, Record<string, string[]>>>;
  places: ({ code: string } & Partial<Record<SupportedLang, string[]>>)[];
}

const ABBR = /^[\p{Lu}\p{N}.]+$/u;
// Built on first use.
const wordRe = lazyRegex(String.raw`[\p{L}\p{N}'’.]*[\p{L}\p{N}](?:-[\p{L}\p{N}'’.]*[\p{L}\p{N}])*`, 'gu');

/** One word of a name: its lower-case stem and how many letters of ending it may take. */
interface WordKey {
  stem: string;
  maxSuffix: number;
  /** A proper name: the word in the text must open with a capital letter (ABBR: be written exactly). */
  capital: boolean;
  abbr: boolean;
}

interface Entry {
  code: string;
  words: WordKey[];
  /** A city or port that stands for its country ("Aktau"), not the country's name or adjective. */
  place?: boolean;
}

/** How a language's place names take endings (`placeWords`), compiled. */
interface PlaceWords {
  maxSuffix: number;
  abbrSuffix: number;
  indeclinable: RegExp | null;
  strip: RegExp | null;
  possessive: RegExp | null;
}

/**
 * The key of one word of a country or place name. Russian names decline by their last letters
 * ("Россия" → "России", "Казахстан" → "Казахстане"); names ending in -у/-и/-ы/-о/-е do not
 * ("Баку", "Актау", "Тбилиси"). Kazakh names take a suffix chain ("Қазақстанның"); English ones
 * stay as written (a possessive is cut before lookup).
 */
function nounKey(word: string, p: PlaceWords): WordKey {
  if (ABBR.test(word) && word.length <= 5) return { stem: word, maxSuffix: p.abbrSuffix, capital: true, abbr: true };
  const lw = word.toLowerCase();
  if (p.indeclinable?.test(lw)) return { stem: lw, maxSuffix: 0, capital: true, abbr: false };
  return { stem: p.strip ? lw.replace(p.strip, '') : lw, maxSuffix: p.maxSuffix, capital: true, abbr: false };
}

/** An adjective stem: "казахстанск" (-ий, -ого, -о- ...), kk "қазақ" (a suffix chain); either case. */
function adjectiveKey(stem: string, p: PlaceWords): WordKey {
  return { stem: stem.toLowerCase(), maxSuffix: p.maxSuffix, capital: false, abbr: false };
}

interface Compiled {
  /** Entries by the stem of their first word, longest names first. */
  byStem: Map<string, Entry[]>;
  /**
   * The first two code units (`pairKey`) of the stems a word in any case may fit (adjectives), and
   * of those only a capitalised word fits (names, abbreviations): a word that starts with none of
   * them names no state.
   */
  pairs: { anyCase: Set<number>; capital: Set<number> };
  place: PlaceWords;
}

/** The first two code units of a string as one number. */
const pairKey = (s: string): number => s.charCodeAt(0) * 0x10000 + s.charCodeAt(1);

const compiled = perLang((lang: SupportedLang): Compiled => {
  const { countries } = loadRules<{ countries: CountryData[] }>('common', 'countries');
  const extra = loadRules<AdjectiveData>('common', 'country-adjectives');
  const rules = loadRules<Partial<ProjectRulesData>>(lang, 'project', {});
  const d = rules.placeWords ?? { maxSuffix: 0 };
  const optional = (src: string | undefined) => (src ? regex(src, 'u') : null);
  const place: PlaceWords = {
    maxSuffix: d.maxSuffix,
    abbrSuffix: d.abbrSuffix ?? 0,
    indeclinable: optional(d.indeclinable),
    strip: optional(d.strip),
    possessive: optional(d.possessive),
  };
  const byStem = new Map<string, Entry[]>();
  const add = (code: string, words: WordKey[], place = false) => {
    const list = byStem.get(words[0]!.stem) ?? [];
    list.push({ code, words, ...(place ? { place } : {}) });
    list.sort((a, b) => b.words.length - a.words.length);
    byStem.set(words[0]!.stem, list);
  };
  const addName = (code: string, name: string, isPlace = false) => add(code, name.split(/\s+/).map((w) => nounKey(w, place)), isPlace);
  for (const c of countries) {
    for (const n of (rules.countryForms ?? []).flatMap((set) => c.forms[set] ?? [])) addName(c.code, n);
  }
  for (const p of extra.places) for (const n of p[lang] ?? []) addName(p.code, n, true);
  for (const [code, stems] of Object.entries(extra.adjectives[lang] ?? {})) for (const s of stems) add(code, [adjectiveKey(s, place)]);
  // Stems are at least two letters long (see `entryAt`), so their first two tell them apart.
  const pairs = { anyCase: new Set<number>(), capital: new Set<number>() };
  for (const [stem, list] of byStem) for (const e of list) (e.words[0]!.capital ? pairs.capital : pairs.anyCase).add(pairKey(stem));
  return { byStem, pairs, place };
});

/** The word without a possessive ending, where the language writes one ("Kazakhstan's"). */
const withoutPossessive = (word: string, p: PlaceWords): string => (p.possessive ? word.replace(p.possessive, '') : word);

/** Does the written word fit the key (stem + at most maxSuffix letters, capital when needed)? */
function fits(word: string, key: WordKey, p: PlaceWords): boolean {
  if (key.abbr) return word === key.stem || (key.maxSuffix > 0 && word.startsWith(`${key.stem}-`));
  const w = withoutPossessive(word, p);
  const lw = w.toLowerCase();
  if (!lw.startsWith(key.stem) || lw.length - key.stem.length > key.maxSuffix || lw.includes('-', key.stem.length)) return false;
  return !key.capital || /^\p{Lu}/u.test(w);
}

/** The entry that starts at words[i], longest name first, or null. */
function entryAt(words: string[], i: number, lang: SupportedLang): Entry | null {
  const { byStem, pairs, place } = compiled(lang);
  const base = withoutPossessive(words[i]!, place);
  // Most words name no state: told by their first two letters (and case), before any lookup.
  const head = base.slice(0, 2).toLowerCase();
  const capitalised = base[0] !== head[0];
  if (!pairs.anyCase.has(pairKey(head)) && !(capitalised && (pairs.capital.has(pairKey(head)) || pairs.capital.has(pairKey(base))))) return null;
  const lw = base.toLowerCase();
  let best: Entry | null = null;
  const consider = (list: Entry[] | undefined) => {
    for (const e of list ?? []) {
      if (best && best.words.length >= e.words.length) continue;
      if (e.words.every((key, n) => words[i + n] !== undefined && fits(words[i + n]!, key, place))) best = e;
    }
  };
  consider(byStem.get(base));
  for (let k = 0; k <= place.maxSuffix && lw.length - k >= 2; k++) consider(byStem.get(lw.slice(0, lw.length - k)));
  return best;
}

/** ISO codes of the countries named in `text`, in order of first mention. */
export function countriesIn(text: string, lang: SupportedLang): string[] {
  const words: string[] = [];
  const WORD_RE = wordRe();
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(text)) !== null) words.push(m[0]);
  const out: string[] = [];
  const push = (code: string) => { if (!out.includes(code)) out.push(code); };
  for (let i = 0; i < words.length; i++) {
    const e = entryAt(words, i, lang);
    if (e) { push(e.code); i += e.words.length - 1; continue; }
    // "казахско-азербайджанский", "Западно-Казахстанской": the parts of a hyphenated word.
    if (words[i]!.includes('-')) for (const part of words[i]!.split('-')) { const p = entryAt([part], 0, lang); if (p) push(p.code); }
  }
  return out;
}

/**
 * True when every hyphen-joined part of `word` is a country name or adjective ("Kazakh-Chinese");
 * a city ("Aktau") is a name of its own.
 */
export function onlyCountries(word: string, lang: SupportedLang): boolean {
  return word.split('-').every((part) => {
    const e = entryAt([part], 0, lang);
    return e !== null && e.words.length === 1 && !e.place;
  });
}
