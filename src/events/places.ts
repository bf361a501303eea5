// Places events happen in: rules/common/places.json (cities, residences, venues) looked up word by
// word. A name's words are keyed by their stems: Russian words lose their final vowels and take up
// to three letters of ending (Астана → Астане, Генеральная → Генеральной), Kazakh ones a suffix
// chain (Астанада, Ақордаға), English ones stay as written. No big regex alternation: each word of
// the text is looked up by its prefixes in a map built once per language.
import { loadRules, perLang } from '../rules/load.js';
import { lazyRegex } from '../rules/regex.js';
import { eventRules, type EventRules } from './rules.js';
import type { EventPlace, SupportedLang } from '../types.js';

interface PlaceData {
  en: string;
  city?: string;
  country: string;
  names: Partial<Record<SupportedLang, string[]>>;
}

interface WordKey {
  stem: string;
  maxSuffix: number;
  capital: boolean;
}

interface Entry {
  place: PlaceData;
  words: WordKey[];
}

const wordRe = lazyRegex(String.raw`[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*`, 'gu');
type PlaceWords = EventRules['placeWords'];

/**
 * The key of one word of a place's name, as the language's `placeWords` say it takes endings
 * (Генеральная → Генеральной, Москва → Москве, Баку as it is; Астанаға; Astana's).
 */
function wordKey(word: string, p: PlaceWords): WordKey {
  const capital = /^\p{Lu}/u.test(word);
  const lw = word.toLowerCase();
  if (/^[\p{Lu}\p{N}]+$/u.test(word) && word.length <= 5) return { stem: lw, maxSuffix: p.abbrSuffix, capital };
  if (p.indeclinable?.test(lw)) return { stem: lw, maxSuffix: 0, capital };
  const strip = p.strip.find((re) => re.test(lw));
  return { stem: strip ? lw.replace(strip, '') : lw, maxSuffix: p.maxSuffix, capital };
}

/** A word of the text as it is looked up: its possessive cut off. */
const bare = (word: string, p: PlaceWords): string => (p.possessive ? word.replace(p.possessive, '') : word);

const compiled = perLang((lang: SupportedLang) => {
  const { places } = loadRules<{ places: PlaceData[] }>('common', 'places');
  const p = eventRules(lang).placeWords;
  const byStem = new Map<string, Entry[]>();
  for (const place of places) {
    for (const name of place.names[lang] ?? []) {
      const words = (name.match(wordRe()) ?? []).map((w) => wordKey(w, p));
      if (!words.length) continue;
      const list = byStem.get(words[0]!.stem) ?? [];
      list.push({ place, words });
      list.sort((a, b) => b.words.length - a.words.length);
      byStem.set(words[0]!.stem, list);
    }
  }
  // The first two letters of every stem: most words of a text start otherwise and are passed over.
  const heads = new Set([...byStem.keys()].map((k) => k.slice(0, 2)));
  const minStem = Math.min(...[...byStem.keys()].map((k) => k.length));
  return { byStem, heads, minStem, p };
});

function fits(word: string, key: WordKey, p: PlaceWords): boolean {
  const w = bare(word, p);
  const lw = w.toLowerCase();
  if (!lw.startsWith(key.stem) || lw.length - key.stem.length > key.maxSuffix) return false;
  return !key.capital || /^\p{Lu}/u.test(w);
}

/** A place named in the text, with its span (UTF-16 offsets). */
export interface PlaceHit {
  start: number;
  end: number;
  place: EventPlace;
  /** Written as the name itself, with no case ending ("Анкара", not "Анкарада", "Анкараға"). */
  bare: boolean;
}

/** Every gazetteer place in `text[from, to)`, in order. */
export function placesIn(text: string, from: number, to: number, lang: SupportedLang): PlaceHit[] {
  const { byStem, heads, minStem, p } = compiled(lang);
  const words: { w: string; start: number; end: number }[] = [];
  const re = wordRe();
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m.index < to) words.push({ w: m[0], start: m.index, end: m.index + m[0].length });
  const out: PlaceHit[] = [];
  const maxSuffix = Math.max(p.maxSuffix, p.abbrSuffix);
  for (let i = 0; i < words.length; i++) {
    const lw = bare(words[i]!.w, p).toLowerCase();
    if (!heads.has(lw.slice(0, 2))) continue;
    let best: Entry | null = null;
    for (let k = 0; k <= maxSuffix && lw.length - k >= minStem; k++) {
      for (const e of byStem.get(lw.slice(0, lw.length - k)) ?? []) {
        if (best && best.words.length >= e.words.length) continue;
        if (e.words.every((key, n) => words[i + n] !== undefined && fits(words[i + n]!.w, key, p))) best = e;
      }
    }
    if (!best) continue;
    const last = words[i + best.words.length - 1]!;
    const place = best.place;
    const written = text.slice(words[i]!.start, last.end);
    out.push({
      start: words[i]!.start,
      end: last.end,
      place: { name: place.city ? `${place.en}, ${place.city}` : place.en, country: place.country, text: written },
      bare: (place.names[lang] ?? []).some((n) => n.toLowerCase() === written.toLowerCase()),
    });
    i += best.words.length - 1;
  }
  return out;
}
