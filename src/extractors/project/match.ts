// Finding project phrases around head nouns. One algorithm for every language, bound to the
// language's lexicon (rules/<lang>/project.json):
//   head-initial (ru, en): adjectives before the head, then complements after it: a quoted name,
//     a route of places joined by dashes, a Latin-script name, capitalised names, genitive words,
//     "по"/"of" + a noun, "в Актау" / "в порту Алят" (the location), "через Афганистан".
//   head-final (kk): the name and modifiers come before the head ("«Нұрлы жол» бағдарламасы",
//     "Транскаспий халықаралық көлік дәлізі").
//
// SPECIFICITY. A generic head alone is not a project: "проекты", "совместные проекты",
// "программа", "портовая инфраструктура" name no particular undertaking. A phrase is kept only
// when it carries a sign that it names one:
//   strong signs (enough for every head): a quoted name, a route of places, a Latin-script name,
//     a capitalised word that does not open the sentence (a proper modifier such as
//     "Транскаспийский", or the head itself written "Программа", "Фонд" mid-sentence), a location
//     ("в Актау"), a complement opened by "по" ("завод по производству сыра"), a gazetteer name;
//   weak signs (enough only for concrete heads: port, plant, railway, pipeline, cable, corridor):
//     a genitive complement, or two descriptive adjectives ("контейнерный хаб" needs more);
//   "weak" heads (проект, программа, центр, фонд, производство...) with only weak signs need a
//     descriptive adjective and a complement of two words or more ("Комплексная программа
//     развития двустороннего сотрудничества").
// Quoted-only heads (kk: жүйе, саясат, операция, бастама...) count only after a quoted name.
// PLURALS (rules `pluralHead`). A plural head names a class ("global trade routes", "projects in
// Central Asia"): it is kept only when the phrase names its members (a quote, a route of places, a
// capitalised name) or, for a concrete head, says where they are or go ("solar power plants in
// Uzbekistan", "железнодорожные маршруты через Афганистан").
// OWNERS (rules `ownerWords`, `ownerWordsBefore`). A head or name next to such a word is part of
// another thing's name: "Railway Station", "National Park Service", "Belt and Road Forum",
// "форум «Один пояс, один путь»" (index.ts) are no projects.
// HEAD FLAGS. `named` heads (bridge, мост) need a name; `created` heads (university) count only with
// a word of creation in the sentence ("создаётся Исследовательский университет"); `alone` heads
// ("атомная электростанция", like "АЭС") need no other sign.
//
// LISTS. Names joined by "и"/"мен" under one plural head are ONE fact, not one per name: "в портах
// Актау и Курык" gives the port fact "портах Актау и Курык" with location "Актау и Курык" (the
// names right after a port head are its places; rules `placeHeads`), "терминалы в Актау и Курыке"
// gives location "Актау и Курыке", kk "Ақтау мен Құрық порттары" location "Ақтау мен Құрық". The
// span then covers every name the text gives, and no fact is made of a bare name ("Курык").
// Two-country adjectives ("казахстанско-китайский завод", "қазақ-қытай ... орталығы") are a sign
// for concrete heads; for weak heads only with a complement or a second modifier.
// ASIDES. A parenthetical aside right after the head (rules `aside`: ", как сейчас принято
// говорить, ") is skipped when a complement word follows; it stays in the span but not in the name.
import type { ProjectKind } from '../../types.js';
import { countriesIn, onlyCountries } from './countries.js';
import { isSpecific, type Head, type Lexicon } from './lexicon.js';
import { adjacent, isCapitalised, isLatin, sentenceInitial, type Token } from './tokens.js';

export type PhraseRule = 'head-phrase' | 'quoted' | 'route' | 'latin';

export interface Phrase {
  start: number;
  end: number;
  kind: ProjectKind;
  location: string | null;
  rule: PhraseRule;
  confidence: number;
  /** A parenthetical aside inside the span, left out of the name. */
  gap?: { start: number; end: number };
}

interface Signals {
  quote: boolean;
  route: boolean;
  latin: boolean;
  cap: boolean;
  location: boolean;
  prep: boolean;
  complement: number;
  modifiers: number;
  /** A concrete head inside the complement: "проект прокладки ... кабеля". */
  innerHead: boolean;
  /** "совместного производства трансформаторов": a joint modifier and a concrete complement. */
  joint: boolean;
  /** "казахстанско-китайский завод": an adjective that names two countries. */
  pair: boolean;
  /** The route is only a "между"/"between" phrase after the head, not a name of places. */
  via: boolean;
}

const noSignals = (): Signals => ({
  quote: false, route: false, latin: false, cap: false, location: false, prep: false, complement: 0, modifiers: 0, innerHead: false, joint: false, pair: false, via: false,
});

/** The index of the token that starts (or ends) exactly at a UTF-16 offset; tokens are in text order. */
export function tokenIndex(tokens: readonly Token[], pos: number, edge: 'start' | 'end'): number | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = tokens[mid]![edge];
    if (at === pos) return mid;
    if (at < pos) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

const isWord = (t: Token | undefined): t is Token => t !== undefined && t.type === 'word';
const capWord = (t: Token | undefined): t is Token => isWord(t) && isCapitalised(t.text);

// The first word of a two-word place is an adjective: "Западная Европа", "Центральная Азия", "Western China".
const PLACE_ADJ = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ern|ral)$/u;

/**
 * A route of capitalised places joined by dashes, from token i: "Казахстан – Туркменистан – Иран",
 * "Западная Европа – Западный Китай" (a place may be an adjective and a name). Returns the last
 * token index or -1.
 */
export function routeAt(text: string, tokens: Token[], i: number): number {
  const place = (k: number): number => {
    if (!capWord(tokens[k])) return -1;
    const two = PLACE_ADJ.test(tokens[k]!.text) && capWord(tokens[k + 1]) && adjacent(text, tokens[k]!, tokens[k + 1]!);
    return two ? k + 1 : k;
  };
  let j = place(i);
  if (j < 0) return -1;
  let parts = 1;
  while (tokens[j + 1]?.type === 'dash' && capWord(tokens[j + 2]) && adjacent(text, tokens[j]!, tokens[j + 1]!) && adjacent(text, tokens[j + 1]!, tokens[j + 2]!)) {
    j = place(j + 2);
    parts++;
  }
  return parts >= 2 ? j : -1;
}

/** A capital letter that says "proper name": not the first word of a sentence. */
function capitalSignal(text: string, t: Token): boolean {
  return isCapitalised(t.text) && !sentenceInitial(text, t);
}

function kindOf(lex: Lexicon, head: Head, modifiers: Token[], complement: string): ProjectKind {
  for (const m of modifiers) for (const mk of lex.modifierKinds) if ((!mk.heads || mk.heads.includes(head.kind)) && mk.re.test(m.text)) return mk.kind;
  if (head.kind === 'other') {
    // "проект прокладки глубоководного электрического кабеля": the inner head is more telling.
    if (lex.specificHead.within.test(complement)) {
      const inner = lex.heads.find((h) => isSpecific(h) && h.find.test(complement));
      if (inner) return inner.kind;
    }
  }
  return head.kind;
}

function accept(head: Head, s: Signals, plural: boolean): boolean {
  const strong = s.quote || s.route || s.latin || s.cap || s.location || s.prep;
  if (head.quotedOnly) return s.quote;
  if (head.alone && !plural) return true;
  if (head.named) return s.quote || (s.route && !s.via) || s.latin || s.cap;
  // A plural head names a class ("global trade routes", "projects in Central Asia"), unless the
  // phrase names its members or, for a concrete head, where they are or go ("solar plants in Uzbekistan").
  if (plural) return s.quote || (s.route && !s.via) || s.latin || s.cap || (!head.weak && (s.location || s.prep || s.route));
  if (strong) return true;
  if (s.innerHead && s.complement >= 2) return true;
  if ((s.joint || s.pair) && s.complement >= 1) return true;
  if (!head.weak) return s.complement > 0 || s.modifiers >= 2 || s.pair;
  return s.modifiers >= 1 && s.complement >= 2;
}

/** The phrase around a head in a head-initial language (ru, en). */
export function headInitialPhrase(text: string, tokens: Token[], hs: number, he: number, head: Head, lex: Lexicon): Phrase | null {
  const s = noSignals();
  // Left: adjectives.
  let ls = hs;
  while (ls - 1 >= 0 && hs - (ls - 1) <= lex.maxLeft + (lex.routeBeforeHead ? 4 : 0)) {
    const t = tokens[ls - 1]!;
    if (!adjacent(text, t, tokens[ls]!)) break;
    // English "the Kazakhstan–Turkmenistan–Iran railway": a route's dashes between capitalised places.
    if (lex.routeBeforeHead && t.type === 'dash' && capWord(tokens[ls - 2]) && capWord(tokens[ls]) && adjacent(text, tokens[ls - 2]!, t)) {
      s.route = true;
      ls--;
      continue;
    }
    // "the Baku–Tbilisi–Kars (BTK) railway": an abbreviation in brackets between the name and the head.
    if (lex.routeBeforeHead && t.text === ')' && tokens[ls - 3]?.text === '(' && isWord(tokens[ls - 2]) && /^\p{Lu}{2,}$/u.test(tokens[ls - 2]!.text) && capWord(tokens[ls - 4]) && adjacent(text, tokens[ls - 4]!, tokens[ls - 3]!)) {
      ls -= 3;
      continue;
    }
    if (!isWord(t) || !lex.modifier.test(t.text) || notModifier(lex, t)) break;
    ls--;
  }
  while (ls < hs && lex.skipModifier?.test(tokens[ls]!.text)) ls++;
  while (ls < hs && tokens[ls]!.type === 'dash') ls++;
  // "Railway Station", "Park Service": the head modifies the next word.
  if (ownedBy(text, tokens, he, lex)) return null;
  const modifiers = tokens.slice(ls, hs);
  // The adjective of a two-word head ("дорожная карта") describes it as one before it would.
  s.modifiers = modifiers.length + (he - hs);
  // A compound adjective ("медно-обогатительная фабрика", "deep-water port") describes twice.
  for (const m of modifiers) if (isWord(m) && m.text.includes('-') && !isCapitalised(m.text) && !isPair(lex, m)) s.modifiers++;
  // "совместного производства": the joint modifier stays in the name of a jointEnough head.
  const jointAt = hs - 1;
  if (head.jointEnough && jointAt >= 0 && isWord(tokens[jointAt]) && adjacent(text, tokens[jointAt]!, tokens[hs]!) && lex.joint?.test(tokens[jointAt]!.text)) {
    s.joint = true;
    ls = Math.min(ls, jointAt);
  }
  for (const m of modifiers) {
    // A capital is a sign, unless the language capitalises nationality adjectives ("Kazakh-Chinese
    // projects" is no name); a Latin-script word in a language written otherwise is a name.
    const cap = capitalSignal(text, m) && !(lex.capitalisedAdjectives && onlyCountries(m.text, lex.lang));
    if (cap || (lex.latinNames && isLatin(m.text))) s.cap = true;
    if (isPair(lex, m)) s.pair = true;
  }
  // A capitalised head ("Программа", "Фонд" mid-sentence) names one, unless the language capitalises
  // a head alone to refer back to an institution (en "the Fund said").
  if (lex.headCapital || modifiers.length > 0) for (let k = hs; k <= he; k++) if (capitalSignal(text, tokens[k]!)) s.cap = true;

  // Right: complements.
  let end = he;
  let location: string | null = null;
  const complement: Token[] = [];
  let j = he + 1;
  const next = (k: number) => tokens[k] !== undefined && adjacent(text, tokens[k - 1]!, tokens[k]!);
  // After a name (capitalised words, a route, a Latin name) only a quote, a location or a route may follow.
  let named = false;
  let gap: Phrase['gap'];
  const placeHead = lex.placeHead?.test(tokens[he]!.text) ?? false;
  while (next(j)) {
    const t = tokens[j]!;
    // "дорожную карту, как сейчас принято говорить, развития сотрудничества": an aside right after
    // the head, when a complement word follows it.
    if (t.text === ',' && j === he + 1 && lex.aside) {
      lex.aside.lastIndex = t.start;
      const a = lex.aside.exec(text);
      const k = a ? tokenAt(tokens, j, a.index + a[0].length) : -1;
      const w = tokens[k];
      if (a && isWord(w) && !isCapitalised(w.text) && lex.complement?.test(w.text) && !lex.notComplement?.test(w.text)) {
        gap = { start: tokens[he]!.end, end: w.start };
        j = k;
        continue;
      }
      break;
    }
    if (t.type === 'quote') {
      s.quote = true;
      end = j++;
      if (isWord(tokens[j]) && lex.locationPreps.has(tokens[j]!.text.toLowerCase()) && next(j)) continue;
      break;
    }
    if (t.type !== 'word') break;
    const lw = t.text.toLowerCase();
    const r = routeAt(text, tokens, j);
    if (r >= 0) { s.route = true; named = true; end = r; j = r + 1; continue; }
    if (isLatin(t.text) && lex.latinNames) {
      end = j++;
      while (next(j) && isWord(tokens[j]) && isLatin(tokens[j]!.text)) end = j++;
      s.latin = true;
      named = true;
      continue;
    }
    if (lex.locationPreps.has(lw) && next(j + 1)) {
      let k = j + 1;
      if (lex.locationNoun?.test(tokens[k]!.text) && next(k + 1)) k++;
      if (capWord(tokens[k])) {
        while (next(k + 1) && capWord(tokens[k + 1])) k++;
        // "в Алматинской области": a capitalised adjective and its place noun.
        if (next(k + 1) && lex.locationNoun?.test(tokens[k + 1]!.text)) k++;
        const rk = routeAt(text, tokens, k);
        if (rk >= 0) k = rk;
        // "в Актау и Курыке": two places of one fact.
        else if (isAnd(lex, tokens[k + 1]) && next(k + 1) && next(k + 2) && capWord(tokens[k + 2])) k += 2;
        location = text.slice(tokens[j + 1]!.start, tokens[k]!.end);
        s.location = true;
        end = k;
      } else if (complement.length > 0 && lex.domainNoun) {
        // "развития сотрудничества в промышленной сфере": a domain, not a place; it continues the phrase.
        let d = j + 1;
        while (d < j + 3 && next(d + 1) && isWord(tokens[d]) && !isCapitalised(tokens[d]!.text) && lex.modifier.test(tokens[d]!.text)) d++;
        if (isWord(tokens[d]) && lex.domainNoun.test(tokens[d]!.text)) end = d;
      }
      break;
    }
    if (lex.routePreps.has(lw) && next(j + 1) && capWord(tokens[j + 1])) {
      let k = j + 1;
      while (next(k + 1) && (capWord(tokens[k + 1]) || isAnd(lex, tokens[k + 1]) && capWord(tokens[k + 2]))) k++;
      s.via = !s.route;
      s.route = true;
      end = k;
      break;
    }
    if (named) break;
    if (lex.complementPreps.has(lw) && next(j + 1) && isWord(tokens[j + 1])) {
      // "for the production of tractors": an article before a process noun is skipped ("of the visit" stays out).
      const n = lex.article?.test(tokens[j + 1]!.text) && next(j + 2) && isWord(tokens[j + 2]) && lex.processNoun?.test(tokens[j + 2]!.text) ? j + 2 : j + 1;
      const noun = tokens[n]!;
      if (lex.notComplement?.test(noun.text) || lex.notComplementLower?.test(noun.text)) break;
      // "program of reforms": right after the head, a `namePreps` preposition needs a name or a process noun.
      if (complement.length === 0 && lex.namePreps.has(lw) && !isCapitalised(noun.text) && !lex.processNoun?.test(noun.text)) break;
      s.prep = true;
      complement.push(noun);
      end = n;
      j = n + 1;
      // "the port of Aktau": the name after a port head is its place.
      if (placeHead && capWord(noun) && complement.length === 1) {
        location = noun.text;
        s.location = true;
        named = true;
        continue;
      }
      // "по переработке шкур": the noun after the preposition takes its own complement, whatever its ending.
      const w = tokens[j];
      // In English only after an adjective: "for industrial cooperation", not "of tractors will".
      if ((lex.prepFollow || lex.modifier.test(noun.text)) && next(j) && isWord(w) && !isCapitalised(noun.text) && !isCapitalised(w.text) && !lex.notComplement?.test(w.text) && !lex.locationPreps.has(w.text) && !lex.complementPreps.has(w.text)) {
        complement.push(w);
        end = j++;
      }
      continue;
    }
    if (capWord(t) && !lex.notComplement?.test(t.text)) {
      s.cap = s.cap || !sentenceInitial(text, t);
      named = true;
      complement.push(t);
      end = j++;
      // "в портах Актау и Курык": a list of names.
      if (isAnd(lex, tokens[j]) && next(j) && next(j + 1) && capWord(tokens[j + 1]) && routeAt(text, tokens, j + 1) < 0) {
        complement.push(tokens[j + 1]!);
        end = j + 1;
        j += 2;
      }
      // The names right after a port head are its places: one fact, "Актау и Курык" its location.
      if (placeHead && complement.length <= 2 && complement[0] === tokens[he + 1]) {
        location = text.slice(tokens[he + 1]!.start, tokens[end]!.end);
      }
      continue;
    }
    // "электростанция мощностью 100 МВт": a measure says the head is a particular one; it is no part of the name.
    if (lex.measureNoun?.test(t.text)) {
      s.complement++;
      break;
    }
    if (complement.length < lex.maxComplement && lex.complement?.test(t.text) && !lex.notComplement?.test(t.text)) {
      if (s.joint && complement.length === 0 && lex.genericComplement?.test(t.text)) s.joint = false;
      s.complement++;
      if (lex.specificHead.word.test(t.text)) s.innerHead = true;
      complement.push(t);
      end = j++;
      continue;
    }
    break;
  }
  if (!accept(head, s, lex.pluralHead?.test(tokens[he]!.text) ?? false)) return null;
  if (head.created && !beingCreated(text, tokens[ls]!.start, tokens[end]!.end, lex)) return null;
  const rule: PhraseRule = s.quote ? 'quoted' : s.route ? 'route' : 'head-phrase';
  return {
    start: tokens[ls]!.start,
    end: tokens[end]!.end,
    kind: kindOf(lex, head, modifiers, text.slice(tokens[he]!.end, tokens[end]!.end)),
    location,
    rule,
    confidence: s.quote || s.route ? 0.85 : s.cap || s.location ? 0.75 : 0.6,
    ...(gap && gap.end <= tokens[end]!.start ? { gap } : {}),
  };
}

/**
 * Is a word of creation (`creationWords`: "создаётся", "will build", "opening") in the sentence
 * around a phrase? An institution is a project only while it is being created.
 */
function beingCreated(text: string, start: number, end: number, lex: Lexicon): boolean {
  if (!lex.creationWord) return false;
  const before = text.slice(Math.max(0, start - 100), start).split(/[.!?\n]/).pop()!;
  const after = text.slice(end, end + 60).split(/[.!?\n]/)[0]!;
  return lex.creationWord.test(before) || lex.creationWord.test(after);
}

/** The word after token i, on the same line, is an `ownerWord`: the phrase names something else. */
function ownedBy(text: string, tokens: Token[], i: number, lex: Lexicon): boolean {
  const w = tokens[i + 1];
  return lex.ownerWord !== null && isWord(w) && adjacent(text, tokens[i]!, w) && lex.ownerWord.test(w.text);
}

const isAnd = (lex: Lexicon, t: Token | undefined): boolean => t !== undefined && (lex.coordinator?.test(t.text) ?? false);

/** The index of the token that starts at `offset`, if it is `from` or later; -1 if none. */
function tokenAt(tokens: Token[], from: number, offset: number): number {
  const k = tokenIndex(tokens, offset, 'start');
  return k !== undefined && k >= from ? k : -1;
}

function notModifier(lex: Lexicon, t: Token): boolean {
  if (lex.notModifier?.test(t.text)) return true;
  return (isCapitalised(t.text) ? lex.notModifierCap : lex.notModifierLower)?.test(t.text) ?? false;
}

/**
 * The phrase ending in a head in a head-final language (kk). The name is the run of capitalised
 * words nearest the head, with the lowercase descriptors between it and the head:
 * "Транскаспий халықаралық көлік дәлізі", "Bloomberg Media Group компаниясы".
 */
export function headFinalPhrase(text: string, tokens: Token[], hs: number, he: number, head: Head, lex: Lexicon): Phrase | null {
  if (lex.headNotEnding?.test(tokens[he]!.text)) return null;
  const prev = tokens[hs - 1];
  if (prev?.type === 'quote' && adjacent(text, prev, tokens[hs]!)) {
    return { start: prev.start, end: tokens[he]!.end, kind: head.kind, location: null, rule: 'quoted', confidence: 0.85 };
  }
  if (head.quotedOnly) return null;
  // Modifiers to the left; a route's dashes may sit between capitalised places.
  let ls = hs;
  while (ls - 1 >= 0 && hs - (ls - 1) <= lex.maxLeft + 2) {
    const t = tokens[ls - 1]!;
    if (!adjacent(text, t, tokens[ls]!)) break;
    if (t.type === 'dash' && capWord(tokens[ls - 2]) && capWord(tokens[ls])) { ls--; continue; }
    if (!isWord(t) || !lex.modifier.test(t.text) || notModifier(lex, t)) break;
    ls--;
  }
  while (ls < hs && lex.skipModifier?.test(tokens[ls]!.text)) ls++;
  // The capitalised run nearest the head, or else an adjective that names two countries
  // ("қазақ-қытай логистикалық орталығы").
  let last = -1;
  let pair = false;
  for (let k = hs - 1; k >= ls; k--) {
    if (capWord(tokens[k]) || (isWord(tokens[k]) && isLatin(tokens[k]!.text))) { last = k; break; }
    if (isPair(lex, tokens[k]!)) { last = k; pair = true; break; }
  }
  if (last < 0) {
    // "атом электр станциясы": a head that names an undertaking by itself.
    return head.alone ? { start: tokens[hs]!.start, end: tokens[he]!.end, kind: head.kind, location: null, rule: 'head-phrase', confidence: 0.6 } : null;
  }
  let first = last;
  while (first - 1 >= ls && (capWord(tokens[first - 1]) || tokens[first - 1]!.type === 'dash')) first--;
  while (first < last && tokens[first]!.type === 'dash') first++;
  // "Жүктер Транскаспий ... бағыты": a sentence-initial word before a proper name is not part of it.
  if (first < last && sentenceInitial(text, tokens[first]!) && capitalSignal(text, tokens[first + 1]!)) first++;
  // "Өзбекстан мен Қазақстан Орталық Азия ... орталығын": the word after "мен" is the second subject.
  if (first < last && lex.coordinator?.test(tokens[first - 1]?.text ?? '')) first++;
  let location: string | null = null;
  // "Ақтау мен Құрық порттары": two places of one port fact, like the Russian "в портах Актау и Курык".
  if (
    first === last && last === hs - 1 && lex.placeHead?.test(tokens[hs]!.text) && lex.coordinator?.test(tokens[first - 1]?.text ?? '') &&
    capWord(tokens[first - 2]) && adjacent(text, tokens[first - 2]!, tokens[first - 1]!) && adjacent(text, tokens[first - 1]!, tokens[first]!)
  ) {
    first -= 2;
    location = text.slice(tokens[first]!.start, tokens[last]!.end);
  } else if (first === last && last === hs - 1 && lex.placeHead?.test(tokens[hs]!.text)) {
    location = tokens[last]!.text;
  }
  // A two-country adjective is a sign for a concrete head, or with a second word ("қазақ-қытай
  // логистикалық орталығы", not "қазақ-қытай жобалары").
  const pairSign = (pair || tokens.slice(first, hs).some((t) => isPair(lex, t))) && (!head.weak || hs - first >= 2);
  const strong = pairSign || tokens.slice(first, hs).some((t) => t.type === 'word' && (capitalSignal(text, t) || isLatin(t.text)));
  // A sentence-initial capital says nothing; then the run must have two words or more.
  if (!strong && last === first) return null;
  const route = routeAt(text, tokens, first) >= 0;
  const modifiers = tokens.slice(first, hs);
  return {
    start: tokens[first]!.start,
    end: tokens[he]!.end,
    kind: kindOf(lex, head, modifiers, ''),
    location,
    rule: route ? 'route' : 'head-phrase',
    confidence: strong ? 0.7 : 0.55,
  };
}

/** "казахстанско-китайский", "қазақ-қытай": a hyphenated adjective that names two countries. */
function isPair(lex: Lexicon, t: Token): boolean {
  return t.type === 'word' && t.text.includes('-') && countriesIn(t.text, lex.lang).length >= 2;
}
